/**
 * A parsed paper's stored form: its title key and the JSON text of its list columns, as the importer
 * writes them. Computed by the parse worker for a big file, so the writing thread does not.
 * Pure: no I/O.
 */
import type { PaperLinks } from '../../preload/api'
import { titleKey } from './identity'
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

export function paperCore(p: ParsedPaper): PaperCore {
  return { title: p.title, abstract: p.abstract, arxivId: p.arxivId, version: p.version, doi: p.doi, published: p.published }
}

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
