import { useEffect } from 'react'
import { api } from './api'
import { ImportProgress } from './components/ImportProgress'
import { ImportReportPanel } from './components/ImportReportPanel'
import { ShortcutSheet } from './components/ShortcutSheet'
import { Toasts } from './components/Toasts'
import { handleGlobalKey, installLifecycleFlush } from './lib/keyboard'
import { useStore } from './store'
import { Feed } from './views/Feed'
import { NotesView } from './views/NotesView'
import { PaperPane } from './views/PaperPane'
import { Sidebar } from './views/Sidebar'
import { Toolbar } from './views/Toolbar'
import { Welcome } from './views/Welcome'

function Main() {
  const mode = useStore((s) => s.mode)
  const empty = useStore((s) => s.counts !== null && s.counts.views.all === 0)
  if (empty) return <Welcome />
  return mode === 'notes' ? <NotesView /> : <Feed />
}

export function App() {
  useEffect(() => {
    const s = useStore.getState()
    void s.refreshCounts()
    void s.reloadFeed()
    window.addEventListener('keydown', handleGlobalKey)
    const stopFlush = installLifecycleFlush()
    const stopEvents = api.on('libraryChanged', () => void useStore.getState().refreshAll())
    return () => {
      window.removeEventListener('keydown', handleGlobalKey)
      stopFlush()
      stopEvents()
    }
  }, [])

  // Drop digest files anywhere on the window to import them.
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files')
  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (hasFiles(e.nativeEvent)) e.preventDefault()
      }}
      onDrop={(e) => {
        if (!hasFiles(e.nativeEvent)) return
        e.preventDefault()
        void useStore.getState().importFiles(Array.from(e.dataTransfer.files))
      }}
    >
      <Toolbar />
      <Sidebar />
      <main className="main" aria-label="Papers">
        <ImportProgress />
        <ImportReportPanel />
        <Main />
      </main>
      <PaperPane />
      <Toasts />
      <ShortcutSheet />
    </div>
  )
}
