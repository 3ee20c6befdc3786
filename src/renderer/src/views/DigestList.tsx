/**
 * The sidebar tree's digests, newest first, grouped by month and then by date; within a date, by
 * source (format) and file. Each digest is an item named by its date, file, format and unread
 * count. Months open and close (each with its unread count): only the newest months start open,
 * so 1,500 digests render as a few dozen items.
 */
import { useMemo, useState } from 'react'
import type { TreeNode } from '../components/Tree'
import type { DigestCount } from '../../../shared/contract'
import { formatLabel } from '../../../shared/format-labels'
import { formatDigestDate } from '../lib/format'
import { useStore } from '../store'

/** Open the newest months until at least this many digests show. */
const OPEN_AT_START = 30

interface DayGroup {
  date: string | null
  /** The date's label is made when its month is shown (most months start closed). */
  dateInferred: boolean
  digests: DigestCount[]
}
interface MonthGroup {
  key: string
  label: string
  unread: number
  count: number
  days: DayGroup[]
}

const MONTH = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** ISO dates and timestamps sort as plain strings; file names and formats by the user's collation. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const COLLATOR = new Intl.Collator()

export function groupDigests(digests: readonly DigestCount[]): MonthGroup[] {
  const sorted = [...digests].sort(
    (a, b) =>
      byCode(b.date ?? '', a.date ?? '') ||
      COLLATOR.compare(a.format, b.format) ||
      COLLATOR.compare(a.fileName, b.fileName) ||
      byCode(b.importedAt, a.importedAt)
  )
  const months: MonthGroup[] = []
  for (const d of sorted) {
    const key = d.date ? d.date.slice(0, 7) : 'undated'
    let month = months[months.length - 1]
    if (!month || month.key !== key) {
      const label = d.date ? MONTH.format(new Date(`${key}-01T00:00:00Z`)) : 'Undated'
      month = { key, label, unread: 0, count: 0, days: [] }
      months.push(month)
    }
    month.unread += d.unread
    month.count++
    let day = month.days[month.days.length - 1]
    if (!day || day.date !== d.date) {
      day = { date: d.date, dateInferred: d.dateInferred, digests: [] }
      month.days.push(day)
    }
    day.digests.push(d)
  }
  return months
}

/** The Digests section's months and their digests, as tree nodes; null when there are no digests. */
export function useDigestNodes(choose: (run: () => void) => () => void): TreeNode[] | null {
  const digests = useStore((s) => s.counts?.digests)
  const digestId = useStore((s) => (s.mode === 'feed' ? s.digestId : null))
  const setDigest = useStore((s) => s.setDigest)
  const months = useMemo(() => groupDigests(digests ?? []), [digests])
  // Which months the user opened or closed (the rest follow the default).
  const [toggled, setToggled] = useState<Record<string, boolean>>({})
  const defaultOpen = useMemo(() => {
    const open = new Set<string>()
    let shown = 0
    for (const m of months) {
      if (shown >= OPEN_AT_START) break
      open.add(m.key)
      shown += m.count
    }
    return open
  }, [months])
  const currentMonth = useMemo(() => {
    const d = digestId === null ? undefined : digests?.find((x) => x.id === digestId)
    return d ? (d.date ? d.date.slice(0, 7) : 'undated') : null
  }, [digestId, digests])

  if (!digests?.length) return null
  return months.map((m) => {
    const open = toggled[m.key] ?? (defaultOpen.has(m.key) || m.key === currentMonth)
    return {
      key: `month-${m.key}`,
      className: 'month',
      title: `${m.count} digests, ${m.unread} unread papers`,
      expanded: open,
      onToggle: () => setToggled((t) => ({ ...t, [m.key]: !open })),
      content: (
        <>
          <span className="tree-text">{m.label}</span> <span className="count">{m.unread}</span>
        </>
      ),
      children: m.days.flatMap((day) =>
        day.digests.map((d) => ({
          key: `digest-${d.id}`,
          selected: digestId === d.id,
          title: `${d.total} papers, ${d.unread} unread`,
          onActivate: choose(() => setDigest(d.id)),
          content: (
            <>
              <span className="tree-text digest-lines">
                <span>{formatDigestDate(d.date, d.dateInferred)}</span>{' '}
                <span className="digest-file">
                  {d.fileName} · {formatLabel(d.format)}
                </span>
              </span>{' '}
              <span className="count">{d.unread}</span>
            </>
          )
        }))
      )
    }
  })
}
