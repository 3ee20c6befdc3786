import { VIEW_LABELS } from '../../../shared/values'
import { digestLabel } from '../lib/format'
import type { Store } from '../store'

export { VIEW_LABELS as VIEW_LABEL } from '../../../shared/values'

/** The feed's heading: the smart view's name, the digest's date or the tag. */
export function feedTitle(s: Store): string {
  if (s.digestId !== null) {
    const d = s.counts?.digests.find((x) => x.id === s.digestId)
    return d ? `Digest ${digestLabel(d)}` : 'Digest'
  }
  if (s.tag !== null) return `Tag: ${s.tag}`
  if (s.forYou) return 'For you'
  return VIEW_LABELS[s.view]
}
