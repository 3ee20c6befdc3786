/**
 * The feed's virtual entries: rows, with a date header before each run of rows that share a
 * digest date (digest order) or a first-seen day (first-seen order). Headers are visual only.
 */
import type { PaperRow, Sort } from '../../../shared/contract'
import { formatDigestDate } from '../lib/format'

export type FeedEntry = { kind: 'header'; key: string; label: string } | { kind: 'row'; index: number }

export interface Grouped {
  entries: FeedEntry[]
  /** Entry index of each row index (null when there are no headers: the same index). */
  entryOfRow: number[] | null
}

const ROWS_ONLY = new Map<number, FeedEntry[]>()

function rowsOnly(n: number): FeedEntry[] {
  // Reused for the same length: re-rendering after a status change allocates nothing.
  let e = ROWS_ONLY.get(n)
  if (!e) {
    e = Array.from({ length: n }, (_, index) => ({ kind: 'row' as const, index }))
    ROWS_ONLY.clear()
    ROWS_ONLY.set(n, e)
  }
  return e
}

export function groupEntries(rows: readonly PaperRow[], grouping: Exclude<Sort, 'title'> | null): Grouped {
  if (!grouping) return { entries: rowsOnly(rows.length), entryOfRow: null }
  const entries: FeedEntry[] = []
  const entryOfRow: number[] = new Array<number>(rows.length)
  const used = new Set<string>()
  let last: string | null | undefined
  rows.forEach((row, index) => {
    const key = grouping === 'digest' ? row.digestDate : row.firstSeen.slice(0, 10)
    if (key !== last) {
      last = key
      const label =
        grouping === 'digest'
          ? formatDigestDate(row.digestDate, row.digestDateInferred)
          : `First seen ${formatDigestDate(key)}`
      let id = `h-${key ?? 'none'}`
      if (used.has(id)) id += `-${index}`
      used.add(id)
      entries.push({ kind: 'header', key: id, label })
    }
    entryOfRow[index] = entries.length
    entries.push({ kind: 'row', index })
  })
  return { entries, entryOfRow }
}
