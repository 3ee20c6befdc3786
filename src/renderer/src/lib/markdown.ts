/**
 * Notes preview: Markdown -> HTML with markdown-it (raw HTML off, links linkified), then
 * DOMPurify. No images (no remote loads), no forms, no inline styles; javascript: and other
 * non-http(s) links are dropped by markdown-it's validateLink and again by DOMPurify.
 */
import DOMPurify from 'dompurify'
import MarkdownIt from 'markdown-it'

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false })

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
  return DOMPurify.sanitize(md.render(source), { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false })
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
