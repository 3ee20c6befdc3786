/**
 * The Hugging Face papers page read as lines, whatever way it was saved (docs/formats.md, "Hugging Face
 * papers page"): plain text with or without blank lines, a Markdown clip (YAML front matter, headings,
 * `[text](url)` links, list markers) or a text dump that puts each link's URL on its own line after its
 * text. Every form becomes the same list of lines of plain text, each with the links it carried, so the
 * classification (hf-line-kinds.ts) never sees Markdown syntax or a bare URL.
 */

export interface PageLine {
  /** Plain text, trimmed, Markdown syntax and link targets removed. Never empty. */
  text: string
  /** Targets of the links this line carried (inline, or on the URL lines that followed it). */
  links: string[]
  /** A blank line (or the start of the text) came before this line. */
  blankBefore: boolean
  /** 1-based line number in the text, for messages and extras. */
  line: number
}

const BARE_URL = /^<?(https?:\/\/[^\s<>]+)>?$/
/** `[text](url)` and `![alt](url)`, without nesting; link text may hold one level of brackets. */
const MD_LINK = /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*<?([^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)>?(?:\s+"[^"]*")?\s*\)/g
const MD_AUTOLINK = /<(https?:\/\/[^\s<>]+)>/g
/** Lines that are only Markdown structure: a rule, or a table border. */
const MD_RULE = /^(?:[-*_]\s*){3,}$|^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/

/** Lines longer than this are never Markdown structure worth parsing for links (an abstract is prose). */
const LINK_SCAN_LIMIT = 20_000

/** Strip Markdown from one line, collecting its link targets. */
function plainLine(raw: string, links: string[]): string {
  let s = raw.trim()
  if (s.length <= LINK_SCAN_LIMIT && s.includes('](')) {
    s = s.replace(MD_LINK, (_m, bang: string, text: string, url: string) => {
      if (bang === '') links.push(url)
      return bang === '' ? text : ''
    })
  }
  if (s.includes('<http')) {
    s = s.replace(MD_AUTOLINK, (_m, url: string) => {
      links.push(url)
      return url
    })
  }
  s = s.replace(/^#{1,6}\s+/, '') // heading
  s = s.replace(/^(?:[-*+]|\d{1,3}[.)])\s+(?=\S)/, '') // list item (a lone `-` stays: it is an upvote count)
  s = s.replace(/^>\s?/, '') // quote
  s = s.replace(/^(\*\*|__)(.*)\1$/, '$2') // a bold line
  return s.trim()
}

/** YAML front matter of a clip: `---` first, up to the next `---` (within the first 60 lines). */
function frontMatterEnd(lines: string[]): number {
  let i = 0
  while (i < lines.length && (lines[i] as string).trim() === '') i++
  if ((lines[i] ?? '').trim() !== '---') return 0
  for (let j = i + 1; j < Math.min(lines.length, i + 60); j++) {
    if ((lines[j] as string).trim() === '---') return j + 1
  }
  return 0
}

/** The page as lines of plain text (see PageLine). Linear in the text's length. */
export function readPageLines(text: string): PageLine[] {
  const raw = text.split('\n')
  const out: PageLine[] = []
  let blank = true
  for (let i = frontMatterEnd(raw); i < raw.length; i++) {
    const line = raw[i] as string
    const t = line.trim()
    if (t === '') {
      blank = true
      continue
    }
    const url = t.length <= 4096 ? BARE_URL.exec(t.replace(/^\((.*)\)$/, '$1')) : null
    if (url && url[1] !== undefined) {
      // A link's target on its own line belongs to the text before it (reader and notebook exports).
      const prev = out[out.length - 1]
      if (prev) prev.links.push(url[1])
      continue
    }
    if (MD_RULE.test(t)) {
      blank = true
      continue
    }
    const links: string[] = []
    const plain = plainLine(t, links)
    if (plain === '') {
      // An image or an empty link: nothing to read, but its links still describe the text before it.
      continue
    }
    out.push({ text: plain, links, blankBefore: blank, line: i + 1 })
    blank = false
  }
  return out
}

/** The arXiv id of a `huggingface.co/papers/<id>` link (not its `#community` anchor), if any. */
export function paperLinkId(links: string[]): string | undefined {
  for (const l of links) {
    const m = /^(?:https?:\/\/(?:www\.)?huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?\/?$/i.exec(l)
    if (m && m[1] !== undefined) return m[1]
  }
  return undefined
}
