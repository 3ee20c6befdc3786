/**
 * The search box's little language, turned into a safe FTS5 MATCH expression plus filters.
 *   words            all must match (the last one as a prefix: search as you type)
 *   "a phrase"       exact phrase
 *   status:unread    status:reading, status:read
 *   starred          (or is:starred)
 *   tag:name         papers with that tag
 *   digest:2024-06-06  papers listed in a digest of that date
 *   like:123         papers nearest to paper 123 by text, nearest first (src/main/ranking/similar.ts)
 *   author:hinton    words in the authors' names only (author:"geoffrey hinton" for a phrase)
 *   1706.02515       an arXiv id, arXiv:… or an arxiv.org link; a DOI (10.…/…, doi:…, a doi.org
 *                    link): the paper with that id (several ids: any of them)
 * User text never reaches FTS5 syntax unquoted, so no query can raise an FTS5 syntax error.
 * A `name:value` that is no filter is explained, like a malformed filter, rather than searched as
 * words that match nothing; identifiers and addresses (arXiv:…, doi:…, https:…) stay words.
 */
import { STATUSES, type Status, type View } from '../../shared/contract'
import { LibraryError } from './db'
import { searchId } from './search-ids'

export interface ParsedQuery {
  /** FTS5 expression, or null when the query is filters only. */
  match: string | null
  /** The words and phrases searched for, for highlighting. */
  terms: string[]
  status?: Status
  starred?: boolean
  tag?: string
  digestDate?: string
  /** like:<paper>: rank by closeness to this paper (a library id, arXiv id or DOI). */
  like?: string
  /** arXiv ids and DOIs typed whole: the papers with any of them. */
  arxivIds: string[]
  dois: string[]
}

const WORD = /[\p{L}\p{N}]+/gu
/** `prefix:` forms that are part of what is searched for, not filters. */
const WORD_PREFIXES = new Set(['arxiv', 'doi', 'http', 'https', 'isbn', 'issn', 'pmid'])
const FILTERS = 'status:, tag:, digest:, author:, like: or starred'
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`

function bad(message: string): never {
  throw new LibraryError('bad-query', message)
}

export function parseQuery(input: string): ParsedQuery {
  const out: ParsedQuery = { match: null, terms: [], arxivIds: [], dois: [] }
  const parts: string[] = []
  // Tokens: "quoted phrase" (an unclosed quote runs to the end), or a run of non-space.
  // (A filter may take a quoted value: author:"geoffrey hinton".)
  const tokens = input.match(/[a-z]+:"[^"]*"?|"[^"]*"?|\S+/gi) ?? []
  tokens.forEach((tok, i) => {
    const last = i === tokens.length - 1
    if (tok.startsWith('"')) {
      const words = tok.replace(/"/g, '').match(WORD) ?? []
      if (words.length) {
        parts.push(quote(words.join(' ')))
        out.terms.push(words.join(' '))
      }
      return
    }
    const id = searchId(tok)
    if (id) {
      if ('arxiv' in id) out.arxivIds.push(id.arxiv)
      else out.dois.push(id.doi)
      return
    }
    const filter = /^([a-z]+):(.*)$/i.exec(tok)
    if (filter) {
      const [, rawKey, value = ''] = filter
      const key = rawKey!.toLowerCase()
      if (key === 'status') {
        if (!(STATUSES as readonly string[]).includes(value.toLowerCase()))
          bad(`Unknown status "${value}": use status:unread, status:reading or status:read`)
        out.status = value.toLowerCase() as Status
        return
      }
      if (key === 'is') {
        if (value.toLowerCase() !== 'starred') bad(`is: takes only "starred" (is:starred), not "${value}"`)
        return void (out.starred = true)
      }
      if (key === 'tag') {
        if (!value) bad('tag: needs a tag name, e.g. tag:rlhf')
        out.tag = value
        return
      }
      if (key === 'digest') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
          bad(`digest: needs a date like digest:2024-06-06, not "${value}"`)
        out.digestDate = value
        return
      }
      if (key === 'like') {
        if (!value) bad('like: needs a paper id, e.g. like:123')
        out.like = value
        return
      }
      if (key === 'author' || key === 'authors') {
        const words = value.replace(/"/g, '').match(WORD) ?? []
        if (!words.length) bad('author: needs a name, e.g. author:hinton or author:"geoffrey hinton"')
        const phrase = words.join(' ')
        // As you type, the last word of an unquoted name is a prefix (author:hint finds Hinton).
        const prefix = last && words.length === 1 && !value.startsWith('"')
        parts.push(`authors : ${quote(phrase)}${prefix ? '*' : ''}`)
        out.terms.push(phrase)
        return
      }
      // "Mamba:" (a title's colon) and identifiers (arXiv:1706.02515) are words; title:x is not a filter.
      if (value && !WORD_PREFIXES.has(key))
        bad(`"${key}:" is not a filter: use ${FILTERS}; to search for the words, leave out the colon`)
    }
    if (tok.toLowerCase() === 'starred') return void (out.starred = true)
    const words = tok.match(WORD) ?? []
    if (!words.length) return
    if (words.length === 1) {
      parts.push(quote(words[0]) + (last ? '*' : ''))
      out.terms.push(words[0])
    } else {
      parts.push(quote(words.join(' ')))
      out.terms.push(words.join(' '))
    }
  })
  out.match = parts.length ? parts.join(' ') : null
  return out
}

/** The FTS5 expression for a query, optionally limited to one column. */
export function toMatchExpression(input: string, column?: 'title' | 'abstract' | 'authors' | 'notes'): string | null {
  const { match } = parseQuery(input)
  if (!match) return null
  return column ? `${column} : (${match})` : match
}

/** The smart views that show one status. */
const VIEW_STATUS: Partial<Record<View, Status>> = { unread: 'unread', reading: 'reading', read: 'read' }
const VIEW_NAME: Record<Status, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' }

/**
 * A status: filter typed in a view of another status (status:read in Unread) would show nothing:
 * the filter wins, over the whole library. Returns the note that says so, or null.
 */
export function statusOverridesView(view: View | undefined, parsed: ParsedQuery | null): string | null {
  const shown = view ? VIEW_STATUS[view] : undefined
  if (!parsed?.status || !shown || shown === parsed.status) return null
  return `status:${parsed.status} searches ${VIEW_NAME[parsed.status]} — showing All, not ${VIEW_NAME[shown]}`
}
