/**
 * Which value a paper keeps when it is seen again: written once, applied per field by papers.ts.
 *
 * Source rank, then completeness, with one rule above both: a defective value (a title cut short with
 * `…Basin:`, an abstract carrying mail trailers, an author list ending in `et al.`, no date at all) never
 * beats a whole one, whatever its source. Between two whole (or two defective) values the more trustworthy
 * source wins, then the fuller value (a longer abstract, more names); on a full tie the stored value stays.
 * Notes, status, stars and tags are never part of this.
 */
import type { DigestFormat } from '../digests/types'

/** How much each source is trusted for a paper's metadata: arXiv's own records first. */
const SOURCE_RANK: Record<DigestFormat, number> = {
  'arxiv-atom': 5,
  'arxiv-rss': 5,
  'arxiv-rdf': 5,
  'arxiv-email': 4,
  'hf-json': 4,
  'hf-html': 4,
  bibtex: 3,
  ris: 3,
  'hf-text': 2
}

export function sourceRank(format: string | undefined): number {
  return format !== undefined && format in SOURCE_RANK ? SOURCE_RANK[format as DigestFormat] : 0
}

/** A title cut short by a page or a mail client: it ends in a colon, a dash or an ellipsis. */
export function titleIsCut(title: string): boolean {
  return /(?:[:\-–—,]|…|\.\.\.)\s*$/.test(title)
}

/** Lines a mail client or a forwarded listing leaves at the end of an abstract. */
const TRAILER =
  /(?:\\\\\s*\(\s*https?:\/\/\S+\s*,\s*\d+kb\)|\(\s*\d+\s*kb\s*\)|(?:^|\s)--\s*$|unsubscribe|sent from my|to stop receiving|view (?:this|it) (?:in|on) (?:your )?browser)/i

export function abstractHasTrailer(abstract: string): boolean {
  return TRAILER.test(abstract.slice(-400))
}

export interface Candidate<T> {
  value: T
  /** 0 (missing) … 2 (complete): compared before the source. */
  completeness: number
  rank: number
  /** Last tie-break: how much there is (characters, names). */
  size?: number
}

/** True when `incoming` should replace `stored` (see the module comment). */
export function prefer<T>(incoming: Candidate<T>, stored: Candidate<T>): boolean {
  if (incoming.completeness !== stored.completeness) return incoming.completeness > stored.completeness
  if (incoming.rank !== stored.rank) return incoming.rank > stored.rank
  return (incoming.size ?? 0) > (stored.size ?? 0)
}

export const titleCompleteness = (t: string): number => (t === '' ? 0 : titleIsCut(t) ? 1 : 2)
export const abstractCompleteness = (a: string): number => (a === '' ? 0 : abstractHasTrailer(a) ? 1 : 2)
/** An author list: none, one that says it is partial (`et al.`, `others`), or a full one. */
export const authorsCompleteness = (names: number, partial: boolean): number => (names === 0 ? 0 : partial ? 1 : 2)
export const dateCompleteness = (d: string | null | undefined): number => (d ? 2 : 0)
