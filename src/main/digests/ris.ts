/**
 * RIS (docs/formats.md, "RIS"): `XX  - value` lines, records from `TY` to `ER`, untagged continuation lines,
 * older Reference Manager synonyms. Lenient when reading tags, strict when detecting.
 */
import { applyArxivId, type ArxivId, parseArxivId } from './arxiv-id'
import { classifyDoi } from './doi'
import { collapseWhitespace } from './text'
import { extractLinks, safeHttpUrl } from './urls'
import { invertName, NOT_A_NAME } from './names'
import { decodeHTML } from 'entities'
import { isoDate } from './dates'
import { latexToUnicode } from './latex'
import { type DigestMeta, type DigestParser, type ParsedPaper } from './types'

/**
 * Detection: a strict `TY  - ` line (two spaces, as RIS writes it; one is accepted too) early in the file,
 * after at most a few short lines (database exports put record numbers or a header first), and another
 * tag line right after it or an `ER` line later.
 */
export function looksLikeRis(text: string): boolean {
  const lines = text.slice(0, 8192).split('\n')
  let before = 0
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trimEnd()
    if (line.trim() === '') continue
    if (/^TY {1,2}-(?: |$)/.test(line)) {
      if (TAG.test((lines[i + 1] ?? '').trimEnd())) return true
      return /^ER {1,2}-/m.test(text)
    }
    if (++before > 10 || line.length > 120) return false
  }
  return false
}

/** Lenient tag line: two characters, 1–2 spaces, `-`, optional space and value. */
const TAG = /^([A-Z][A-Z0-9]) {1,2}-(?: (.*))?$/

interface Rec {
  line: number
  tags: [string, string][]
}

const TITLE = ['TI', 'T1', 'CT']
const AUTHORS = new Set(['AU', 'A1'])
const ABSTRACT = ['AB', 'N2']
const VENUE = ['JO', 'JF', 'T2', 'JA', 'J1', 'J2', 'BT']
const DATE = ['PY', 'Y1', 'DA']
const URL_TAGS = ['UR', 'L1', 'L2']

/**
 * One AU line may hold several names (`Last, First and Last, First`, or `Last, F.; Last, F.`), as some
 * databases write it: split at `and` and `;`. A single `Last, First` stays one name.
 */
export function splitRisAuthors(value: string): string[] {
  return value
    .split(/\s+and\s+|\s*;\s*/i)
    .map((n) => n.trim())
    .filter((n) => n !== '' && !NOT_A_NAME.test(n))
}

function first(r: Rec, tags: string[]): string | undefined {
  for (const t of tags) {
    const hit = r.tags.find(([k, v]) => k === t && v.trim() !== '')
    if (hit) return hit[1]
  }
  return undefined
}

function all(r: Rec, tag: string): string[] {
  return r.tags.filter(([k, v]) => k === tag && v.trim() !== '').map(([, v]) => v.trim())
}

/** `2014/06/10/` → year and, when complete, the ISO date. */
function risDate(s: string): { year?: string; date?: string } {
  const m = /^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?/.exec(s.trim())
  if (!m || m[1] === undefined) return {}
  const out: { year?: string; date?: string } = { year: m[1] }
  if (m[2] !== undefined && m[3] !== undefined) {
    const mo = Number(m[2])
    const d = Number(m[3])
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31) out.date = isoDate(Number(m[1]), mo, d)
  }
  return out
}

/** DOIs of a record: `DO` (or `DI`), else a doi.org link in `UR`/`L1`/`L2`. */
function dois(r: Rec): string[] {
  const tagged = all(r, 'DO').concat(all(r, 'DI'))
  if (tagged.length > 0) return tagged
  return URL_TAGS.flatMap((t) => all(r, t)).filter((u) => /^https?:\/\/(?:dx\.)?doi\.org\/10\./i.test(u))
}

function arxivIdOf(r: Rec): ArxivId | undefined {
  for (const d of dois(r)) {
    const c = classifyDoi(d)
    if (c.arxiv) return c.arxiv
  }
  for (const t of URL_TAGS) {
    for (const u of all(r, t)) {
      if (/arxiv\.org\/(?:abs|pdf)\//i.test(u)) {
        const id = parseArxivId(u)
        if (id) return id
      }
    }
  }
  for (const t of [...VENUE, 'N1', 'M1', 'M3', 'ID']) {
    for (const v of all(r, t)) {
      if (/arxiv/i.test(v)) {
        const id = parseArxivId(v)
        if (id) return id
      }
    }
  }
  return undefined
}

function toPaper(r: Rec, rank: number, warnings: string[]): ParsedPaper | undefined {
  const title = collapseWhitespace(latexToUnicode(first(r, TITLE) ?? first(r, ['BT']) ?? ''))
  if (title === '') {
    warnings.push(`line ${r.line}: record without a title (TI/T1) skipped`)
    return undefined
  }
  const authors = r.tags
    .filter(([k, v]) => AUTHORS.has(k) && v.trim() !== '')
    .flatMap(([, v]) => splitRisAuthors(v))
    .map((v) => collapseWhitespace(latexToUnicode(invertName(v))))
  const abstract = collapseWhitespace(first(r, ABSTRACT) ?? '')
  const extras: Record<string, unknown> = { rank, line: r.line }
  const type = first(r, ['TY'])
  if (type !== undefined) extras.risType = type.trim()
  const venue = first(r, VENUE)
  if (venue !== undefined) extras.venue = collapseWhitespace(venue)
  const date = risDate(first(r, DATE) ?? '')
  if (date.year !== undefined) extras.year = date.year
  const sp = first(r, ['SP'])
  const ep = first(r, ['EP'])
  if (sp !== undefined) extras.pages = ep !== undefined ? `${sp.trim()}–${ep.trim()}` : sp.trim()
  for (const [tag, key] of [
    ['VL', 'volume'],
    ['IS', 'issue'],
    ['N1', 'notes']
  ] as const) {
    const v = first(r, [tag])
    if (v !== undefined) extras[key] = collapseWhitespace(v)
  }
  const keywords = all(r, 'KW')
  if (keywords.length > 0) extras.keywords = keywords

  const links: ParsedPaper['links'] = { ...extractLinks(abstract) }
  for (const t of URL_TAGS) {
    const u = all(r, t)
      .map((x) => safeHttpUrl(x))
      .find((x) => x !== undefined)
    if (u !== undefined) {
      links.url = u
      break
    }
  }
  const paper: ParsedPaper = { title, abstract, authors, links, categories: [], extras }
  if (date.date !== undefined) paper.published = date.date
  else if (date.year !== undefined) paper.published = date.year // its own year (the file has no digest date)
  const id = arxivIdOf(r)
  applyArxivId(paper, id)
  for (const d of dois(r)) {
    const c = classifyDoi(d)
    if (c.doi !== undefined) {
      paper.doi = c.doi
      links.doi = `https://doi.org/${c.doi}`
      break
    }
  }
  return paper
}

/** HTML entities that database exports leave in fields (`&gt;`, `&amp;`, `&eacute;`) as text. */
function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s
}

export const parseRis: DigestParser = (text, _ctx, onPaper) => {
  const warnings: string[] = []
  let rec: Rec | undefined
  let rank = 0
  let last: [string, string] | undefined
  const emit = (): void => {
    if (!rec) return
    const p = toPaper(rec, ++rank, warnings)
    if (p) onPaper(p)
    rec = undefined
    last = undefined
  }
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const m = TAG.exec(line.trimEnd())
    if (!m || m[1] === undefined) {
      if (line.trim() === '') continue
      // Lines before the first record (an export header) and record numbers (`2.`) between records.
      if (!rec && (rank === 0 || /^\d+\.?$/.test(line.trim()))) continue
      if (rec && last) last[1] += ` ${decodeEntities(line.trim())}`
      else warnings.push(`line ${i + 1}: text outside a record ignored`)
      continue
    }
    const tag = m[1]
    const value = decodeEntities((m[2] ?? '').trim())
    if (tag === 'TY') {
      if (rec) {
        warnings.push(`line ${rec.line}: record has no ER line before the next TY`)
        emit()
      }
      rec = { line: i + 1, tags: [['TY', value]] }
      last = undefined
      continue
    }
    if (!rec) {
      warnings.push(`line ${i + 1}: ${tag} tag outside a record ignored`)
      continue
    }
    if (tag === 'ER') {
      emit()
      continue
    }
    last = [tag, value]
    rec.tags.push(last)
  }
  if (rec) {
    warnings.push(`line ${rec.line}: last record has no ER line (end of file)`)
    emit()
  }
  const meta: DigestMeta = { format: 'ris', warnings }
  return meta
}
