/**
 * Which parser reads which format, each loaded on first use. A parser's module (and the library it
 * brings) is loaded only when a file of its format is imported: the BibTeX parser's library alone
 * takes ~0.2 s to load, which `folio import feed.xml` (or `folio list`) never needs to pay.
 * The importer detects a file's format, then awaits `loadParser(format)`.
 */
import type { DigestFormat, DigestParser, PieceFormat, PieceParser } from './types'

/** The feed formats' parsers, which also take their text in pieces (a big file decoded as it is read). */
const PIECE_LOADERS: Record<PieceFormat, () => Promise<PieceParser>> = {
  'arxiv-rss': async () => (await import('./arxiv-rss')).parseArxivRss,
  'arxiv-rdf': async () => (await import('./arxiv-rdf')).parseArxivRdf,
  'arxiv-atom': async () => (await import('./arxiv-atom')).parseArxivAtom
}

const LOADERS: Record<DigestFormat, () => Promise<DigestParser>> = {
  ...PIECE_LOADERS,
  'hf-text': async () => (await import('./hf-text')).parseHfText,
  'hf-json': async () => (await import('./hf-json')).parseHfJson,
  'hf-html': async () => (await import('./hf-html')).parseHfHtml,
  'arxiv-email': async () => (await import('./arxiv-email')).parseArxivEmail,
  bibtex: async () => (await import('./bibtex')).parseBibtex,
  ris: async () => (await import('./ris')).parseRis
}

const loaded = new Map<DigestFormat, DigestParser>()

/** The parser for `format`, loading its module the first time. */
export async function loadParser(format: DigestFormat): Promise<DigestParser> {
  let parser = loaded.get(format)
  if (!parser) loaded.set(format, (parser = await LOADERS[format]()))
  return parser
}

/** The parser for a feed format, taking its text whole or in pieces. */
export async function loadPieceParser(format: PieceFormat): Promise<PieceParser> {
  return PIECE_LOADERS[format]()
}
