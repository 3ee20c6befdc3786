/**
 * Shared identity and text rules (formats.md §4): arXiv ids, DOIs, title keys,
 * whitespace, URLs found in abstracts. Pure functions, no I/O.
 */
import type { PaperLinks } from '../../preload/api'
import type { ParsedPaper } from './types'
import { latexToUnicode } from './latex'

export { latexToUnicode, stripBraces } from './latex'

export interface ArxivId {
  /** Without version: `1512.03385`, `physics/0004057`. */
  id: string
  /** `v2` etc. */
  version?: string
}

/** Old-style archives (1991 – March 2007), from arxiv-browse. */
const OLD_ARCHIVES = new Set([
  'acc-phys', 'adap-org', 'alg-geom', 'ao-sci', 'astro-ph', 'atom-ph', 'bayes-an', 'chao-dyn', 'chem-ph',
  'cmp-lg', 'comp-gas', 'cond-mat', 'cs', 'dg-ga', 'funct-an', 'gr-qc', 'hep-ex', 'hep-lat', 'hep-ph',
  'hep-th', 'math', 'math-ph', 'mtrl-th', 'nlin', 'nucl-ex', 'nucl-th', 'patt-sol', 'physics', 'plasm-ph',
  'q-alg', 'q-bio', 'quant-ph', 'solv-int', 'supr-con'
])

// New style: YYMM.NNNN(N). Old style: archive[.SUBJ]/YYMMNNN. Both with an optional vN.
// The lookbehinds keep `12345.67890` or `xcs/0101001` from matching in the middle of a token.
const ID_RE =
  /(?<![\w.])(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?(?!\d)|(?<![A-Za-z-])([a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z-]{2,})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?(?!\d)/g

function validNew(yy: string, mm: string, num: string): boolean {
  const y = Number(yy)
  const m = Number(mm)
  if (m < 1 || m > 12) return false
  const yymm = y * 100 + m
  if (yymm < 704) return false // new scheme starts April 2007
  return num.length === 4 ? yymm <= 1412 : yymm >= 1501
}

function validOld(archive: string, yy: string, mm: string): boolean {
  if (!OLD_ARCHIVES.has(archive)) return false
  const y = Number(yy)
  const m = Number(mm)
  if (m < 1 || m > 12) return false
  // 1991 .. March 2007
  if (y >= 91) return true
  return y < 7 || (y === 7 && m <= 3)
}

function version(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  return n >= 1 ? `v${n}` : undefined
}

/**
 * Find the first valid arXiv identifier in `s` (a bare id, `arXiv:…`, an abs/pdf URL, an `oai:` id…).
 * The subject class of old-style ids is dropped (`math.GT/0309136` → `math/0309136`).
 * Call it on id-bearing fields, not on free prose.
 */
export function parseArxivId(s: string): ArxivId | undefined {
  if (s.length > 4096) s = s.slice(0, 4096)
  ID_RE.lastIndex = 0
  for (let m = ID_RE.exec(s); m !== null; m = ID_RE.exec(s)) {
    if (m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
      if (m[4] !== undefined && version(m[4]) === undefined) continue
      if (validNew(m[1], m[2], m[3])) return withVersion(`${m[1]}${m[2]}.${m[3]}`, version(m[4]))
    } else if (m[5] !== undefined && m[6] !== undefined && m[7] !== undefined && m[8] !== undefined) {
      if (m[9] !== undefined && version(m[9]) === undefined) continue
      if (validOld(m[5], m[6], m[7])) return withVersion(`${m[5]}/${m[6]}${m[7]}${m[8]}`, version(m[9]))
    }
  }
  return undefined
}

function withVersion(id: string, v: string | undefined): ArxivId {
  return v === undefined ? { id } : { id, version: v }
}

/** `https://arxiv.org/abs/<id>` and `https://arxiv.org/pdf/<id>` (unversioned). */
export function arxivLinks(id: string): Pick<PaperLinks, 'abs' | 'pdf'> {
  return { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` }
}

/** Give a parsed paper its arXiv id, version and abs/pdf links. False (paper unchanged) without an id. */
export function applyArxivId(paper: Pick<ParsedPaper, 'arxivId' | 'version' | 'links'>, id: ArxivId | undefined): boolean {
  if (!id) return false
  paper.arxivId = id.id
  if (id.version !== undefined) paper.version = id.version
  Object.assign(paper.links, arxivLinks(id.id))
  return true
}

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

/** A DOI field split into a journal DOI or an arXiv id (arXiv DOIs are not journal DOIs, §4.2). */
export function classifyDoi(s: string): { doi?: string; arxiv?: ArxivId } {
  const d = normaliseDoi(s)
  if (d === undefined) return {}
  if (d.startsWith('10.48550/arxiv.')) {
    const arxiv = arxivIdFromDoi(s)
    return arxiv ? { arxiv } : {}
  }
  return { doi: d }
}

/** Collapse every run of whitespace to one space and trim. */
export function collapseWhitespace(s: string): string {
  // Only runs of 2+ whitespace and single non-space whitespace need replacing (much faster on long text).
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim()
}

const FOLD: Record<string, string> = { ß: 'ss', ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe' }

/**
 * Title key for matching records without ids (§4.3): TeX accents → Unicode, braces and `$` removed,
 * NFKD, combining marks dropped, case-folded, every run of non-alphanumerics → one space.
 */
export function titleKey(title: string): string {
  let s = latexToUnicode(title).replace(/[{}$]/g, '')
  s = s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  s = s.replace(/[ßıłøđðþæœ]/g, (c) => FOLD[c] ?? c)
  return s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

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
  // eslint-disable-next-line no-control-regex
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

/** All http(s) URLs in a text, trailing punctuation removed (§4.7). */
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
 * Links found in an abstract (§4.7): the first github.com / gitlab.com / huggingface.co URL is the code link,
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

const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v'])

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
    } else if (depth === 0 && c === 'a' && s.startsWith('and', i) && /\s/.test(s[i - 1] ?? '') && /\s/.test(s[i + 3] ?? '')) {
      raw.push(s.slice(start, i))
      start = i + 3
      i += 2
    }
  }
  raw.push(s.slice(start))
  const names: string[] = []
  for (const token of raw) {
    const t = collapseWhitespace(stripParens(token))
    if (t === '') continue
    if (isSuffix(t) && names.length > 0) names[names.length - 1] += ` ${t}` // same form as invertName
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

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12
}

/** Month number for `Jan`, `June`, `Sept`…; undefined if not a month name. */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase()
  const m = MONTHS[n.slice(0, 3)]
  if (m === undefined) return undefined
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][m - 1] ?? ''
  return full.startsWith(n) || (m === 9 && n === 'sept') ? m : undefined
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/**
 * The date, as written, of an RFC 822/2822 date (`Tue, 14 Jan 2025 00:00:00 -0500`, `Fri,  9 Jun 17 …`):
 * YYYY-MM-DD in the zone the text states (not shifted to UTC). Two-digit years: 91–99 → 19xx, else 20xx.
 */
export function rfc822Date(s: string): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4}|\d{2})\b/.exec(s)
  if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) return undefined
  const month = monthNumber(m[2])
  if (month === undefined) return undefined
  let year = Number(m[3])
  if (m[3].length === 2) year += year >= 91 ? 1900 : 2000
  const day = Number(m[1])
  if (day < 1 || day > daysInMonth(year, month)) return undefined
  return isoDate(year, month, day)
}

/** YYYY-MM-DD of an ISO 8601 timestamp, as written; undefined if it is not one. */
export function isoDay(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim())
  return m ? m[0] : undefined
}
