/**
 * The feed's actions: "Mark all read" (Shift+A) for the whole view, "Select all" (Ctrl/⌘+A), and
 * while papers are selected (shift/ctrl-click, x) what applies to them: status, star, clear.
 * Whole-view actions run server-side on the view's filters (never a list of ids). The selection's
 * bar is one line even in a narrow feed: short labels, named by their groups.
 */
import type { Status } from '../../../shared/contract'
import { useStore, type Store } from '../store'

const STATUS_ACTIONS: [Status, string][] = [
  ['read', 'Read'],
  ['reading', 'Reading'],
  ['unread', 'Unread']
]

/** How many papers the current view holds, when the sidebar counts know it. */
function viewTotal(s: Store): number | null {
  if (s.query.trim() || !s.counts) return null
  if (s.digestId !== null) return s.counts.digests.find((d) => d.id === s.digestId)?.total ?? null
  if (s.tag !== null) return null
  return s.counts.views[s.view]
}

export function BulkBar() {
  const pickedCount = useStore((s) => s.picked.size)
  const allPicked = useStore((s) => s.allPicked)
  const total = useStore(viewTotal)
  const hasRows = useStore((s) => s.rows.length > 0)
  const s = useStore.getState
  const n = allPicked ? total : pickedCount
  const what = allPicked
    ? n === null
      ? 'All papers in this view'
      : `All ${n.toLocaleString('en')} selected`
    : `${pickedCount.toLocaleString('en')} selected`

  if (!allPicked && !pickedCount) {
    return (
      <div className="feed-actions" role="toolbar" aria-label="Feed actions">
        <button type="button" disabled={!hasRows} aria-keyshortcuts="Control+A Meta+A" onClick={() => s().pickAll()}>
          Select all
        </button>
        <button type="button" disabled={!hasRows} aria-keyshortcuts="Shift+A" onClick={() => void s().markViewRead()}>
          Mark all read
        </button>
      </div>
    )
  }
  return (
    <div className="feed-actions bulk" role="toolbar" aria-label="Selected papers">
      <span className="bulk-count" role="status" title={allPicked ? 'Every paper in this view' : undefined}>
        {what}
      </span>
      <div className="segmented" role="group" aria-label="Mark as">
        {STATUS_ACTIONS.map(([status, label]) => (
          <button key={status} type="button" onClick={() => void s().setPickedStatus(status)}>
            {label}
          </button>
        ))}
      </div>
      <button type="button" onClick={() => void s().setPickedStarred(true)}>
        Star
      </button>
      <button type="button" onClick={() => void s().setPickedStarred(false)}>
        Unstar
      </button>
      <button
        type="button"
        aria-keyshortcuts="Escape"
        title="Clear the selection (Esc)"
        onClick={() => s().clearPicked()}
      >
        Clear
      </button>
    </div>
  )
}
