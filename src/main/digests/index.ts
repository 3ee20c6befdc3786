/**
 * Digest parsing for callers that parse text synchronously (tests, tools): bytes → text → format → papers.
 * Pure (no I/O); any error rejects the whole file. This entry point loads every parser up front; the
 * importer instead loads only the parser a file needs (parsers.ts).
 */
import { decodeDigest } from './decode'
import { detect } from './detect'
import { loadParser } from './parsers'
import {
  DigestError,
  FORMATS,
  type DigestFormat,
  type DigestParser,
  type ParseContext,
  type ParsedDigest,
  type ParsedPaper
} from './types'

export { decode, decodeDigest } from './decode'
export { detect } from './detect'
export { loadParser } from './parsers'
export * from './arxiv-id'
export * from './doi'
export * from './text'
export * from './urls'
export * from './names'
export * from './dates'
export { latexToUnicode, stripBraces } from './latex'
export * from './types'

export const parsers = Object.fromEntries(
  await Promise.all(FORMATS.map(async (format) => [format, await loadParser(format)] as const))
) as Record<DigestFormat, DigestParser>

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

/** Decode, detect and parse a file's bytes. Decode warnings come first in `warnings`. */
export function parseDigestBytes(bytes: Uint8Array, ctx: ParseContext): ParsedDigest {
  const decoded = decodeDigest(bytes)
  const digest = parseDigestText(decoded.text, ctx)
  return { ...digest, warnings: [...decoded.warnings, ...digest.warnings] }
}
