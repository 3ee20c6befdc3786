/**
 * saxes helpers shared by detection and the arXiv feed parsers. The input is untrusted: saxes never fetches
 * external entities and does not expand DTD entities; a DOCTYPE that declares entities is refused outright.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { DigestError, type TextPieces } from './types'

export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  arxiv: 'http://arxiv.org/schemas/atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  opensearch: 'http://a9.com/-/spec/opensearch/1.1/'
} as const

export type XmlParser = SaxesParser<{ xmlns: true; position: boolean }>
export type Tag = SaxesTagNS

/**
 * A namespace-aware parser that refuses entity declarations. Position tracking is off by default (it costs
 * ~15% on a 36 MB feed); `runXml` re-parses with positions only to locate an error.
 */
export function newXmlParser(position = false): XmlParser {
  const p: XmlParser = new SaxesParser({ xmlns: true, position })
  p.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) throw new DigestError('XML with entity declarations in its DOCTYPE is not accepted')
  })
  // saxes resolves each element's namespace prefixes by walking the open elements: n nested elements cost
  // n²/2 steps (100,000 in a 705 KB file took two minutes). Feeds nest less than 10 deep: refuse a
  // document deeper than MAX_XML_DEPTH before that walk, so any document costs linear time.
  // `tags` (the open elements) is private in saxes' types but a plain field; saxes is pinned.
  const open = p as unknown as { tags: unknown[] }
  p.on('opentagstart', () => {
    if (open.tags.length >= MAX_XML_DEPTH) {
      throw new DigestError(
        `XML nested more than ${MAX_XML_DEPTH} elements deep: not a feed (arXiv feeds nest fewer than 10)`
      )
    }
  })
  return p
}

/** The deepest nesting accepted: arXiv's feeds nest fewer than 10 elements; a generous margin. */
export const MAX_XML_DEPTH = 100

/** Turn a saxes error (`"12:5: message"`) into a one-line DigestError with line and column. */
export function xmlError(e: unknown): DigestError {
  if (e instanceof DigestError) return e
  const msg = e instanceof Error ? e.message : String(e)
  const m = /^(\d+):(\d+): (.*)$/s.exec(msg)
  if (m && m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
    const line = Number(m[1])
    const column = Number(m[2])
    return new DigestError(`invalid XML at line ${line}, column ${column}: ${firstLine(m[3])}`, { line, column })
  }
  return new DigestError(`invalid XML: ${firstLine(msg)}`)
}

function firstLine(s: string): string {
  const i = s.indexOf('\n')
  return i === -1 ? s : s.slice(0, i)
}

/** Run a parser over the whole text, converting errors. `stop` errors thrown by handlers pass through. */
export function runXml(p: XmlParser, text: string | TextPieces): void {
  try {
    if (typeof text === 'string') p.write(text)
    else for (const piece of text.pieces) p.write(piece)
    p.close()
  } catch (e) {
    if (e instanceof StopSniff || e instanceof DigestError) throw e
    // saxes reports malformed XML with a plain Error; anything else came from a handler (e.g. the
    // import's database write: disk full) and is not the document's fault: pass it through.
    if (e instanceof Error && e.constructor !== Error) throw e
    throw locateXmlError(typeof text === 'string' ? text : text.whole(), e)
  }
}

/** Parse again with position tracking and no handlers, to report where the document is malformed. */
function locateXmlError(text: string, original: unknown): DigestError {
  try {
    newXmlParser(true).write(text).close()
  } catch (e) {
    return xmlError(e)
  }
  return xmlError(original)
}

/** Thrown by a handler to end a sniff early. */
export class StopSniff extends Error {
  constructor(readonly result: SniffedFeed) {
    super('stop')
  }
}

/** Text of the current element, accumulated only while `active`. */
export class TextBuffer {
  private parts: string[] = []
  active = false
  start(): void {
    this.parts = []
    this.active = true
  }
  push(s: string): void {
    if (this.active) this.parts.push(s)
  }
  take(): string {
    this.active = false
    const s = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('')
    this.parts = []
    return s
  }
}

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
type SniffedFeed = 'arxiv-rss' | 'arxiv-atom' | 'arxiv-rdf'

const ARXIV_ENTRY_ID = /^(?:https?:\/\/arxiv\.org\/abs\/|oai:arxiv\.org:)/i
const ARXIV_API_ID = /^https?:\/\/arxiv\.org\/api\//i

/**
 * Tell an arXiv RSS 2.0, RSS 1.0 (RDF) or Atom feed apart by content (docs/formats.md, "Detection"). Throws DigestError for XML that is
 * neither (HTML, other RSS/Atom feeds, any other document).
 */
export function sniffXml(text: string): SniffedFeed
/**
 * With `prefix`: `text` is only the start of the document; undefined when that start does not decide
 * (or is malformed: the whole document's parse then says where).
 */
export function sniffXml(text: string, prefix: true): SniffedFeed | undefined
export function sniffXml(text: string, prefix = false): SniffedFeed | undefined {
  const p = newXmlParser()
  const stack: string[] = []
  const buf = new TextBuffer()
  let root: 'rss' | 'atom' | 'rdf' | undefined
  const decide = (ok: boolean, kind: SniffedFeed): void => {
    if (ok) throw new StopSniff(kind)
  }
  p.on('text', (t) => buf.push(t))
  p.on('cdata', (t) => buf.push(t))
  p.on('opentag', (tag) => {
    stack.push(tag.local)
    if (stack.length === 1) {
      const declaresArxiv = Object.values(tag.ns).includes(NS.arxiv)
      if (tag.local === 'rss' && tag.uri === '') {
        root = 'rss'
        decide(declaresArxiv, 'arxiv-rss')
      } else if (tag.local === 'feed' && tag.uri === NS.atom) {
        root = 'atom'
        decide(declaresArxiv, 'arxiv-atom')
      } else if (tag.local === 'RDF' && tag.uri === RDF_NS) {
        root = 'rdf'
      } else if (tag.local.toLowerCase() === 'html') {
        throw new DigestError(
          'HTML pages are not supported: save the Hugging Face page as text, or import the daily_papers JSON'
        )
      } else {
        throw new DigestError(`XML, but not an arXiv feed (root element <${tag.name}>)`)
      }
      return
    }
    if (tag.uri === NS.arxiv) decide(true, root === 'rss' ? 'arxiv-rss' : 'arxiv-atom')
    if (root === 'atom' && tag.local === 'id' && tag.uri === NS.atom && stack.length <= 3) buf.start()
    if (root === 'rss' && tag.local === 'link' && tag.uri === '' && stack.length === 3) buf.start()
    if (root === 'rdf' && stack.length === 2 && (tag.local === 'channel' || tag.local === 'item')) {
      const about = tag.attributes['rdf:about']
      const value = typeof about === 'string' ? about : (about?.value ?? '')
      decide(/^https?:\/\/(?:export\.)?arxiv\.org\//i.test(value), 'arxiv-rdf')
    }
  })
  p.on('closetag', (tag) => {
    stack.pop()
    if (buf.active) {
      const value = buf.take().trim()
      if (root === 'atom' && tag.local === 'id')
        decide(ARXIV_API_ID.test(value) || ARXIV_ENTRY_ID.test(value), 'arxiv-atom')
      if (root === 'rss' && tag.local === 'link')
        decide(/^https?:\/\/(?:rss\.|export\.)?arxiv\.org\//i.test(value), 'arxiv-rss')
    }
    if ((root === 'atom' && tag.local === 'entry') || (root !== 'atom' && tag.local === 'item')) {
      throw new DigestError(`XML, but not an arXiv feed (${root === 'atom' ? 'Atom' : 'RSS'} feed from another site)`)
    }
  })
  try {
    if (prefix) p.write(text)
    else runXml(p, text)
  } catch (e) {
    if (e instanceof StopSniff) return e.result
    if (prefix && !(e instanceof DigestError)) return undefined
    throw e
  }
  if (prefix) return undefined
  throw new DigestError(`XML, but not an arXiv feed`)
}
