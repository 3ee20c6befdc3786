/** Author names: `A, B and C` lists split into names; `Last, First` inverted. Pure functions. */
import { latexToUnicode } from './latex'
import { collapseWhitespace } from './text'

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v'])

/** A trailing `et al.` on a name (`Smith et al.`). */
const ET_AL = /\s+et\s*\.?\s*al(?:ii|\.)?\.?$/i
/** Tokens of an author list that are not a person: `et al.`, `others`, `and others`. */
export const NOT_A_NAME = /^(?:and\s+)?(?:et\.?\s*al(?:ii|\.)?\.?|others|\.\.\.|…)$/i

function isSuffix(token: string): boolean {
  return SUFFIXES.has(token.trim().toLowerCase())
}

/**
 * Split an author list such as `A, B and C` (e-mail `Authors:`, RSS `dc:creator`): commas and the word `and`
 * at parenthesis depth 0. A token that is only `Jr.`/`Sr.`/`III` is re-attached to the previous name (`King Jr.`), and
 * parenthesised affiliations are dropped. Names are TeX-converted and whitespace-collapsed.
 */
export function splitAuthorList(list: string): string[] {
  const raw: string[] = []
  let depth = 0
  let start = 0
  const s = list
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && (c === ',' || c === ';')) {
      raw.push(s.slice(start, i))
      start = i + 1
    } else if (
      depth === 0 &&
      c === 'a' &&
      s.startsWith('and', i) &&
      /\s/.test(s[i - 1] ?? '') &&
      /\s/.test(s[i + 3] ?? '')
    ) {
      raw.push(s.slice(start, i))
      start = i + 3
      i += 2
    }
  }
  raw.push(s.slice(start))
  const names: string[] = []
  for (const token of raw) {
    // `et al.` (arXiv's `et al. (58 additional authors not shown)`) and `others` stand for names not given.
    const t = collapseWhitespace(stripParens(token)).replace(ET_AL, '')
    if (t === '' || NOT_A_NAME.test(t)) continue
    if (isSuffix(t) && names.length > 0)
      names[names.length - 1] += ` ${t}` // same form as invertName
    else names.push(t)
  }
  return names.map((n) => collapseWhitespace(latexToUnicode(n)))
}

/** Remove parenthesised groups (affiliations such as `(MIT)` or `((1) MIT, (2) CMU)`). */
function stripParens(s: string): string {
  if (!s.includes('(')) return s
  let out = ''
  let depth = 0
  for (const c of s) {
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0) out += c
  }
  return out
}

/**
 * `Last, First` (or `Last, Suffix, First` / `Last, First, Suffix`) → `First Last [Suffix]`.
 * Names without a comma are returned unchanged (whitespace collapsed).
 */
export function invertName(name: string): string {
  const parts = name.split(',').map((p) => collapseWhitespace(p))
  if (parts.length < 2) return collapseWhitespace(name)
  const [last, a, b] = parts as [string, string, string | undefined]
  if (parts.length === 2) return collapseWhitespace(`${a} ${last}`)
  // BibTeX `von Last, Jr, First`; RIS `Last, First, Suffix`.
  if (isSuffix(a)) return collapseWhitespace(`${b ?? ''} ${last} ${a}`)
  return collapseWhitespace(`${a} ${last} ${parts.slice(2).join(' ')}`)
}
