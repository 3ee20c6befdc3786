import type { View } from '../../../shared/contract'
import { formatLabel } from '../../../shared/format-labels'
import { formatDigestDate } from '../lib/format'
import type { Store } from '../store'

export const VIEW_LABEL: Record<View, string> = {
  unread: 'Unread',
  reading: 'Reading',
  starred: 'Starred',
  notes: 'With notes',
  read: 'Read',
  all: 'All'
}

/** The feed's heading: the smart view's name, the digest's date or the tag. */
export function feedTitle(s: Store): string {
  if (s.digestId !== null) {
    const digests = s.counts?.digests ?? []
    const d = digests.find((x) => x.id === s.digestId)
    if (!d) return 'Digest'
    const date = `Digest ${formatDigestDate(d.date, d.dateInferred)}`
    // Another digest of the same date: the file (and, for the same file name, the format) tells them apart.
    const twins = digests.filter((x) => x.id !== d.id && x.date === d.date && x.dateInferred === d.dateInferred)
    if (!twins.length) return date
    const sameName = twins.some((x) => x.fileName === d.fileName)
    return `${date} · ${d.fileName}${sameName ? ` (${formatLabel(d.format)})` : ''}`
  }
  if (s.tag !== null) return `Tag: ${s.tag}`
  return VIEW_LABEL[s.view]
}
