/** Whitespace and the title key that matches records without ids. Pure functions. */
import { latexToUnicode } from './latex'

/** Collapse every run of whitespace to one space and trim. */
export function collapseWhitespace(s: string): string {
  // Only runs of 2+ whitespace and single non-space whitespace need replacing (much faster on long text).
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim()
}

const FOLD: Record<string, string> = { ß: 'ss', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe' }

/**
 * Title key for matching records without ids (docs/formats.md, "Shared rules"): TeX accents → Unicode, braces and `$` removed,
 * NFKD, combining marks dropped, case-folded, every run of non-alphanumerics → one space.
 */
export function titleKey(title: string): string {
  let s = latexToUnicode(title).replace(/[{}$]/g, '')
  s = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  s = s.replace(/[ßıłøđðþæœ]/g, (c) => FOLD[c] ?? c)
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}
