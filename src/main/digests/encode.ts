/**
 * A parsed paper's stored form: its title key and the JSON text of its list columns, as the importer
 * writes them. Computed by the parse worker for a big file, so the writing thread does not.
 * Pure: no I/O.
 */
import type { PaperLinks } from '../../shared/contract'
import { titleKey } from './text'
import type { ParsedPaper } from './types'

export interface EncodedPaper {
  /** titleKey(title) */
  key: string
  /** JSON of authors, storedLinks(links), categories and extras. */
  authors: string
  links: string
  categories: string
  extras: string
}

/** A paper without its list fields: with its EncodedPaper, all the importer needs (what the parse worker sends). */
export type PaperCore = Omit<ParsedPaper, 'authors' | 'links' | 'categories' | 'extras'>

/** Only the links that have a value. */
export function storedLinks(links: PaperLinks): PaperLinks {
  const out: PaperLinks = {}
  for (const [k, v] of Object.entries(links)) if (typeof v === 'string' && v) out[k as keyof PaperLinks] = v
  return out
}

export function encodePaper(p: ParsedPaper): EncodedPaper {
  return {
    key: titleKey(p.title),
    authors: JSON.stringify(p.authors),
    links: JSON.stringify(storedLinks(p.links)),
    categories: JSON.stringify(p.categories),
    extras: JSON.stringify(p.extras)
  }
}

/**
 * Papers as one flat list of strings, FLAT_FIELDS per paper: how the parse worker sends them (a list of
 * strings is cloned between threads several times faster than as many objects with named fields).
 */
export const FLAT_FIELDS = 11

/** Append a (sanitised) paper's core fields and stored form to `out`. */
export function flattenPaper(out: (string | null)[], p: ParsedPaper): void {
  const e = encodePaper(p)
  out.push(
    p.title,
    p.abstract,
    p.arxivId ?? null,
    p.version ?? null,
    p.doi ?? null,
    p.published ?? null,
    e.key,
    e.authors,
    e.links,
    e.categories,
    e.extras
  )
}

/** The paper flattenPaper put at `at` (a multiple of FLAT_FIELDS). */
export function unflattenPaper(f: readonly (string | null)[], at: number): { paper: PaperCore; enc: EncodedPaper } {
  const paper: PaperCore = { title: f[at]!, abstract: f[at + 1]! }
  if (f[at + 2] !== null) paper.arxivId = f[at + 2]!
  if (f[at + 3] !== null) paper.version = f[at + 3]!
  if (f[at + 4] !== null) paper.doi = f[at + 4]!
  if (f[at + 5] !== null) paper.published = f[at + 5]!
  const enc: EncodedPaper = {
    key: f[at + 6]!,
    authors: f[at + 7]!,
    links: f[at + 8]!,
    categories: f[at + 9]!,
    extras: f[at + 10]!
  }
  return { paper, enc }
}
