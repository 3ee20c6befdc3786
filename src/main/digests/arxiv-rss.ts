/**
 * arXiv RSS 2.0 feed (docs/formats.md, "arXiv RSS 2.0"), streamed with saxes: each `<item>` becomes a paper as soon as it closes,
 * so a 20,000-item feed never builds a document tree.
 */
import { applyArxivId, parseArxivId } from './arxiv-id'
import { classifyDoi } from './doi'
import { collapseWhitespace } from './text'
import { extractLinks } from './urls'
import { latexToUnicode } from './latex'
import { rfc822Date } from './dates'
import { splitAuthorList } from './names'
import { DigestError, type DigestMeta, type ParsedPaper, type PieceParser } from './types'
import { NS, newXmlParser, runXml, TextBuffer } from './xml'

/** `arXiv:<id>vN Announce Type: <type> \nAbstract: <text>` (tolerant of spacing). */
const PREFIX = /^\s*arXiv:(\S+)\s+Announce Type:[ \t]*(\S+)\s*?\n?\s*Abstract:[ \t]*/

/** Split an arXiv description into id, announce type and abstract. */
export function splitDescription(desc: string): { id?: string; announceType?: string; abstract: string } {
  const m = PREFIX.exec(desc)
  if (!m || m[1] === undefined || m[2] === undefined) return { abstract: desc }
  return { id: m[1], announceType: m[2], abstract: desc.slice(m[0].length) }
}

interface Item {
  /** 1-based position in the feed, for messages. */
  index: number
  title?: string
  link?: string
  description?: string
  guid?: string
  categories: string[]
  pubDate?: string
  announceType?: string
  rights?: string
  doi?: string
  journalRef?: string
  creator?: string
}

/** Element key for the fields we keep: `uri|local`. */
const ITEM_FIELDS = new Set([
  '|title',
  '|link',
  '|description',
  '|guid',
  '|category',
  '|pubDate',
  `${NS.arxiv}|announce_type`,
  `${NS.dc}|rights`,
  `${NS.arxiv}|DOI`,
  `${NS.arxiv}|doi`,
  `${NS.arxiv}|journal_reference`,
  `${NS.arxiv}|journal_ref`,
  `${NS.dc}|creator`
])

function store(item: Item, key: string, value: string): void {
  switch (key) {
    case '|title':
      item.title = value
      break
    case '|link':
      item.link = value
      break
    case '|description':
      item.description = value
      break
    case '|guid':
      item.guid = value
      break
    case '|category':
      if (value.trim() !== '') item.categories.push(value.trim())
      break
    case '|pubDate':
      item.pubDate = value
      break
    case `${NS.arxiv}|announce_type`:
      item.announceType = value.trim()
      break
    case `${NS.dc}|rights`:
      item.rights = value.trim()
      break
    case `${NS.arxiv}|DOI`:
    case `${NS.arxiv}|doi`:
      item.doi = value
      break
    case `${NS.arxiv}|journal_reference`:
    case `${NS.arxiv}|journal_ref`:
      item.journalRef = value
      break
    case `${NS.dc}|creator`:
      item.creator = item.creator === undefined ? value : `${item.creator}, ${value}`
      break
  }
}

/** Build a paper from arXiv feed fields shared by RSS 2.0 and the RSS service's Atom variant. */
export function feedPaper(item: Item, rank: number, warnings: string[]): ParsedPaper | undefined {
  const title = collapseWhitespace(latexToUnicode(item.title ?? ''))
  const desc = splitDescription(item.description ?? '')
  const id = parseArxivId(item.guid ?? '') ?? parseArxivId(desc.id ?? '') ?? parseArxivId(item.link ?? '')
  if (title === '') {
    warnings.push(`item ${item.index}: no title, skipped`)
    return undefined
  }
  const abstract = collapseWhitespace(latexToUnicode(desc.abstract))
  const extras: Record<string, unknown> = { rank }
  const announceType = item.announceType ?? desc.announceType
  if (announceType !== undefined) extras.announceType = announceType
  if (id?.version !== undefined) extras.version = id.version
  const announced = item.pubDate !== undefined ? rfc822Date(item.pubDate) : undefined
  if (announced !== undefined) extras.announced = announced
  if (item.rights !== undefined && item.rights !== '') extras.rights = item.rights
  if (item.journalRef !== undefined) extras.journalRef = collapseWhitespace(latexToUnicode(item.journalRef))
  const paper: ParsedPaper = {
    title,
    abstract,
    authors: splitAuthorList(item.creator ?? ''),
    links: { ...extractLinks(abstract) },
    categories: [...new Set(item.categories)],
    extras
  }
  if (!applyArxivId(paper, id)) warnings.push(`item ${item.index}: no arXiv id in "${title.slice(0, 60)}"`)
  if (item.doi !== undefined) {
    const d = classifyDoi(item.doi)
    if (d.doi !== undefined) {
      paper.doi = d.doi
      paper.links.doi = `https://doi.org/${d.doi}`
    }
  }
  return paper
}

export function newItem(index: number): Item {
  return { index, categories: [] }
}
export type { Item as FeedItem }

export const parseArxivRss: PieceParser = (text, ctx, onPaper) => {
  const p = newXmlParser()
  const warnings: string[] = []
  const buf = new TextBuffer()
  let depth = 0
  let inChannel = false
  let item: Item | undefined
  let field: string | undefined
  let channelField: string | undefined
  let channelDate: string | undefined
  let rank = 0
  let count = 0
  let rootChecked = false

  p.on('text', (t) => buf.push(t))
  p.on('cdata', (t) => buf.push(t))
  p.on('opentag', (tag) => {
    depth++
    if (!rootChecked) {
      rootChecked = true
      if (tag.local !== 'rss' || tag.uri !== '') throw new DigestError(`not an RSS feed (root element <${tag.name}>)`)
      return
    }
    if (depth === 2 && tag.local === 'channel') inChannel = true
    else if (inChannel && depth === 3 && tag.local === 'item' && tag.uri === '') item = newItem(++count)
    else if (item && depth === 4) {
      const key = `${tag.uri}|${tag.local}`
      if (ITEM_FIELDS.has(key)) {
        field = key
        buf.start()
      }
    } else if (inChannel && depth === 3 && tag.uri === '' && tag.local === 'pubDate') {
      channelField = 'pubDate'
      buf.start()
    }
  })
  p.on('closetag', () => {
    if (field !== undefined && depth === 4 && item) {
      store(item, field, buf.take())
      field = undefined
    } else if (channelField !== undefined && depth === 3) {
      channelDate = rfc822Date(buf.take())
      if (channelDate !== undefined) ctx.onDate?.(channelDate, false)
      channelField = undefined
    } else if (item && depth === 3) {
      const paper = feedPaper(item, ++rank, warnings)
      if (paper) onPaper(paper)
      item = undefined
    } else if (depth === 2) inChannel = false
    depth--
  })
  runXml(p, text)
  const meta: DigestMeta = { format: 'arxiv-rss', warnings }
  if (channelDate !== undefined) meta.date = channelDate
  return meta
}
