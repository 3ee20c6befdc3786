/** DOIs: normalised, and arXiv's own DataCite DOIs told apart from journal DOIs. Pure functions. */
import { parseArxivId, type ArxivId } from './arxiv-id'

/**
 * Normalise a DOI: strip `https://doi.org/`, `http://dx.doi.org/`, `doi:`; trim; lower-case.
 * Returns undefined when what is left does not look like a DOI (`10.<registrant>/<suffix>`).
 * arXiv DOIs (`10.48550/arXiv.<id>`) are returned as DOIs here; use `arxivIdFromDoi` or `classifyDoi`.
 */
export function normaliseDoi(s: string): string | undefined {
  let d = s.trim()
  d = d.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
  d = d.trim().toLowerCase()
  return /^10\.\d{4,9}\/\S+$/.test(d) ? d : undefined
}

/** The arXiv id behind an arXiv DataCite DOI `10.48550/arXiv.<id>`, else undefined. */
export function arxivIdFromDoi(s: string): ArxivId | undefined {
  const d = normaliseDoi(s)
  if (d === undefined || !d.startsWith('10.48550/arxiv.')) return undefined
  return parseArxivId(s.trim().replace(/^.*?10\.48550\/arxiv\./i, ''))
}

/** A DOI field split into a journal DOI or an arXiv id (arXiv DOIs are not journal DOIs, docs/formats.md "Shared rules"). */
export function classifyDoi(s: string): { doi?: string; arxiv?: ArxivId } {
  const d = normaliseDoi(s)
  if (d === undefined) return {}
  if (d.startsWith('10.48550/arxiv.')) {
    const arxiv = arxivIdFromDoi(s)
    return arxiv ? { arxiv } : {}
  }
  return { doi: d }
}
