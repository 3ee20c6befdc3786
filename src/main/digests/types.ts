/**
 * What every digest parser produces. Parsers are pure: decoded text in, papers out.
 * No electron, no SQLite, no file system here.
 */
import type { PaperLinks } from '../../shared/contract'

export const FORMATS = [
  'hf-text',
  'hf-json',
  'hf-html',
  'arxiv-email',
  'arxiv-rss',
  'arxiv-rdf',
  'arxiv-atom',
  'bibtex',
  'ris'
] as const
export type DigestFormat = (typeof FORMATS)[number]

/** A paper as one digest describes it, before identity resolution against the library. */
export interface ParsedPaper {
  title: string
  /** May be empty (arXiv e-mail replacements, a title with no abstract). */
  abstract: string
  authors: string[]
  /** arXiv id without version: `1512.03385`, `physics/0004057`. */
  arxivId?: string
  /** `v2` etc, when the digest says which version it lists. */
  version?: string
  /** Journal DOI, normalised (lower case, no resolver prefix). arXiv DOIs become arxivId instead. */
  doi?: string
  links: PaperLinks
  categories: string[]
  /** ISO date (YYYY-MM-DD or full ISO) of first publication when the digest gives it. */
  published?: string
  /** Per-digest extras stored on the digest↔paper link: rank, announceType, upvotes, githubStars, comments… */
  extras: Record<string, unknown>
}

export interface DigestMeta {
  format: DigestFormat
  /** Digest date, YYYY-MM-DD, when the file says (or implies) one. */
  date?: string
  /** True when the year (or the whole date) was inferred rather than read. */
  dateInferred?: boolean
  warnings: string[]
}

export interface ParsedDigest extends DigestMeta {
  papers: ParsedPaper[]
}

export interface ParseContext {
  /** For messages only. */
  fileName: string
  /** File modification time: used to infer the year of a year-less date line. */
  mtime?: Date
  /**
   * Told the digest date as soon as the parser knows it (before the papers, where the format puts
   * it first), so the importer writes each new paper with its final date. Optional: the date in
   * the returned DigestMeta is what counts.
   */
  onDate?(date: string, inferred: boolean): void
}

/** A parser calls `onPaper` for each paper in file order and returns digest-level facts. */
export type DigestParser = (text: string, ctx: ParseContext, onPaper: (paper: ParsedPaper) => void) => DigestMeta

/** A digest's text in pieces, as a big file is decoded from disk (decode-stream.ts). */
export interface TextPieces {
  /** The pieces in order; iterated once, by the parse. */
  pieces: Iterable<string>
  /** The whole text (decoded again), to say where a parse error is. */
  whole(): string
}

/** The feed formats' parsers also take their text in pieces (saxes parses as the pieces come). */
export type PieceParser = (
  text: string | TextPieces,
  ctx: ParseContext,
  onPaper: (paper: ParsedPaper) => void
) => DigestMeta
export type PieceFormat = Extract<DigestFormat, 'arxiv-rss' | 'arxiv-rdf' | 'arxiv-atom'>

/** A file that cannot be imported. `message` never names the file; the importer prefixes it. */
export class DigestError extends Error {
  constructor(
    message: string,
    readonly where?: { line?: number; column?: number; offset?: number }
  ) {
    super(message)
    this.name = 'DigestError'
  }
}
