import type { View } from '../../../shared/contract'
import { digestLabel } from '../lib/format'
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
    const d = s.counts?.digests.find((x) => x.id === s.digestId)
    return d ? `Digest ${digestLabel(d)}` : 'Digest'
  }
  if (s.tag !== null) return `Tag: ${s.tag}`
  return VIEW_LABEL[s.view]
}
