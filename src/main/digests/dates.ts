/** Dates as digests write them: month names, RFC 822 and ISO 8601 days. Pure functions. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12
}

/** Month number for `Jan`, `June`, `Sept`…; undefined if not a month name. */
export function monthNumber(name: string): number | undefined {
  const n = name.toLowerCase()
  const m = MONTHS[n.slice(0, 3)]
  if (m === undefined) return undefined
  const full =
    [
      'january',
      'february',
      'march',
      'april',
      'may',
      'june',
      'july',
      'august',
      'september',
      'october',
      'november',
      'december'
    ][m - 1] ?? ''
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
