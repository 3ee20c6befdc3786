const MONTH_DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const FULL = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** "2024-06-06" -> "Jun 6, 2024"; with an inferred year: "Jun 6 (year inferred)". */
export function formatDigestDate(date: string | null, inferred = false): string {
  if (!date) return 'Undated'
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return date
  return inferred ? `${MONTH_DAY.format(d)} (year inferred)` : FULL.format(d)
}

/** A digest's name in lists and titles: its date, or "Undated" with the file it came from. */
export function digestLabel(d: { date: string | null; dateInferred?: boolean; fileName: string }): string {
  return d.date ? formatDigestDate(d.date, d.dateInferred) : `Undated (${d.fileName})`
}
/** A moment (a note saved, edited) in the dates' style, local time: "Jun 6, 2024, 2:05 PM". */
const MOMENT = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit'
})

export function formatTimestamp(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : MOMENT.format(d)
}

export function authorLine(authors: string[], total: number): string {
  if (!authors.length) return 'Unknown authors'
  const shown = authors.join(', ')
  return total > authors.length ? `${shown} et al.` : shown
}

export { STATUS_LABELS as STATUS_LABEL } from '../../../shared/values'
