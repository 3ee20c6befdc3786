/**
 * Digest import entry points: bytes → text → format → papers. Pure (no I/O); any error rejects the whole file.
 */
import { parseArxivAtom } from './arxiv-atom'
import { parseArxivEmail } from './arxiv-email'
import { parseArxivRss } from './arxiv-rss'
import { parseBibtex } from './bibtex'
import { decode } from './decode'
import { detect } from './detect'
import { parseHfJson } from './hf-json'
import { parseHfText } from './hf-text'
import { unwrapMime } from './mime'
import { parseRis } from './ris'
import { DigestError, type DigestFormat, type DigestParser, type ParseContext, type ParsedDigest, type ParsedPaper } from './types'

export { decode } from './decode'
export { detect } from './detect'
export * from './identity'
export * from './types'

export const parsers: Record<DigestFormat, DigestParser> = {
  'hf-text': parseHfText,
  'hf-json': parseHfJson,
  'arxiv-email': parseArxivEmail,
  'arxiv-rss': parseArxivRss,
  'arxiv-atom': parseArxivAtom,
  bibtex: parseBibtex,
  ris: parseRis
}

/** Detect the format of decoded text and parse it. Throws DigestError (zero papers → 'no papers found'). */
export function parseDigestText(text: string, ctx: ParseContext): ParsedDigest {
  const format = detect(text)
  const papers: ParsedPaper[] = []
  const meta = parsers[format](text, ctx, (p) => papers.push(p))
  if (papers.length === 0) {
    const why = meta.warnings.length > 0 ? ` (${meta.warnings[meta.warnings.length - 1]})` : ''
    throw new DigestError(`no papers found${why}`)
  }
  return { ...meta, papers }
}

/** Bytes to the text the detectors see: decoding (BOMs, UTF-16, line ends), then a saved e-mail unwrapped. */
export function decodeDigest(bytes: Uint8Array): { text: string; warnings: string[] } {
  const decoded = decode(bytes)
  return { text: unwrapMime(decoded.text), warnings: decoded.warnings }
}

/** Decode, detect and parse a file's bytes. Decode warnings come first in `warnings`. */
export function parseDigestBytes(bytes: Uint8Array, ctx: ParseContext): ParsedDigest {
  const decoded = decodeDigest(bytes)
  const digest = parseDigestText(decoded.text, ctx)
  return { ...digest, warnings: [...decoded.warnings, ...digest.warnings] }
}
