/**
 * The Hugging Face papers page saved as text or Markdown (docs/formats.md, "Hugging Face papers page"):
 * read as lines (hf-page-lines.ts), each line classified (hf-line-kinds.ts), papers assembled from the
 * content lines (hf-assemble.ts). Ids only where the page's links were kept (Markdown, text dumps);
 * otherwise identity is the title key.
 */
import { arxivLinks } from './arxiv-id'
import { collapseWhitespace } from './text'
import { daysInMonth, isoDate } from './dates'
import { extractLinks } from './urls'
import { latexToUnicode } from './latex'
import { readPageLines, paperLinkId, type PageLine } from './hf-page-lines'
import { classifyLines, isChromeText, parseDateLine, type LineKind } from './hf-line-kinds'
import { assembleMarked, assembleUnmarked, hasMarks, type RawPaper } from './hf-assemble'
import { type DigestMeta, type DigestParser, type ParsedPaper } from './types'

export { parseDateLine } from './hf-line-kinds'

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

/** Header lines only the Hugging Face papers page has (generic words such as `Models` are not enough). */
const HEADER = new Set([
  'new',
  'get trending papers in your email inbox!',
  'get trending papers in your email inbox',
  'get trending papers in your email inbox once a day!',
  'subscribe',
  'byak and the research community',
  'by ak and the research community',
  'daily papers',
  'trending papers'
])

/** How much of a file detection reads: the signature is near the top. */
const DETECT_CHARS = 256 * 1024

/**
 * Content signature: two of the page's header lines; or a date line before the first title; or the
 * marks today's page puts around papers (`Submitted by`, `N authors`, repository stars, `·`, dates)
 * repeated; or links to Hugging Face paper pages on title lines. Prose that mentions a date or arXiv
 * has none of these.
 */
export function looksLikeHfText(text: string): boolean {
  const lines = readPageLines(text.length > DETECT_CHARS ? text.slice(0, text.lastIndexOf('\n', DETECT_CHARS)) : text)
  const kinds = classifyLines(lines)
  let header = 0
  let marks = 0
  const markKinds = new Set<LineKind>()
  let firstContent = -1
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i] as LineKind
    const text = (lines[i] as PageLine).text
    if (kind === 'chrome' && i < 30 && HEADER.has(text.toLowerCase())) header++
    if (kind === 'content' && firstContent === -1) firstContent = i
    if (kind === 'content' && paperLinkId((lines[i] as PageLine).links) !== undefined) return true
    if (
      kind === 'submitted' ||
      kind === 'authors' ||
      kind === 'stars' ||
      kind === 'paperDate' ||
      kind === 'separator'
    ) {
      marks++
      markKinds.add(kind)
    }
  }
  if (header >= 2 || (marks >= 3 && markKinds.size >= 2)) return true
  // The 2024 layout with its header cut: a date line, then text.
  for (let i = 0; i < lines.length && i < 12; i++) {
    const kind = kinds[i]
    if (kind === 'chrome') continue
    return kind === 'sectionDate' && firstContent > i
  }
  return false
}

/** Papers whose text is a trending page's AI summary: one short paragraph, where the page marks trending. */
const SUMMARY_MAX = 400

export const parseHfText: DigestParser = (text, ctx, onPaper) => {
  const warnings: string[] = []
  const mtime = ctx.mtime ?? new Date()
  const lines = readPageLines(text)
  const kinds = classifyLines(lines)
  const events = hasMarks(lines, kinds)
    ? assembleMarked(lines, kinds)
    : assembleUnmarked(lines, kinds, isCompact(lines, kinds), (m) => warnings.push(m))
  let digestDate: string | undefined
  let sectionDate: string | undefined
  let rank = 0
  for (const e of events) {
    if ('date' in e) {
      const d = parseDateLine(e.date.text)
      if (!d) continue
      sectionDate = inferYear(d.month, d.day, mtime)
      if (digestDate === undefined) {
        digestDate = sectionDate
        ctx.onDate?.(digestDate, true)
      }
      continue
    }
    const paper = toPaper(e.paper, ++rank, sectionDate)
    if (paper) onPaper(paper)
    else rank--
  }
  const meta: DigestMeta = { format: 'hf-text', warnings }
  if (digestDate !== undefined) {
    meta.date = digestDate
    meta.dateInferred = true
  }
  return meta
}

/** No blank line between any two lines of text: an editor or a copy dropped them. */
function isCompact(lines: PageLine[], kinds: LineKind[]): boolean {
  let pairs = 0
  for (let i = 1; i < lines.length; i++) {
    if (kinds[i] === 'content' && kinds[i - 1] === 'content') {
      if ((lines[i] as PageLine).blankBefore) return false
      pairs++
    }
  }
  return pairs > 0
}

function toPaper(raw: RawPaper, rank: number, sectionDate: string | undefined): ParsedPaper | undefined {
  const title = collapseWhitespace(latexToUnicode(raw.title.text.replace(/^#+\s*/, '')))
  if (title === '' || isChromeText(title)) return undefined
  const paragraphs = raw.paragraphs.map((p) => collapseWhitespace(latexToUnicode(p.join(' ')))).filter((p) => p !== '')
  const extras: Record<string, unknown> = { rank, line: raw.title.line, ...raw.extras }
  if (sectionDate !== undefined) extras.sectionDate = sectionDate
  let abstract = paragraphs.join('\n\n')
  if (raw.trending && paragraphs.length === 1 && abstract.length <= SUMMARY_MAX) {
    // The trending page shows HF's machine summary, not the authors' abstract (as `ai_summary` in the JSON).
    extras.aiSummary = abstract
    abstract = ''
  }
  const published = typeof extras.published === 'string' ? extras.published : undefined
  delete extras.published
  const paper: ParsedPaper = {
    title,
    abstract,
    authors: [],
    links: extractLinks(abstract || (typeof extras.aiSummary === 'string' ? extras.aiSummary : '')),
    categories: [],
    extras
  }
  if (published !== undefined) paper.published = published
  if (raw.arxivId !== undefined) {
    paper.arxivId = raw.arxivId
    Object.assign(paper.links, arxivLinks(raw.arxivId), { hf: `https://huggingface.co/papers/${raw.arxivId}` })
  }
  return paper
}
