import { formatLabel } from '../../../shared/format-labels'
import { VIEW_LABELS } from '../../../shared/values'
import { digestLabel } from '../lib/format'
import type { Store } from '../store'

export { VIEW_LABELS as VIEW_LABEL } from '../../../shared/values'

/** The feed's heading: the smart view's name, the digest's date or the tag. */
export function feedTitle(s: Store): string {
  if (s.digestId !== null) {
    const digests = s.counts?.digests ?? []
    const d = digests.find((x) => x.id === s.digestId)
    if (!d) return 'Digest'
    const title = `Digest ${digestLabel(d)}`
    // Another digest of the same date: the file (and, for the same file name, the format) tells them
    // apart. An undated digest's label already names its file.
    if (d.date === null) return title
    const twins = digests.filter((x) => x.id !== d.id && x.date === d.date && x.dateInferred === d.dateInferred)
    if (!twins.length) return title
    const sameName = twins.some((x) => x.fileName === d.fileName)
    return `${title} · ${d.fileName}${sameName ? ` (${formatLabel(d.format)})` : ''}`
  }
  if (s.tag !== null) return `Tag: ${s.tag}`
  if (s.forYou) return 'For you'
  return VIEW_LABELS[s.view]
}
