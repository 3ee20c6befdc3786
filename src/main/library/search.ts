/**
 * The search box's little language, turned into a safe FTS5 MATCH expression plus filters.
 *   words            all must match (the last one as a prefix: search as you type)
 *   "a phrase"       exact phrase
 *   status:unread    status:reading, status:read
 *   starred          (or is:starred)
 *   tag:name         papers with that tag
 *   digest:2024-06-06  papers listed in a digest of that date
 *   author:hinton    words in the authors' names only (author:"geoffrey hinton" for a phrase)
 *   1706.02515       an arXiv id, arXiv:… or an arxiv.org link; a DOI (10.…/…, doi:…, a doi.org
 *                    link): the paper with that id (several ids: any of them)
 * User text never reaches FTS5 syntax unquoted, so no query can raise an FTS5 syntax error.
 */
import { STATUSES, type Status } from '../../shared/contract'
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
  /** arXiv ids and DOIs typed whole: the papers with any of them. */
  arxivIds: string[]
  dois: string[]
}

const WORD = /[\p{L}\p{N}]+/gu
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
      if (key === 'is' && value.toLowerCase() === 'starred') return void (out.starred = true)
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
      // Not a known filter: treat as plain words (e.g. "see:appendix").
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
