/**
 * What each line of a Hugging Face papers page is, from its own shape and its neighbours: page chrome,
 * a date, a count, a separator, `Submitted by` and the user name after it, an author count, repository
 * stars — or content (a title or prose), which is all hf-text.ts assembles papers from.
 */
import { daysInMonth, isoDate, monthNumber } from './dates'
import type { PageLine } from './hf-page-lines'

export type LineKind =
  | 'chrome'
  | 'sectionDate'
  | 'paperDate'
  | 'count'
  | 'separator'
  | 'submitted'
  | 'user'
  | 'authors'
  | 'stars'
  | 'content'

/** The page's own words around the list (header, navigation, sign-up, footer), compared case-folded. */
const CHROME = new Set(
  [
    'new',
    'get trending papers in your email inbox!',
    'get trending papers in your email inbox',
    'get trending papers in your email inbox once a day!',
    'get trending papers in your email inbox once a day',
    'subscribe',
    'byak and the research community',
    'by ak and the research community',
    'daily papers',
    'trending papers',
    'trending',
    'daily',
    'weekly',
    'monthly',
    'previous',
    'next',
    'papers',
    'search',
    'search papers',
    'submit paper',
    'view all',
    'show more',
    'load more',
    'upvote',
    'log in',
    'login',
    'sign up',
    'hugging face',
    'daily papers - hugging face',
    'trending papers - hugging face',
    'papers - hugging face',
    'join the community of machine learners and ai enthusiasts.',
    'models',
    'datasets',
    'spaces',
    'docs',
    'pricing',
    'enterprise',
    'posts',
    'collections',
    'community',
    'system theme',
    'website',
    'company',
    'about',
    'jobs',
    'tos',
    'privacy',
    'resources',
    'learn',
    'forum',
    'blog',
    'github',
    'discord'
  ].map((s) => s.replace(/\s+/g, ' '))
)

const SEPARATORS = new Set(['·', '•', '|', '—', '–', '/'])

export function isChromeText(text: string): boolean {
  return text.length <= 80 && CHROME.has(text.toLowerCase().replace(/\s+/g, ' '))
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

export interface PaperDate {
  /** YYYY-MM-DD when the line has a year. */
  date?: string
  /** The comment count glued to the date (`Dec 1, 202314` is Dec 1, 2023 with 14 comments). */
  comments?: number
}

/**
 * A paper's publication line: `Dec 1, 2023`, `Published on May 23`, with the comment count the page
 * glues to it (`Dec 1, 202314`, `May 235`). Undefined when the line is not one.
 */
export function parsePaperDate(line: string): PaperDate | undefined {
  if (line.length > 40) return undefined
  const m =
    /^(?:published on\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,7})(?:,\s*(\d{4})(\d{0,5}))?\s*(?:[·•]?\s*(\d+)\s*(?:comments?)?)?$/i.exec(
      line.trim()
    )
  if (!m || m[1] === undefined || m[2] === undefined) return undefined
  const month = monthNumber(m[1])
  if (month === undefined) return undefined
  const digits = m[2]
  const year = m[3] !== undefined ? Number(m[3]) : undefined
  const tail = m[4] !== undefined && m[4] !== '' ? m[4] : m[5]
  // Without a year, the comment count follows the day directly: try a two-digit day, then one digit.
  for (const len of year === undefined ? [2, 1] : [digits.length]) {
    if (len > digits.length || (year !== undefined && digits.length > 2)) continue
    const day = Number(digits.slice(0, len))
    const rest = digits.slice(len)
    if (day < 1 || day > daysInMonth(year ?? 2000, month)) continue
    const out: PaperDate = {}
    if (year !== undefined) out.date = isoDate(year, month, day)
    const count = rest !== '' ? rest : tail
    if (count !== undefined && count !== '') out.comments = Number(count)
    return out
  }
  return undefined
}

const COUNT = /^(?:-|[▲▴↑]?\s*\d[\d,]*(?:\.\d+)?k?(?:\s*(?:upvotes?|comments?))?)$/i
const AUTHORS = /^[-·•]?\s*\d[\d,]*\s+authors?$/i
const STARS = /^(?:github\s*[·:]?\s*[\d.,]+\s*k?|[★⭐]\s*[\d.,]+\s*k?|[\d.,]+\s*k?\s*stars?)$/i
const SUBMITTED = /^submitted by(?:\s+(\S.*))?$/i
/** A user handle: one token, as the page shows it. */
const HANDLE = /^@?[\w][\w.-]{0,39}$/

/** The kind of one line by its own shape (neighbours decide `user` and `paperDate`, see classifyLines). */
function ownKind(text: string): LineKind {
  if (text.length > 80) return 'content'
  if (isChromeText(text)) return 'chrome'
  if (SEPARATORS.has(text)) return 'separator'
  if (COUNT.test(text)) return 'count'
  if (AUTHORS.test(text)) return 'authors'
  if (STARS.test(text)) return 'stars'
  if (SUBMITTED.test(text)) return 'submitted'
  if (parseDateLine(text)) return 'sectionDate'
  if (parsePaperDate(text)) return 'paperDate'
  return 'content'
}

/** Lines that end a paper on the current page (what follows its abstract). */
export const TAIL_KINDS: ReadonlySet<LineKind> = new Set(['separator', 'authors', 'stars', 'paperDate'])

/**
 * Classify every line. Neighbours decide what shape alone cannot: the line after a bare `Submitted by` is
 * the user's name when it is a handle (or a short name with a title and more text after it); a bare
 * `Mon D` right after a paper's tail (`·`, `N authors`, stars) is that paper's date, not a new day.
 */
export function classifyLines(lines: PageLine[]): LineKind[] {
  const kinds = lines.map((l) => ownKind(l.text))
  for (let i = 0; i < lines.length; i++) {
    const k = kinds[i]
    if (k === 'submitted' && SUBMITTED.exec(lines[i]!.text)?.[1] === undefined) {
      const next = lines[i + 1]
      if (next && kinds[i + 1] === 'content' && isUserName(next.text, kinds[i + 2], kinds[i + 3])) {
        kinds[i + 1] = 'user'
      }
    }
    if (k === 'sectionDate' && i > 0 && TAIL_KINDS.has(kinds[i - 1] as LineKind)) kinds[i] = 'paperDate'
  }
  return kinds
}

function isUserName(text: string, after: LineKind | undefined, after2: LineKind | undefined): boolean {
  if (HANDLE.test(text)) return true
  // A display name (`Niels Rogge`) only when a title and its text still follow.
  return (
    text.length <= 40 &&
    text.split(/\s+/).length <= 4 &&
    !/[:.!?]/.test(text) &&
    after === 'content' &&
    after2 === 'content'
  )
}
