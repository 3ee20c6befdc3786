/**
 * Abstract text with $…$ math: plain segments stay text (React escapes them, so a literal
 * "<code>" shows as text); math segments are rendered offline by KaTeX (trust off, no throw)
 * and sanitised again before they reach the DOM.
 */
import 'katex/dist/katex.min.css'
import DOMPurify from 'dompurify'
import katex from 'katex'

export type Segment = { kind: 'text'; text: string } | { kind: 'math'; html: string }

/** $…$ with no space just inside the dollars and no digit right after (so "$5 and $10" is text). */
const INLINE_MATH_SOURCE = String.raw`\$(?=\S)([^$\n]{1,400}?)(?<=\S)(?<!\\)\$(?!\d)`
const INLINE_MATH = new RegExp(String.raw`(?<!\\)` + INLINE_MATH_SOURCE, 'g')
/** The same, matched only where it starts (sticky): for the notes' Markdown (markdown.ts). */
export const inlineMathAt = (): RegExp => new RegExp(INLINE_MATH_SOURCE, 'y')

/** TeX rendered offline by KaTeX (trust off, no throw: bad TeX shows as red source), sanitised. */
export function texToHtml(tex: string, displayMode = false): string {
  const html = katex.renderToString(tex, {
    displayMode,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    output: 'htmlAndMathml',
    maxExpand: 200
  })
  return DOMPurify.sanitize(html)
}

export function splitMath(text: string): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(INLINE_MATH)) {
    const start = m.index
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) })
    out.push({ kind: 'math', html: texToHtml(m[1] ?? '') })
    last = start + m[0].length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}
