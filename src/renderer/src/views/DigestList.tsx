/**
 * The sidebar's digests, newest first, grouped by month and then by date; within a date, by
 * source (format) and file. Each digest is a button named by its date, file, format and unread
 * count. Months are collapsible (a disclosure button with the month's unread count): only the
 * newest months start open, so 1,500 digests render as a few dozen buttons.
 */
import { useMemo, useState } from 'react'
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

export function DigestList() {
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
  return (
    <>
      <h2 className="nav-heading" id="digests-heading">
        Digests
      </h2>
      <ul className="nav-list digest-months" aria-labelledby="digests-heading">
        {months.map((m) => {
          const open = toggled[m.key] ?? (defaultOpen.has(m.key) || m.key === currentMonth)
          const listId = `digests-${m.key}`
          return (
            <li key={m.key}>
              <button
                type="button"
                className="nav-item month"
                aria-expanded={open}
                aria-controls={open ? listId : undefined}
                title={`${m.count} digests, ${m.unread} unread papers`}
                onClick={() => setToggled({ ...toggled, [m.key]: !open })}
              >
                <span className="nav-label">
                  <span aria-hidden="true" className="disclosure">
                    {open ? '▾' : '▸'}
                  </span>{' '}
                  {m.label}
                </span>{' '}
                <span className="count">{m.unread}</span>
              </button>
              {open && (
                <ul className="nav-list digest-days" id={listId} aria-label={m.label}>
                  {m.days.map((day) => (
                    <li key={day.date ?? 'undated'} className="digest-day">
                      <span className="digest-day-label" aria-hidden="true">
                        {formatDigestDate(day.date, day.dateInferred)}
                      </span>
                      <ul className="nav-list">
                        {day.digests.map((d) => (
                          <li key={d.id}>
                            <button
                              type="button"
                              className="nav-item digest"
                              aria-current={digestId === d.id ? 'true' : undefined}
                              title={`${d.total} papers, ${d.unread} unread`}
                              onClick={() => setDigest(d.id)}
                            >
                              <span className="nav-label">
                                <span className="sr-only">{formatDigestDate(d.date, d.dateInferred)} </span>
                                <span className="digest-file">
                                  {d.fileName} · {formatLabel(d.format)}
                                </span>
                              </span>{' '}
                              <span className="count">{d.unread}</span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
