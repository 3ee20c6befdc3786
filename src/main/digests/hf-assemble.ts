/**
 * Papers from the classified lines of a Hugging Face papers page (hf-page-lines.ts, hf-line-kinds.ts).
 *
 * Today's page marks where each paper starts: an upvote count (or `-`) before the title, `Submitted by`
 * and a user name, a link to `/papers/<id>`, or the end of the previous paper's tail (`·`, `N authors`,
 * `GitHub 16.2k`, its date). Between two starts: the title, its text (abstract, or on the trending page a
 * one-sentence AI summary), then an organisation line and the tail. `assembleMarked` reads that.
 * The 2024 page had no such marks: `assembleUnmarked` pairs titles and abstracts by shape, in blocks
 * separated by blank lines, or line by line when an editor dropped every blank line.
 */
import type { PageLine } from './hf-page-lines'
import { paperLinkId } from './hf-page-lines'
import { parsePaperDate, TAIL_KINDS, type LineKind } from './hf-line-kinds'

export interface RawPaper {
  title: PageLine
  /** Paragraphs of the paper's text, each a list of lines. */
  paragraphs: string[][]
  arxivId?: string
  /** The page showed the trending layout around it (`Submitted by`, repository stars). */
  trending: boolean
  extras: Record<string, unknown>
}

export type Event = { date: PageLine } | { paper: RawPaper }

const STARTERS: ReadonlySet<LineKind> = new Set(['count', 'user', 'submitted'])

/** True when the page marks its papers (see the module comment): then `assembleMarked` applies. */
export function hasMarks(lines: PageLine[], kinds: LineKind[]): boolean {
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'content') continue
    const prev = kinds[i - 1]
    if ((prev !== undefined && STARTERS.has(prev)) || paperLinkId(lines[i]!.links) !== undefined) return true
  }
  return false
}

/** A title-like line: short, not a sentence. */
export function titleShaped(text: string): boolean {
  return text.length <= 300 && !/[.!?]$/.test(text) && !/^[a-z]/.test(text)
}

function starPlus(text: string): number | undefined {
  const m = /([\d.,]+)\s*(k?)/i.exec(text)
  if (!m || m[1] === undefined) return undefined
  const n = Number(m[1].replace(/,/g, ''))
  return Number.isFinite(n) ? Math.round(m[2] ? n * 1000 : n) : undefined
}

export function assembleMarked(lines: PageLine[], kinds: LineKind[]): Event[] {
  const events: Event[] = []
  let cur: RawPaper | undefined
  let tail = false // the current paper's tail has begun: its text is over
  let trendingMark = false // `Submitted by` seen since the last paper started
  let upvotes: number | undefined

  const isStart = (i: number): boolean => {
    const prev = kinds[i - 1]
    if (prev !== undefined && STARTERS.has(prev)) return true
    const id = paperLinkId(lines[i]!.links)
    if (id !== undefined && id !== cur?.arxivId) return true
    // After a paper's tail, a line with text after it starts the next paper (one without an upvote count).
    return cur !== undefined && tail && kinds[i + 1] === 'content'
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PageLine
    const kind = kinds[i] as LineKind
    if (kind === 'content') {
      if (isStart(i)) {
        cur = { title: line, paragraphs: [], trending: trendingMark, extras: {} }
        const id = paperLinkId(line.links)
        if (id !== undefined) cur.arxivId = id
        if (upvotes !== undefined) cur.extras.upvotes = upvotes
        events.push({ paper: cur })
        tail = false
        trendingMark = false
        upvotes = undefined
      } else if (cur && !tail) {
        const last = cur.paragraphs[cur.paragraphs.length - 1]
        if (!last || line.blankBefore) cur.paragraphs.push([line.text])
        else last.push(line.text)
      } else if (cur && tail && cur.extras.organization === undefined) {
        cur.extras.organization = line.text
      }
      continue
    }
    if (kind === 'sectionDate') {
      events.push({ date: line })
      if (cur) tail = true
      continue
    }
    if (kind === 'submitted' || kind === 'user') trendingMark = true
    if (kind === 'count') {
      const n = /^\d/.test(line.text) ? Number(line.text.replace(/[^\d]/g, '')) : 0
      upvotes = Number.isFinite(n) ? n : undefined
    }
    if (!cur || !TAIL_KINDS.has(kind)) continue
    // The paper's text is over. An organisation printed between the text and the tail is not text:
    // a short title-like last line after prose.
    if (!tail) takeOrganisation(cur)
    tail = true
    if (kind === 'stars') {
      cur.trending = true
      const n = starPlus(line.text)
      if (n !== undefined) cur.extras.githubStars = n
    } else if (kind === 'authors') {
      cur.extras.authorCount = Number(line.text.replace(/[^\d]/g, ''))
    } else if (kind === 'paperDate') {
      const d = parsePaperDate(line.text)
      if (d?.date !== undefined) cur.extras.published = d.date
      if (d?.comments !== undefined) cur.extras.numComments = d.comments
    }
  }
  if (cur && !tail) takeOrganisation(cur)
  return events
}

function takeOrganisation(p: RawPaper): void {
  const last = p.paragraphs[p.paragraphs.length - 1]
  if (!last || p.paragraphs.flat().length < 2) return
  const line = last[last.length - 1] as string
  if (!titleShaped(line) || line.length > 100 || line.split(/\s+/).length > 12) return
  last.pop()
  if (last.length === 0) p.paragraphs.pop()
  p.extras.organization = line
}

/** A line of hard-wrapped text that goes on: short (editors wrap near 80 columns), no sentence end or URL last. */
function wrapsOn(line: string): boolean {
  return line.length <= 160 && !/[.!?]$/.test(line) && !/https?:\/\/\S+$/.test(line)
}

/** The 2024 page's rule (docs/formats.md): a block is text if it has several lines, over 300 characters, or ≥ 8 words and ends with `.`/`!`. */
function isText(block: string[]): boolean {
  if (block.length > 1) return true
  const t = block[0] ?? ''
  return t.length > 300 || (/[.!]$/.test(t) && t.split(/\s+/).length >= 8)
}

/**
 * The 2024 layout: title and abstract by shape. `compact`: no blank line anywhere between two lines of
 * text, so lines alternate title, abstract (an abstract wrapped over several lines goes on while a line
 * does not end a sentence, or the next starts in lower case).
 */
export function assembleUnmarked(
  lines: PageLine[],
  kinds: LineKind[],
  compact: boolean,
  warn: (message: string) => void
): Event[] {
  const events: Event[] = []
  let title: PageLine | undefined // a title waiting for its text
  let held: RawPaper | undefined // the last paper, which a further paragraph may still join
  let open = false // compact: the held paper's text may go on

  const paper = (t: PageLine, paragraphs: string[][]): RawPaper => {
    const p: RawPaper = { title: t, paragraphs, trending: false, extras: {} }
    events.push({ paper: p })
    return p
  }
  const flushTitle = (): void => {
    if (title) held = paper(title, [])
    title = undefined
  }

  // Blocks: runs of text lines with neither a blank line nor another kind of line between them.
  const blocks: { first: PageLine; lines: string[] }[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PageLine
    const kind = kinds[i]
    if (kind === 'sectionDate') {
      flushBlocks()
      flushTitle()
      open = false
      events.push({ date: line })
      continue
    }
    if (kind !== 'content') {
      flushBlocks()
      continue
    }
    const lastBlock = blocks[blocks.length - 1]
    if (!lastBlock || line.blankBefore || kinds[i - 1] !== 'content') blocks.push({ first: line, lines: [line.text] })
    else lastBlock.lines.push(line.text)
    if (compact) flushBlocks()
  }
  flushBlocks()
  flushTitle()
  return events

  function flushBlocks(): void {
    for (const b of blocks.splice(0)) (compact ? takeLine : takeBlock)(b)
  }

  function takeLine(b: { first: PageLine; lines: string[] }): void {
    const text = b.lines[0] as string
    if (title) {
      held = paper(title, [[text]])
      title = undefined
      open = wrapsOn(text)
    } else if (held && held.paragraphs.length > 0 && (open || /^[a-z]/.test(text))) {
      held.paragraphs[0]!.push(text)
      open = wrapsOn(text)
    } else {
      title = b.first
      open = false
    }
  }

  function takeBlock(b: { first: PageLine; lines: string[] }): void {
    if (!isText(b.lines)) {
      flushTitle()
      title = b.first
      return
    }
    if (title) {
      held = paper(title, [b.lines])
      title = undefined
    } else if (b.lines.length === 1 && (b.lines[0] as string).length <= 300) {
      title = b.first // a sentence-like title: no title is waiting
    } else if (held && held.paragraphs.length > 0) {
      held.paragraphs.push(b.lines) // a second paragraph of the last abstract
    } else {
      warn(`line ${b.first.line}: text block without a title, skipped`)
    }
  }
}
