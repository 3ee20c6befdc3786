import { lazy, Suspense, useEffect, useState } from 'react'
import { api } from './api'
import { DropZone } from './components/DropZone'
import { ImportProgress } from './components/ImportProgress'
import { ImportReportPanel } from './components/ImportReportPanel'
import { SettingsDialog } from './components/SettingsDialog'
import { ShortcutSheet } from './components/ShortcutSheet'
import { Toasts } from './components/Toasts'
import { watchConnection } from './controllers/connection'
import { handleGlobalKey, installLifecycleFlush } from './controllers/keyboard'
import { importDropped, startShell } from './controllers/shell'
import './layout.css'
import { useMediaQuery } from './lib/useMediaQuery'
import { useStore } from './store'
import { Feed } from './views/Feed'
import { NotesView } from './views/NotesView'
import { Sidebar } from './views/Sidebar'
import { Toolbar } from './views/Toolbar'
import { Welcome } from './views/Welcome'

// The paper pane carries KaTeX, markdown-it and DOMPurify: its own chunk, asked for once the first
// feed page is in, so neither its download nor its evaluation delays the feed's first paint.
const PaperPane = lazy(() => import('./views/PaperPane').then((m) => ({ default: m.PaperPane })))
const paperPlaceholder = <section className="paper-pane" aria-label="Paper" />

/** Below this width the sidebar leaves the grid: the feed and the paper need the room. */
const NARROW = '(max-width: 1199px)'

/** The skip link's target: the feed's list (or whatever the main pane shows). */
function skipToPapers(e: React.MouseEvent) {
  e.preventDefault()
  const target =
    document.querySelector<HTMLElement>('[role="listbox"]:not([hidden])') ?? document.getElementById('papers')
  target?.focus()
}

function Main() {
  const mode = useStore((s) => s.mode)
  const empty = useStore((s) => s.counts !== null && s.counts.views.all === 0)
  if (empty) return <Welcome />
  return mode === 'notes' ? <NotesView /> : <Feed />
}

export function App() {
  useEffect(() => {
    // Settings first (theme, last view), then the feed; commands and main's imports (controllers/shell.ts).
    const stopShell = startShell()
    window.addEventListener('keydown', handleGlobalKey)
    const stopFlush = installLifecycleFlush()
    const stopEvents = api.on('libraryChanged', () => void useStore.getState().refreshAll())
    const stopWatch = watchConnection()
    return () => {
      stopWatch()
      window.removeEventListener('keydown', handleGlobalKey)
      stopFlush()
      stopEvents()
      stopShell()
    }
  }, [])
  const sidebarSetting = useStore((s) => s.settings?.sidebarVisible ?? true)
  const toggleSidebarSetting = useStore((s) => s.toggleSidebar)
  const narrow = useMediaQuery(NARROW)
  // In the narrow layout the sidebar opens over the feed, for a while: not a setting.
  const [drawerOpen, setDrawerOpen] = useState(false)
  useEffect(() => setDrawerOpen(false), [narrow])
  const sidebarVisible = narrow ? drawerOpen : sidebarSetting
  const closeDrawer = () => {
    setDrawerOpen(false)
    document.getElementById('sidebar-toggle')?.focus()
  }
  useEffect(() => {
    if (!narrow || !drawerOpen) return
    // A click outside the open sidebar (and its toggle) closes it.
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Element
      if (!t.closest('#sidebar, #sidebar-toggle')) setDrawerOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [narrow, drawerOpen])
  const sidebarToggle = {
    expanded: sidebarVisible,
    onToggle: () => (narrow ? setDrawerOpen(!drawerOpen) : toggleSidebarSetting())
  }
  const feedLoaded = useStore((s) => s.feedLoaded)
  const sidebarWidth = useStore((s) => s.settings?.sidebarWidth)

  // Drop digest files anywhere on the window to import them.
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
  return (
    <div
      className={`app${narrow ? ' narrow' : ''}${sidebarVisible ? '' : ' sidebar-hidden'}`}
      style={sidebarWidth ? ({ '--sidebar-width': `${sidebarWidth}px` } as React.CSSProperties) : undefined}
      onDragOver={(e) => {
        if (hasFiles(e.nativeEvent)) e.preventDefault()
      }}
      onDrop={(e) => {
        if (!hasFiles(e.nativeEvent)) return
        e.preventDefault()
        void importDropped(e.dataTransfer)
      }}
    >
      <a className="skip-link" href="#papers" onClick={skipToPapers}>
        Skip to papers
      </a>
      <Toolbar sidebarToggle={sidebarToggle} />
      {sidebarVisible && <Sidebar onClose={narrow ? closeDrawer : undefined} />}
      <main id="papers" className="main" aria-label="Papers" tabIndex={-1}>
        <ImportProgress />
        <ImportReportPanel />
        <Main />
      </main>
      <Suspense fallback={paperPlaceholder}>{feedLoaded ? <PaperPane /> : paperPlaceholder}</Suspense>
      <Toasts />
      <DropZone />
      <ShortcutSheet />
      <SettingsDialog />
    </div>
  )
}
