/**
 * Hugging Face papers page saved as text (formats.md §5): boilerplate, a year-less date line, then blocks of
 * title + abstract separated by blank lines. No ids or authors: identity is the title key.
 */
import { collapseWhitespace } from './text'
import { daysInMonth, isoDate, monthNumber } from './dates'
import { extractLinks } from './urls'
import { latexToUnicode } from './latex'
import { type DigestMeta, type DigestParser, type ParsedPaper } from './types'

/** Page chrome copied along with the list. Matched exactly (after trimming), never by position. */
const BOILERPLATE = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Get trending papers in your email inbox',
  'Subscribe',
  'byAK and the research community',
  'by AK and the research community',
  'Daily Papers',
  'Trending Papers',
  'Trending',
  'Previous',
  'Next'
])

export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.has(line.trim())
}

/** `Jun 6`, `June 6`, `Jun 06`, `Sept 30` → month/day; undefined for anything else or an impossible day. */
export function parseDateLine(line: string): { month: number; day: number } | undefined {
  const t = line.trim()
  if (t.length > 14) return undefined
  const m = /^([A-Za-z]{3,9})\.? (\d{1,2})$/.exec(t.replace(/\s+/g, ' '))
  if (!m || m[1] === undefined || m[2] === undefined) return undefined
  const month = monthNumber(m[1])
  if (month === undefined) return undefined
  const day = Number(m[2])
  if (day < 1 || day > daysInMonth(2000, month)) return undefined // 2000 is a leap year: Feb 29 allowed
  return { month, day }
}

/**
 * The most recent `month/day` not after `ceiling` (its local calendar date). Feb 29 goes back to the last leap year.
 */
export function inferYear(month: number, day: number, ceiling: Date): string {
  const cy = ceiling.getFullYear()
  const today = isoDate(cy, ceiling.getMonth() + 1, ceiling.getDate())
  for (let y = cy; y > cy - 9; y--) {
    if (day > daysInMonth(y, month)) continue
    const d = isoDate(y, month, day)
    if (d <= today) return d
  }
  return isoDate(cy - 1, month, day) // unreachable for valid month/day
}

/** Content signature (§3 #6): two boilerplate lines near the top, or a date line before the first title. */
export function looksLikeHfText(text: string): boolean {
  let boiler = 0
  let seen = 0
  let pos = 0
  while (pos < text.length && seen < 12) {
    const nl = text.indexOf('\n', pos)
    const end = nl === -1 ? text.length : nl
    const line = end - pos > 200 ? '' : text.slice(pos, end).trim()
    const blank = end - pos <= 200 && line === ''
    pos = end + 1
    if (blank) continue
    seen++
    if (isBoilerplate(line)) {
      if (++boiler >= 2) return true
      continue
    }
    if (parseDateLine(line)) return pos < text.length && text.slice(pos).trim() !== ''
    // The first non-boilerplate, non-date line is the first title: the signature must come before it.
    return false
  }
  return false
}

interface Block {
  lines: string[]
  line: number // 1-based line number of the first line
}

function* blocks(text: string): Generator<Block> {
  let cur: Block | undefined
  let lineNo = 0
  let pos = 0
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos)
    const end = nl === -1 ? text.length : nl
    const line = text.slice(pos, end)
    lineNo++
    pos = end + 1
    if (line.trim() === '') {
      if (cur) yield cur
      cur = undefined
    } else if (cur) cur.lines.push(line)
    else cur = { lines: [line], line: lineNo }
    if (nl === -1) break
  }
  if (cur) yield cur
}

/** §5 heuristic: more than one line, or longer than 300 characters, or ≥ 8 words ending with `.`/`!`. */
function isAbstract(b: Block): boolean {
  if (b.lines.length > 1) return true
  const t = (b.lines[0] ?? '').trim()
  if (t.length > 300) return true
  return isSentence(t)
}

function isSentence(t: string): boolean {
  if (!t.endsWith('.') && !t.endsWith('!')) return false
  return t.split(/\s+/).length >= 8
}

export const parseHfText: DigestParser = (text, ctx, onPaper) => {
  const warnings: string[] = []
  const mtime = ctx.mtime ?? new Date()
  let digestDate: string | undefined
  let sectionDate: string | undefined
  let rank = 0
  let title: Block | undefined // a title waiting for its abstract
  let held: ParsedPaper | undefined // last paper, held back in case a second abstract paragraph follows

  const release = (): void => {
    if (held) onPaper(held)
    held = undefined
  }
  const make = (t: Block, abstractLines: string[]): ParsedPaper => {
    const abstract = collapseWhitespace(latexToUnicode(abstractLines.join(' ')))
    const extras: Record<string, unknown> = { rank: ++rank, line: t.line }
    if (sectionDate !== undefined) extras.sectionDate = sectionDate
    return {
      title: collapseWhitespace(latexToUnicode(t.lines.join(' '))),
      abstract,
      authors: [],
      links: extractLinks(abstract),
      categories: [],
      extras
    }
  }
  const flushTitle = (): void => {
    if (!title) return
    release()
    held = make(title, [])
    title = undefined
  }

  for (const b of blocks(text)) {
    if (b.lines.length === 1) {
      const line = b.lines[0] as string
      if (isBoilerplate(line)) continue
      const d = parseDateLine(line)
      if (d) {
        flushTitle()
        sectionDate = inferYear(d.month, d.day, mtime)
        if (digestDate === undefined) {
          digestDate = sectionDate
          ctx.onDate?.(digestDate, true)
        }
        continue
      }
    }
    if (!isAbstract(b)) {
      flushTitle()
      title = b
      continue
    }
    if (title) {
      release()
      held = make(title, b.lines)
      title = undefined
      continue
    }
    // An abstract-like block with no title before it.
    const single = b.lines.length === 1 && (b.lines[0] as string).trim().length <= 300
    if (single) {
      // A one-line sentence-like title ("… in 8 words or more."), since no title is waiting.
      title = b
    } else if (held && held.abstract !== '') {
      held.abstract += '\n\n' + collapseWhitespace(latexToUnicode(b.lines.join(' ')))
      const more = extractLinks(held.abstract)
      held.links = { ...more, ...held.links }
    } else {
      warnings.push(`line ${b.line}: text block without a title, skipped`)
    }
  }
  flushTitle()
  release()
  const meta: DigestMeta = { format: 'hf-text', warnings }
  if (digestDate !== undefined) {
    meta.date = digestDate
    meta.dateInferred = true
  }
  return meta
}
