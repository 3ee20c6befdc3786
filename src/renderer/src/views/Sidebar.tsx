/**
 * The sidebar: one tree (views, digests by month, tags, notes) that takes one Tab stop, the
 * current tag's tools, and the resizer at its edge (inside the landmark). In the narrow layout it
 * opens over the feed: choosing an item or Esc closes it (`onClose`).
 */
import { useState, type KeyboardEvent } from 'react'
import type { View } from '../../../shared/contract'
import { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN } from '../../../shared/values'
import { Tree, type TreeNode } from '../components/Tree'
import { useStore } from '../store'
import { useDigestNodes } from './DigestList'
import { useRankingReload } from './ForYou'
import { VIEW_LABEL } from './feedTitle'
import './sidebar.css'
import { CurrentTagTools, useTagNodes } from './TagList'

const VIEW_ORDER: View[] = ['unread', 'reading', 'starred', 'notes', 'read', 'all']

const labelled = (label: string, count: number | undefined) => (
  <>
    <span className="tree-text">{label}</span> <span className="count">{count ?? '–'}</span>
  </>
)

export function Sidebar({ onClose }: { onClose?: () => void }) {
  const counts = useStore((s) => s.counts)
  const currentView = useStore((s) =>
    s.mode === 'feed' && !s.forYou && s.digestId === null && s.tag === null ? s.view : null
  )
  const forYou = useStore((s) => s.mode === 'feed' && s.forYou)
  const showForYou = useStore((s) => s.showForYou)
  useRankingReload()
  const notesCurrent = useStore((s) => s.mode === 'notes')
  const setView = useStore((s) => s.setView)
  const showNotes = useStore((s) => s.showNotes)
  // Choosing an item closes the sidebar when it lies over the feed.
  const choose = (run: () => void) => () => {
    run()
    onClose?.()
  }
  const digests = useDigestNodes(choose)
  const tags = useTagNodes(choose)
  const [closed, setClosed] = useState<Record<string, boolean>>({})
  const section = (key: string, label: string, children: TreeNode[] | null): TreeNode[] =>
    children
      ? [
          {
            key,
            className: 'section',
            content: <span className="tree-text">{label}</span>,
            expanded: !closed[key],
            onToggle: () => setClosed((c) => ({ ...c, [key]: !c[key] })),
            children
          }
        ]
      : []
  const nodes = [
    ...section('views', 'Views', [
      {
        key: 'for-you',
        selected: forYou,
        onActivate: choose(showForYou),
        content: <span className="tree-text">For you</span>
      },
      ...VIEW_ORDER.map((v) => ({
        key: `view-${v}`,
        selected: currentView === v,
        onActivate: choose(() => setView(v)),
        content: labelled(VIEW_LABEL[v], counts?.views[v])
      }))
    ]),
    ...section('digests', 'Digests', digests),
    ...section('tags', 'Tags', tags),
    ...section('notes', 'Notes', [
      {
        key: 'all-notes',
        selected: notesCurrent,
        onActivate: choose(showNotes),
        content: labelled('All notes', counts?.views.notes)
      }
    ])
  ]
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !onClose) return
    e.preventDefault()
    e.stopPropagation()
    onClose()
  }
  return (
    // Esc closes the sidebar where it lies over the feed; its items have their own keys.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above
    <nav id="sidebar" className="sidebar" aria-label="Library" onKeyDown={onKeyDown}>
      <div className="sidebar-scroll">
        <Tree label="Views and digests" nodes={nodes} />
        <CurrentTagTools />
      </div>
      <SidebarResizer />
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
