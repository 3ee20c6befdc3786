/**
 * Notes preview: Markdown -> HTML with markdown-it (raw HTML off, links linkified), then
 * DOMPurify. No images (no remote loads), no forms, no inline styles; javascript: and other
 * non-http(s) links are dropped by markdown-it's validateLink and again by DOMPurify.
 * Math as in abstracts ($…$ inline, $$…$$ displayed) is rendered by KaTeX (lib/math.ts): the
 * Markdown is sanitised with the math left as placeholders, then each placeholder becomes its
 * KaTeX output (sanitised on its own, with the inline styles KaTeX lays formulas out with).
 */
import DOMPurify from 'dompurify'
import MarkdownIt from 'markdown-it'
import { inlineMathAt, texToHtml } from './math'

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false })

/** Private-use characters around a formula's number: what the sanitiser sees in its place. */
const SLOT = (n: number): string => `\uE000${n}\uE001`
const SLOTS = /\uE000(\d+)\uE001/g
const DISPLAY_MATH = /\$\$([^$]{1,4000}?)\$\$/y
/** The formulas of the note being rendered (rendering is synchronous). */
let formulas: string[] = []

md.inline.ruler.after('escape', 'math', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x24 /* $ */) return false
  for (const [re, display] of [
    [DISPLAY_MATH, true],
    [inlineMathAt(), false]
  ] as const) {
    re.lastIndex = state.pos
    const m = re.exec(state.src)
    if (!m) continue
    if (!silent) {
      const token = state.push('math', '', 0)
      token.content = m[1]!.trim()
      token.meta = { display }
    }
    state.pos += m[0].length
    return true
  }
  return false
})
md.renderer.rules.math = (tokens, idx) => {
  const token = tokens[idx]!
  formulas.push(texToHtml(token.content, (token.meta as { display: boolean }).display))
  return SLOT(formulas.length - 1)
}

const FORBID_TAGS = [
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'svg',
  'math'
]
const FORBID_ATTR = ['style', 'src', 'srcset', 'action', 'formaction', 'id', 'name']

export function renderMarkdown(source: string): string {
  formulas = []
  try {
    const html = DOMPurify.sanitize(md.render(source), { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false })
    const rendered = formulas
    return html.replace(SLOTS, (slot, n: string) => rendered[Number(n)] ?? slot)
  } finally {
    formulas = []
  }
}

/** The http(s) URL an anchor points to, or null (any other scheme never opens). */
export function externalHref(href: string | null): string | null {
  if (!href) return null
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}
