/**
 * Imported text is data. The last step before a parsed paper reaches the library, whatever the
 * format: control characters are dropped from every text field (tab and newline become spaces in
 * one-line fields), explicit bidi overrides/isolates are removed (they could make a title read
 * differently from what it is: "Trojan Source"), and every link must be a plain http(s) URL
 * (no javascript:, data:, file:, credentials or hidden whitespace) or it is dropped.
 * Markup stays as literal text: the renderer shows text, never HTML.
 */
import type { PaperLinks } from '../../shared/contract'
import { safeHttpUrl } from './urls'
import type { ParsedPaper } from './types'

// C0 controls except \t \n \r, DEL, C1 controls; bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069).
// eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Multi-line text (abstracts): unsafe characters removed, line breaks kept. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE, '')
}

/** One-line text (titles, names): unsafe characters removed, any line break or tab becomes a space. */
export function cleanLine(s: string): string {
  return s.replace(UNSAFE, '').replace(/[\t\n\r]+/g, ' ')
}

export function cleanLinks(links: PaperLinks): PaperLinks {
  const out: PaperLinks = {}
  for (const [key, value] of Object.entries(links) as [keyof PaperLinks, string | undefined][]) {
    const safe = typeof value === 'string' ? safeHttpUrl(value) : undefined
    if (safe !== undefined) out[key] = safe
  }
  return out
}

export function sanitizePaper(p: ParsedPaper): ParsedPaper {
  return {
    ...p,
    title: cleanLine(p.title).trim() || 'Untitled',
    abstract: cleanText(p.abstract),
    authors: p.authors.map((a) => cleanLine(a).trim()).filter((a) => a !== ''),
    categories: p.categories.map(cleanLine),
    links: cleanLinks(p.links)
  }
}
