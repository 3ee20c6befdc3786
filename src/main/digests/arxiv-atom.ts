/**
 * arXiv Atom (docs/formats.md, "arXiv Atom"): the query API (`export.arxiv.org/api/query`) and the RSS service's Atom variant
 * (`rss.arxiv.org/atom/<cat>`, `oai:` ids and the RSS description prefix). Streamed with saxes.
 */
import { applyArxivId, isArxivCategory, parseArxivId } from './arxiv-id'
import { classifyDoi } from './doi'
import { collapseWhitespace } from './text'
import { extractLinks, safeHttpUrl } from './urls'
import { isoDay } from './dates'
import { latexToUnicode } from './latex'
import { feedPaper, newItem } from './arxiv-rss'
import { DigestError, type DigestMeta, type ParsedPaper, type PieceParser } from './types'
import { NS, newXmlParser, runXml, TextBuffer } from './xml'

interface Author {
  name: string
  affiliations: string[]
}

interface Entry {
  /** 1-based position in the feed, for messages. */
  index: number
  id?: string
  title?: string
  summary?: string
  published?: string
  updated?: string
  authors: Author[]
  creators: string[]
  doi?: string
  doiLink?: string
  primary?: string
  categories: string[]
  comment?: string
  journalRef?: string
  announceType?: string
  rights?: string
}

const A = NS.atom
const X = NS.arxiv

export const parseArxivAtom: PieceParser = (text, _ctx, onPaper) => {
  const p = newXmlParser()
  const warnings: string[] = []
  const buf = new TextBuffer()
  const stack: string[] = []
  let entry: Entry | undefined
  let author: Author | undefined
  let field: string | undefined
  let feedUpdated: string | undefined
  let totalResults: number | undefined
  let rank = 0
  let count = 0

  p.on('text', (t) => buf.push(t))
  p.on('cdata', (t) => buf.push(t))
  p.on('opentag', (tag) => {
    stack.push(`${tag.uri}|${tag.local}`)
    const depth = stack.length
    const key = `${tag.uri}|${tag.local}`
    if (depth === 1) {
      if (key !== `${A}|feed`) throw new DigestError(`not an Atom feed (root element <${tag.name}>)`)
      return
    }
    const attr = (name: string): string | undefined => tag.attributes[name]?.value
    if (depth === 2) {
      if (key === `${A}|entry`) entry = { index: ++count, authors: [], creators: [], categories: [] }
      else if (key === `${A}|updated` || key === `${NS.opensearch}|totalResults`) {
        field = key
        buf.start()
      }
      return
    }
    if (!entry) return
    if (depth === 3) {
      switch (key) {
        case `${A}|author`:
          author = { name: '', affiliations: [] }
          return
        case `${A}|category`: {
          const term = attr('term')?.trim()
          if (term) entry.categories.push(term)
          return
        }
        case `${X}|primary_category`:
          entry.primary = attr('term')?.trim() || undefined
          return
        case `${A}|link`:
          if (attr('title') === 'doi' && attr('href')) entry.doiLink = attr('href')
          return
      }
    }
    if ((depth === 3 && key !== `${A}|author`) || (depth === 4 && author)) {
      field = key
      buf.start()
    }
  })
  p.on('closetag', () => {
    const depth = stack.length
    const key = stack.pop() as string
    if (field !== undefined && field === key) {
      const value = buf.take()
      field = undefined
      if (!entry) {
        if (key === `${A}|updated`) feedUpdated = value.trim()
        else totalResults = Number(value.trim())
        return
      }
      if (author && depth === 4) {
        if (key === `${A}|name`) author.name = collapseWhitespace(latexToUnicode(value))
        else if (key === `${X}|affiliation`) author.affiliations.push(collapseWhitespace(value))
        return
      }
      storeEntry(entry, key, value)
      return
    }
    if (author && depth === 3 && key === `${A}|author`) {
      if (author.name !== '' && entry) entry.authors.push(author)
      author = undefined
      return
    }
    if (entry && depth === 2) {
      const paper = entryPaper(entry, ++rank, warnings)
      if (paper) onPaper(paper)
      entry = undefined
    }
  })
  runXml(p, text)
  const meta: DigestMeta = { format: 'arxiv-atom', warnings }
  const day = isoDay(feedUpdated)
  if (day !== undefined) meta.date = day
  if (rank === 0 && totalResults === 0) warnings.push('the query returned no results (totalResults 0)')
  return meta
}

function storeEntry(e: Entry, key: string, value: string): void {
  switch (key) {
    case `${A}|id`:
      e.id = value.trim()
      break
    case `${A}|title`:
      e.title = value
      break
    case `${A}|summary`:
      e.summary = value
      break
    case `${A}|published`:
      e.published = value.trim()
      break
    case `${A}|updated`:
      e.updated = value.trim()
      break
    case `${X}|doi`:
    case `${X}|DOI`:
      e.doi = value.trim()
      break
    case `${X}|comment`:
      e.comment = value
      break
    case `${X}|journal_ref`:
    case `${X}|journal_reference`:
      e.journalRef = value
      break
    case `${X}|announce_type`:
      e.announceType = value.trim()
      break
    case `${NS.dc}|creator`:
      e.creators.push(value)
      break
    case `${NS.dc}|rights`:
      e.rights = value.trim()
      break
  }
}

function isApiError(e: Entry): boolean {
  if (e.id !== undefined && /\/api\/errors/.test(e.id)) return true
  return e.title?.trim() === 'Error' && e.authors.some((a) => a.name === 'arXiv api core')
}

function entryPaper(e: Entry, rank: number, warnings: string[]): ParsedPaper | undefined {
  if (isApiError(e))
    throw new DigestError(`arXiv API error: ${collapseWhitespace(e.summary ?? e.id ?? 'unknown error')}`)
  if (e.id?.startsWith('oai:')) {
    // The RSS service's Atom variant: same fields as RSS 2.0.
    const item = newItem(e.index)
    item.title = e.title
    item.description = e.summary
    item.guid = e.id
    item.categories = e.categories
    if (e.published !== undefined) item.pubDate = e.published
    if (e.announceType !== undefined) item.announceType = e.announceType
    if (e.doi !== undefined) item.doi = e.doi
    if (e.journalRef !== undefined) item.journalRef = e.journalRef
    if (e.rights !== undefined) item.rights = e.rights
    item.creator = e.creators.length > 0 ? e.creators.join(', ') : e.authors.map((a) => a.name).join(', ')
    const paper = feedPaper(item, rank, warnings)
    if (paper && e.published !== undefined) {
      delete paper.extras.announced
      const day = isoDay(e.published)
      if (day !== undefined) paper.extras.announced = day
    }
    return paper
  }
  const title = collapseWhitespace(latexToUnicode(e.title ?? ''))
  if (title === '') {
    warnings.push(`entry ${e.index}: no title, skipped`)
    return undefined
  }
  const id = parseArxivId(e.id ?? '')
  const abstract = collapseWhitespace(latexToUnicode(e.summary ?? ''))
  const extras: Record<string, unknown> = { rank }
  if (id?.version !== undefined) extras.version = id.version
  if (e.updated !== undefined) extras.updated = e.updated
  if (e.comment !== undefined) extras.comments = collapseWhitespace(e.comment)
  if (e.journalRef !== undefined) extras.journalRef = collapseWhitespace(latexToUnicode(e.journalRef))
  const affiliations = Object.fromEntries(
    e.authors.filter((a) => a.affiliations.length > 0).map((a) => [a.name, a.affiliations])
  )
  if (Object.keys(affiliations).length > 0) extras.affiliations = affiliations
  // The API lists MSC and ACM classes (`53C30, 53C25`, `I.2.6`) as categories too: they are not arXiv's.
  const all = [...new Set([...(e.primary !== undefined ? [e.primary] : []), ...e.categories])]
  const categories = all.filter(isArxivCategory)
  const classes = all.filter((c) => !isArxivCategory(c))
  if (classes.length > 0) extras.classes = classes
  const paper: ParsedPaper = {
    title,
    abstract,
    authors: e.authors.map((a) => a.name),
    links: { ...extractLinks(abstract) },
    categories,
    extras
  }
  if (!applyArxivId(paper, id)) warnings.push(`entry ${e.index}: no arXiv id in "${title.slice(0, 60)}"`)
  if (e.published !== undefined) paper.published = e.published
  const d = classifyDoi(e.doi ?? e.doiLink ?? '')
  if (d.doi !== undefined) {
    paper.doi = d.doi
    paper.links.doi = (e.doiLink !== undefined ? safeHttpUrl(e.doiLink) : undefined) ?? `https://doi.org/${d.doi}`
  }
  if (!paper.links.code && e.comment !== undefined) {
    const c = extractLinks(e.comment).code
    if (c !== undefined) paper.links.code = c
  }
  return paper
}
