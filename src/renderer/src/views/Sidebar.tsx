import type { View } from '../../../shared/contract'
import { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from '../../../shared/values'
import { useStore } from '../store'
import { DigestList } from './DigestList'
import { ForYouButton } from './ForYou'
import { VIEW_LABEL } from './feedTitle'
import { TagList } from './TagList'

const VIEW_ORDER: View[] = ['unread', 'reading', 'starred', 'notes', 'read', 'all']

function ViewButton({ view }: { view: View }) {
  const count = useStore((s) => s.counts?.views[view])
  const current = useStore(
    (s) => s.mode === 'feed' && !s.forYou && s.digestId === null && s.tag === null && s.view === view
  )
  const setView = useStore((s) => s.setView)
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'true' : undefined}
        onClick={() => setView(view)}
      >
        <span className="nav-label">{VIEW_LABEL[view]}</span> <span className="count">{count ?? '–'}</span>
      </button>
    </li>
  )
}

export function Sidebar() {
  const notesCount = useStore((s) => s.counts?.views.notes)
  const notesCurrent = useStore((s) => s.mode === 'notes')
  const showNotes = useStore((s) => s.showNotes)
  return (
    <nav className="sidebar" aria-label="Library">
      <h2 className="nav-heading" id="views-heading">
        Views
      </h2>
      <ul className="nav-list" aria-labelledby="views-heading">
        <ForYouButton />
        {VIEW_ORDER.map((v) => (
          <ViewButton key={v} view={v} />
        ))}
      </ul>
      <DigestList />
      <TagList />
      <h2 className="nav-heading" id="notes-heading">
        Notes
      </h2>
      <ul className="nav-list" aria-labelledby="notes-heading">
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={notesCurrent ? 'true' : undefined}
            onClick={showNotes}
          >
            <span className="nav-label">All notes</span> <span className="count">{notesCount ?? '–'}</span>
          </button>
        </li>
      </ul>
    </nav>
  )
}

/**
 * The sidebar's edge: drag it, or focus it and use ←/→ (Home/End), to resize the sidebar.
 * The width is remembered in the settings.
 */
export function SidebarResizer() {
  const width = useStore((s) => s.settings?.sidebarWidth ?? SIDEBAR_DEFAULT)
  const remember = useStore((s) => s.rememberSoon)
  const setWidth = (w: number) =>
    remember({ sidebarWidth: Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, w))) })
  return (
    // A focusable separator is a widget (WAI-ARIA window splitter): arrows, Home and End move it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the sidebar"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a window splitter takes focus
      tabIndex={0}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 48 : 16
        const to = { ArrowLeft: width - step, ArrowRight: width + step, Home: SIDEBAR_MIN, End: SIDEBAR_MAX }[e.key]
        if (to === undefined) return
        e.preventDefault()
        e.stopPropagation()
        setWidth(to)
      }}
      onPointerDown={(e) => {
        e.preventDefault()
        const el = e.currentTarget
        el.setPointerCapture(e.pointerId)
        const startX = e.clientX
        const startW = width
        const move = (m: PointerEvent) => setWidth(startW + m.clientX - startX)
        const up = () => {
          el.removeEventListener('pointermove', move)
          el.removeEventListener('pointerup', up)
        }
        el.addEventListener('pointermove', move)
        el.addEventListener('pointerup', up)
      }}
    />
  )
}
