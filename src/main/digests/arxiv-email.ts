/**
 * arXiv listing e-mail, "Subj-class mailing" (docs/formats.md, "arXiv e-mail"): a header, then records separated by 78-character
 * rules, section markers for cross-lists and replacements, and an end rule followed by a footer.
 */
import { arxivLinks, parseArxivId } from './arxiv-id'
import { classifyDoi } from './doi'
import { collapseWhitespace } from './text'
import { extractLinks } from './urls'
import { latexToUnicode } from './latex'
import { rfc822Date } from './dates'
import { splitAuthorList } from './names'
import { DigestError, type DigestMeta, type DigestParser, type ParsedPaper } from './types'

type Section = 'new' | 'cross' | 'replace'
type Rule = 'separator' | 'cross' | 'replace' | 'end'

/** Rules are recognised on their first 12 characters (arxiv-browse `_is_rule`), tolerant of re-wrapped mail. */
function ruleOf(line: string): Rule | undefined {
  if (line.length < 12) return undefined
  const head = line.slice(0, 12)
  if (head === '------------') return /^-+\s*$/.test(line) ? 'separator' : undefined
  if (head === '%-%-%-%-%-%-') return 'cross'
  if (head === '%%--%%--%%--') return 'replace'
  if (head === '%%%---%%%---') return 'end'
  return undefined
}

const ID_LINE = /^arXiv:(\S+)(\s+\(\*cross-listing\*\))?\s*$/
const TRAILER = /^\\\\\s*\(\s*(\S+)\s*,\s*([^)]*?)\s*\)\s*$/

/** Content signature: a line that is exactly `\\` followed by a line `arXiv:<id>`. */
export function looksLikeArxivEmail(text: string): boolean {
  let pos = 0
  for (let i = text.indexOf('\\\\\n', pos); i !== -1; i = text.indexOf('\\\\\n', pos)) {
    pos = i + 3
    if (i > 0 && text[i - 1] !== '\n') continue
    const next = text.slice(pos, pos + 80)
    const line = next.split('\n', 1)[0] ?? ''
    const m = ID_LINE.exec(line)
    if (m && m[1] !== undefined && parseArxivId(m[1])) return true
  }
  return false
}

const KEY_NAMES: Record<string, string> = {
  comments: 'comments',
  'journal-ref': 'journalRef',
  doi: 'doi',
  'report-no': 'reportNo',
  'msc-class': 'mscClass',
  'acm-class': 'acmClass',
  license: 'license',
  proxy: 'proxy'
}

function extraKey(key: string): string {
  const k = key.toLowerCase()
  return KEY_NAMES[k] ?? k.replace(/[-\s]+(\w)/g, (_, c: string) => c.toUpperCase())
}

/** `Date: Thu, 8 Jun 2017 10:36:40 GMT   (1807kb,D)` → date text and size. */
function dateAndSize(s: string): { date: string; size?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(s)
  if (m && m[1] !== undefined && m[2] !== undefined) return { date: m[1].trim(), size: m[2].trim() }
  return { date: s.trim() }
}

function toIso(rfc: string): string | undefined {
  const t = Date.parse(rfc)
  return Number.isNaN(t) ? undefined : new Date(t).toISOString()
}

export const parseArxivEmail: DigestParser = (text, _ctx, onPaper) => {
  const lines = text.split('\n')
  const warnings: string[] = []
  let section: Section = 'new'
  let headerDate: string | undefined
  let receivedTo: string | undefined
  let seenRecord = false
  let rank = 0
  let i = 0

  while (i < lines.length) {
    const line = lines[i] as string
    const rule = ruleOf(line)
    if (rule === 'end') break
    if (rule === 'cross') section = 'cross'
    else if (rule === 'replace') section = 'replace'
    if (rule !== undefined) {
      i++
      continue
    }
    if (!seenRecord) {
      const d = /^Date:\s+(.*)$/.exec(line)
      if (d && d[1] !== undefined) headerDate ??= rfc822Date(d[1])
      const r = /^\s*received from\s+.*?\s+to\s+(.*)$/.exec(line)
      if (r && r[1] !== undefined) receivedTo = rfc822Date(r[1])
    }
    if (line === '\\\\' && ID_LINE.test(lines[i + 1] ?? '')) {
      seenRecord = true
      i = parseRecord(lines, i, section, ++rank, onPaper, warnings)
      continue
    }
    i++
  }

  const meta: DigestMeta = { format: 'arxiv-email', warnings }
  if (headerDate !== undefined) meta.date = headerDate
  else if (receivedTo !== undefined) {
    meta.date = receivedTo
    meta.dateInferred = true
  }
  return meta
}

/** Parse one record starting at the `\\` line `start`; returns the index of the line after its trailer. */
function parseRecord(
  lines: string[],
  start: number,
  section: Section,
  rank: number,
  onPaper: (p: ParsedPaper) => void,
  warnings: string[]
): number {
  const idLine = lines[start + 1] as string
  const m = ID_LINE.exec(idLine) as RegExpExecArray
  const rawId = m[1] as string
  const isCross = m[2] !== undefined
  const id = parseArxivId(rawId)
  if (!id) throw new DigestError(`line ${start + 2}: "${rawId}" is not a valid arXiv id`, { line: start + 2 })

  const extras: Record<string, unknown> = { rank }
  extras.announceType = section === 'replace' ? (isCross ? 'replace-cross' : 'replace') : isCross ? 'cross' : section
  const fields = new Map<string, string>()
  let lastKey: string | undefined
  let i = start + 2
  let abstractLines: string[] | undefined
  let trailer: RegExpExecArray | undefined

  const unclosed = (at: number): DigestError =>
    new DigestError(
      `line ${at + 1}: record arXiv:${rawId} (line ${start + 2}) is not closed by a "\\\\ ( https://arxiv.org/abs/… )" line`,
      {
        line: at + 1
      }
    )

  for (; i < lines.length; i++) {
    const line = lines[i] as string
    if (ruleOf(line) !== undefined) throw unclosed(i)
    const t = TRAILER.exec(line)
    if (t) {
      trailer = t
      break
    }
    if (abstractLines) {
      if (line === '\\\\' && ID_LINE.test(lines[i + 1] ?? '')) throw unclosed(i)
      abstractLines.push(line)
      continue
    }
    if (line === '\\\\') {
      abstractLines = []
      continue
    }
    if (line.trim() === '') continue
    const date = /^Date:\s+(.*)$/.exec(line)
    const replaced = /^replaced with revised version\s+(.*)$/.exec(line)
    if (date && date[1] !== undefined && fields.size === 0) {
      const ds = dateAndSize(date[1])
      extras.versionDate = toIso(ds.date) ?? ds.date
      if (ds.size !== undefined) extras.size = ds.size
      continue
    }
    if (replaced && replaced[1] !== undefined) {
      const ds = dateAndSize(replaced[1])
      extras.replacedDate = toIso(ds.date) ?? ds.date
      if (ds.size !== undefined) extras.size = ds.size
      continue
    }
    if (/^\s/.test(line) && lastKey !== undefined) {
      fields.set(lastKey, `${fields.get(lastKey) ?? ''} ${line.trim()}`)
      continue
    }
    const kv = /^([A-Za-z][\w-]*):\s?(.*)$/.exec(line)
    if (kv && kv[1] !== undefined && kv[2] !== undefined) {
      lastKey = kv[1].toLowerCase()
      fields.set(lastKey, kv[2])
      continue
    }
    warnings.push(`line ${i + 1}: unexpected line in record arXiv:${rawId} ignored`)
  }
  if (!trailer) throw unclosed(lines.length - 1)

  const title = collapseWhitespace(latexToUnicode(fields.get('title') ?? ''))
  if (title === '') throw new DigestError(`line ${start + 1}: record arXiv:${rawId} has no Title`, { line: start + 1 })
  const abstract = joinAbstract(abstractLines ?? [])
  const authors = splitAuthorList(collapseWhitespace(fields.get('authors') ?? ''))
  if (/\bet\.?\s*al\b/i.test(fields.get('authors') ?? '')) extras.etAl = true // the list is partial
  const categories = collapseWhitespace(fields.get('categories') ?? '')
    .split(' ')
    .filter((c) => c !== '')

  const paper: ParsedPaper = {
    title,
    abstract,
    authors,
    arxivId: id.id,
    links: { ...arxivLinks(id.id) },
    categories,
    extras
  }
  if (id.version !== undefined) paper.version = id.version
  for (const [key, value] of fields) {
    if (key === 'title' || key === 'authors' || key === 'categories') continue
    const v = collapseWhitespace(value)
    if (key === 'doi') {
      // `DOI:` may list the same DOI twice, or several: the first journal DOI is the paper's.
      const dois = [...new Set(v.split(/[\s,;]+/).map((t) => classifyDoi(t).doi))].filter((t) => t !== undefined)
      if (dois[0] !== undefined) {
        paper.doi = dois[0]
        paper.links.doi = `https://doi.org/${dois[0]}`
      }
      if (dois.length > 1) extras.otherDois = dois.slice(1)
      continue
    }
    extras[extraKey(key)] = v
  }
  const found = extractLinks(abstract)
  const fromComments = typeof extras.comments === 'string' ? extractLinks(extras.comments) : {}
  const code = found.code ?? fromComments.code
  const project = found.project ?? fromComments.project
  if (code !== undefined) paper.links.code = code
  if (project !== undefined) paper.links.project = project
  if ((extras.announceType === 'new' || extras.announceType === 'cross') && typeof extras.versionDate === 'string') {
    paper.published = extras.versionDate
  }
  onPaper(paper)
  return i + 1
}

/** A line starting with two spaces starts a paragraph; other lines continue it. */
function joinAbstract(lines: string[]): string {
  const paragraphs: string[] = []
  let cur: string[] = []
  for (const line of lines) {
    if (line.startsWith('  ') && cur.length > 0) {
      paragraphs.push(cur.join(' '))
      cur = []
    }
    if (line.trim() !== '') cur.push(line.trim())
  }
  if (cur.length > 0) paragraphs.push(cur.join(' '))
  return paragraphs
    .map((p) => collapseWhitespace(latexToUnicode(p)))
    .filter((p) => p !== '')
    .join('\n\n')
}
