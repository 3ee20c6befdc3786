/** URLs found in prose: trimmed, checked (http/https only), and sorted into code and project links. */
import type { PaperLinks } from '../../shared/contract'

const CODE_HOSTS = ['github.com', 'gitlab.com', 'huggingface.co']
const TRAILING_PUNCT = new Set(['.', ',', ';', ':', '!', '?', "'", '"'])
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' }

function count(s: string, c: string): number {
  let n = 0
  for (let i = s.indexOf(c); i !== -1; i = s.indexOf(c, i + 1)) n++
  return n
}

/** Strip trailing sentence punctuation and unbalanced closing brackets from a URL found in prose. */
export function trimUrl(raw: string): string {
  let u = raw
  for (;;) {
    const last = u.at(-1)
    if (last === undefined) return u
    if (TRAILING_PUNCT.has(last)) {
      u = u.slice(0, -1)
      continue
    }
    const open = CLOSERS[last]
    if (open !== undefined && count(u, last) > count(u, open)) {
      u = u.slice(0, -1)
      continue
    }
    return u
  }
}

/**
 * The URL if it is a well-formed http(s) URL, else undefined. Whitespace or control characters
 * inside it (which the URL parser would silently drop) and user:password@ are refused.
 */
export function safeHttpUrl(s: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
  if (/[\u0000-\u0020\u007f-\u009f]/.test(s)) return undefined
  try {
    const u = new URL(s)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined
    if (u.hostname === '' || u.username !== '' || u.password !== '') return undefined
    return s
  } catch {
    return undefined
  }
}

function isCodeHost(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase()
  return CODE_HOSTS.some((h) => host === h || host === `www.${h}`)
}

/** All http(s) URLs in a text, trailing punctuation removed (docs/formats.md, "Shared rules"). */
export function findUrls(text: string): string[] {
  const out: string[] = []
  const re = /https?:\/\/[^\s<>"]+/gi
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const u = safeHttpUrl(trimUrl(m[0]))
    if (u !== undefined) out.push(u)
  }
  return out
}

/**
 * Links found in an abstract (docs/formats.md, "Shared rules"): the first github.com / gitlab.com / huggingface.co URL is the code link,
 * the first other URL the project link. Extraction is additive: the abstract is not changed.
 */
export function extractLinks(text: string): Pick<PaperLinks, 'code' | 'project'> {
  const links: Pick<PaperLinks, 'code' | 'project'> = {}
  for (const u of findUrls(text)) {
    if (isCodeHost(u)) links.code ??= u
    else links.project ??= u
    if (links.code !== undefined && links.project !== undefined) break
  }
  return links
}
