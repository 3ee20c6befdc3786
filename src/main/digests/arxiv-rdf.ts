/**
 * arXiv's RSS 1.0 (RDF) feed, as served before 2024 (docs/formats.md, "arXiv RSS 1.0"): root `rdf:RDF`,
 * one `<item rdf:about=".../abs/<id>">` per paper beside (not inside) the channel. The title carries
 * ` (arXiv:<id>vN [cat] UPDATED|CROSS LISTED)`, the description is escaped HTML, `dc:creator` a list of
 * escaped `<a>` links that may end in `et al. (N additional authors not shown)`. Streamed like RSS 2.0.
 */
import { Parser } from 'htmlparser2'
import { applyArxivId, parseArxivId } from './arxiv-id'
import { collapseWhitespace } from './text'
import { extractLinks } from './urls'
import { latexToUnicode } from './latex'
import { isoDay } from './dates'
import { splitAuthorList } from './names'
import { DigestError, type DigestMeta, type ParsedPaper, type PieceParser } from './types'
import { NS, newXmlParser, runXml, TextBuffer } from './xml'

/** ` (arXiv:2201.08239v2 [cs.CL] UPDATED)` at the end of a title, after arXiv's added full stop. */
const SUFFIX = /\.?\s*\(arXiv:(\S+?)\s*(?:\[([^\]]*)\])?\s*([A-Z][A-Z ]*)?\)\s*$/

/** Split an RSS 1.0 title into the title, id, primary category and announce type. */
export function splitRdfTitle(raw: string): { title: string; id?: string; category?: string; announceType: string } {
  const m = SUFFIX.exec(raw)
  if (!m) return { title: raw, announceType: 'new' }
  const flags = (m[3] ?? '').trim()
  const replaced = /UPDATED/.test(flags)
  const cross = /CROSS/.test(flags)
  const announceType = replaced && cross ? 'replace-cross' : replaced ? 'replace' : cross ? 'cross' : 'new'
  const out: { title: string; id?: string; category?: string; announceType: string } = {
    title: raw.slice(0, m.index),
    announceType
  }
  if (m[1] !== undefined) out.id = m[1]
  if (m[2] !== undefined && m[2].trim() !== '') out.category = m[2].trim()
  return out
}

/** Escaped HTML (after XML parsing) as text: tags dropped, entities decoded, paragraphs kept apart. */
export function htmlToText(html: string): string {
  const parts: string[] = []
  const parser = new Parser(
    {
      ontext: (t) => parts.push(t),
      onopentag: (name) => {
        if (name === 'p' || name === 'br') parts.push('\n\n')
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return parts
    .join('')
    .split(/\n\s*\n/)
    .map((p) => collapseWhitespace(p))
    .filter((p) => p !== '')
    .join('\n\n')
}

const RSS1 = 'http://purl.org/rss/1.0/'
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'

interface RdfItem {
  index: number
  about?: string
  title?: string
  link?: string
  description?: string
  creator?: string
}

function rdfPaper(item: RdfItem, rank: number, warnings: string[]): ParsedPaper | undefined {
  const t = splitRdfTitle(collapseWhitespace(item.title ?? ''))
  const title = collapseWhitespace(latexToUnicode(t.title))
  if (title === '') {
    warnings.push(`item ${item.index}: no title, skipped`)
    return undefined
  }
  const abstract = htmlToText(item.description ?? '')
    .split('\n\n')
    .map((p) => latexToUnicode(p))
    .join('\n\n')
  const creators = htmlToText(item.creator ?? '').replace(/\n\n/g, ' ')
  const paper: ParsedPaper = {
    title,
    abstract,
    authors: splitAuthorList(creators),
    links: { ...extractLinks(abstract) },
    categories: t.category !== undefined ? [t.category] : [],
    extras: { rank, announceType: t.announceType }
  }
  if (/\bet\.?\s*al\b/i.test(creators)) paper.extras.etAl = true // the list is partial
  const id = parseArxivId(t.id ?? '') ?? parseArxivId(item.about ?? '') ?? parseArxivId(item.link ?? '')
  if (id?.version !== undefined) paper.extras.version = id.version
  if (!applyArxivId(paper, id)) warnings.push(`item ${item.index}: no arXiv id in "${title.slice(0, 60)}"`)
  return paper
}

export const parseArxivRdf: PieceParser = (text, ctx, onPaper) => {
  const p = newXmlParser()
  const warnings: string[] = []
  const buf = new TextBuffer()
  let depth = 0
  let item: RdfItem | undefined
  let field: keyof RdfItem | undefined
  let inChannel = false
  let date: string | undefined
  let count = 0
  let rank = 0

  p.on('text', (t) => buf.push(t))
  p.on('cdata', (t) => buf.push(t))
  p.on('opentag', (tag) => {
    depth++
    if (depth === 1) {
      if (tag.local !== 'RDF' || tag.uri !== RDF)
        throw new DigestError(`not an RSS 1.0 feed (root element <${tag.name}>)`)
    } else if (depth === 2 && tag.local === 'item' && tag.uri === RSS1) {
      item = { index: ++count }
      const about = tag.attributes['rdf:about']
      if (about !== undefined) item.about = typeof about === 'string' ? about : about.value
    } else if (depth === 2 && tag.local === 'channel') inChannel = true
    else if (item && depth === 3) {
      const key =
        tag.uri === NS.dc ? (tag.local === 'creator' ? 'creator' : undefined) : tag.uri === RSS1 ? tag.local : undefined
      if (key === 'title' || key === 'link' || key === 'description' || key === 'creator') {
        field = key
        buf.start()
      }
    } else if (inChannel && depth === 3 && tag.uri === NS.dc && tag.local === 'date') {
      field = 'about' // the channel's date, read into `date` below
      buf.start()
    }
  })
  p.on('closetag', () => {
    if (field !== undefined && depth === 3) {
      const value = buf.take()
      if (item && field !== 'about' && field !== 'index') {
        item[field] = field === 'creator' && item.creator !== undefined ? `${item.creator}, ${value}` : value
      } else if (!item && field === 'about' && date === undefined) {
        date = isoDay(value.trim())
        if (date !== undefined) ctx.onDate?.(date, false)
      }
      field = undefined
    } else if (depth === 2 && item) {
      const paper = rdfPaper(item, ++rank, warnings)
      if (paper) onPaper(paper)
      item = undefined
    } else if (depth === 2) inChannel = false
    depth--
  })
  runXml(p, text)
  const meta: DigestMeta = { format: 'arxiv-rdf', warnings }
  if (date !== undefined) meta.date = date
  return meta
}
