/** Telling BibTeX by content (docs/formats.md, "Detection"), without loading the BibTeX parser (see parsers.ts). */

/** Block types that are not papers. */
export const NOT_PAPERS = new Set(['string', 'preamble', 'comment'])

/** Content signature: an `@type{` line, and at least one block that is not @string/@comment/@preamble. */
export function looksLikeBibtex(text: string): boolean {
  let pos = 0
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos)
    const end = nl === -1 ? text.length : nl
    let i = pos
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++
    if (text[i] === '@') {
      const m = /^@([A-Za-z]+)\s*[{(]/.exec(text.slice(i, Math.min(end, i + 100)))
      if (m && m[1] !== undefined && !NOT_PAPERS.has(m[1].toLowerCase())) return true
    }
    pos = end + 1
  }
  return false
}
