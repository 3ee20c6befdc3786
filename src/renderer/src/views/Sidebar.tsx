import type { View } from '../../../preload/api'
import { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from '../../../preload/settings'
import { formatDigestDate } from '../lib/format'
import { useStore } from '../store'
import { VIEW_LABEL } from './feedTitle'

const VIEW_ORDER: View[] = ['unread', 'reading', 'starred', 'notes', 'read', 'all']

function ViewButton({ view }: { view: View }) {
  const count = useStore((s) => s.counts?.views[view])
  const current = useStore((s) => s.mode === 'feed' && s.digestId === null && s.view === view)
  const setView = useStore((s) => s.setView)
  return (
    <li>
      <button type="button" className="nav-item" aria-current={current ? 'true' : undefined} onClick={() => setView(view)}>
        <span className="nav-label">{VIEW_LABEL[view]}</span> <span className="count">{count ?? '–'}</span>
      </button>
    </li>
  )
}

function Digests() {
  const digests = useStore((s) => s.counts?.digests)
  const digestId = useStore((s) => (s.mode === 'feed' ? s.digestId : null))
  const setDigest = useStore((s) => s.setDigest)
  if (!digests?.length) return null
  // Newest first: by digest date, then by import time.
  const sorted = [...digests].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.importedAt.localeCompare(a.importedAt)
  )
  return (
    <>
      <h2 className="nav-heading" id="digests-heading">
        Digests
      </h2>
      <ul className="nav-list" aria-labelledby="digests-heading">
        {sorted.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="nav-item digest"
              aria-current={digestId === d.id ? 'true' : undefined}
              title={`${d.total} papers, ${d.unread} unread`}
              onClick={() => setDigest(d.id)}
            >
              <span className="nav-label">
                <span className="digest-date">{formatDigestDate(d.date, d.dateInferred)}</span>{' '}
                <span className="digest-file">
                  {d.fileName} · {d.format}
                </span>
              </span>{' '}
              <span className="count">{d.unread}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
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
        {VIEW_ORDER.map((v) => (
          <ViewButton key={v} view={v} />
        ))}
      </ul>
      <Digests />
      <h2 className="nav-heading" id="notes-heading">
        Notes
      </h2>
      <ul className="nav-list" aria-labelledby="notes-heading">
        <li>
          <button type="button" className="nav-item" aria-current={notesCurrent ? 'true' : undefined} onClick={showNotes}>
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
  const setWidth = (w: number) => remember({ sidebarWidth: Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, w))) })
  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the sidebar"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
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
