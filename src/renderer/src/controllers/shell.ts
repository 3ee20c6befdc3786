/**
 * A controller, in controllers/ beside the store rather than in lib/ (pure helpers): it turns
 * outside events into store actions and never holds state of its own; the store never imports it.
 *
 * The renderer's side of the desktop shell, the same in Electron and in the browser host:
 * settings restored on start (theme, text size, last view and paper), app commands from the menu
 * (`command` events: views, next/previous unread, sidebar, settings, shortcuts, and `flush` before
 * the window closes), reports of imports main ran by itself (`imported`), and dropped folders
 * (Electron only: their paths go to api.importPaths).
 */
import type { View } from '../../../shared/contract'
import type { Settings } from '../../../shared/settings'
import { COMMANDS, isViewCommand } from '../../../shared/commands'
import { api } from '../api'
import { useStore } from '../store'

/** Select the next (1) or previous (-1) unread paper in the feed, loading more pages if needed. */
export async function goToUnread(delta: 1 | -1): Promise<void> {
  const s = useStore.getState()
  if (s.mode === 'notes') s.setView(s.view)
  const find = (): number | null => {
    const { rows, selectedId } = useStore.getState()
    const at = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)
    const start = at === -1 && delta === -1 ? rows.length - 1 : at + delta
    for (let i = start; i >= 0 && i < rows.length; i += delta) if (rows[i]!.status === 'unread') return rows[i]!.id
    return null
  }
  let id = find()
  for (let pages = 0; id === null && delta === 1 && useStore.getState().nextCursor && pages < 50; pages++) {
    await useStore.getState().loadMore()
    id = find()
  }
  if (id === null) {
    s.showInfo(delta === 1 ? 'No more unread papers below' : 'No unread papers above')
    return
  }
  useStore.getState().select(id)
  document.querySelector<HTMLElement>('[role="listbox"]')?.focus({ preventScroll: true })
}

export async function handleCommand(command: string): Promise<void> {
  const s = useStore.getState()
  if (isViewCommand(command)) {
    s.setView(command.slice('view:'.length) as View)
    return
  }
  switch (command) {
    case COMMANDS.flush:
      // The window is closing: save the pending note, then say so (main waits for this).
      try {
        await s.flushNote()
      } finally {
        await api.notesFlushed({})
      }
      return
    case COMMANDS.nextUnread:
      return goToUnread(1)
    case COMMANDS.previousUnread:
      return goToUnread(-1)
    case COMMANDS.search:
      document.getElementById('search')?.focus()
      return
    case COMMANDS.toggleSidebar: {
      // What the toolbar's Sidebar button does: in a narrow window it opens the sidebar over the
      // feed (for a while) rather than change the setting.
      const button = document.getElementById('sidebar-toggle')
      if (button) button.click()
      else s.toggleSidebar()
      return
    }
    case COMMANDS.settings:
      s.setSettingsOpen(true)
      return
    case COMMANDS.shortcuts:
      s.setShortcutsOpen(true)
      return
  }
}

/**
 * The first requests, started as soon as the bundle runs (before React's first render): settings
 * (theme, last view), the sidebar counts and the feed of the default view go out together. When the
 * settings name another last view (they answer first: a file read against a query), the feed is
 * asked again for it before any row is shown, and the first answer is dropped.
 */
let firstLoad: { settings: Promise<Settings | null>; counts: Promise<void>; feed: Promise<void> } | undefined
export function startFirstLoad(): Promise<void> {
  if (firstLoad) return firstLoad.feed
  const s = useStore.getState()
  // In this order: the host answers one request at a time, and the feed is what paints first.
  const settings = s.loadSettings()
  const defaultFeed = s.reloadFeed()
  const counts = s.refreshCounts()
  const feed = settings.then((loaded) => {
    if (!loaded || loaded.lastView === useStore.getState().view) return defaultFeed
    return useStore.getState().restoreView(loaded.lastView)
  })
  firstLoad = { settings, counts, feed }
  return feed
}

/**
 * Start: settings first (they choose the view), then the feed and counts; restore the last
 * paper; listen for commands and main's imports, then tell main the renderer listens.
 */
export function startShell(): () => void {
  let stopped = false
  const stops = [
    api.on('command', ({ command }) => {
      void handleCommand(command).catch((err: unknown) => useStore.getState().reportError(err))
    }),
    api.on('imported', (report) => {
      useStore.getState().showImportReport(report)
      void useStore.getState().refreshAll()
    })
  ]
  void (async () => {
    void startFirstLoad()
    const settings = await firstLoad!.settings
    if (stopped) return
    await Promise.all([firstLoad!.counts, firstLoad!.feed])
    const last = settings?.lastPaperId ?? null
    if (last !== null && useStore.getState().selectedId === null) {
      try {
        await api.getPaper({ id: last }) // still there? (quietly: no error toast if not)
        if (useStore.getState().selectedId === null) useStore.getState().select(last)
      } catch {
        /* gone since */
      }
    }
    if (stopped) return
    // From now on the view and the selected paper are remembered.
    stops.push(
      useStore.subscribe((state, prev) => {
        if (state.view !== prev.view || state.selectedId !== prev.selectedId) {
          state.rememberSoon({ lastView: state.view, lastPaperId: state.selectedId })
        }
      })
    )
    try {
      const { importReports } = await api.rendererReady({})
      const report = importReports.at(-1)
      if (report) {
        useStore.getState().showImportReport(report)
        await useStore.getState().refreshAll()
      }
    } catch (err) {
      useStore.getState().reportError(err)
    }
  })()
  return () => {
    stopped = true
    for (const stop of stops) stop()
  }
}

/**
 * Dropped files and folders. In Electron (api.pathForFile) everything with a path is imported by
 * path, so folders work; the browser sends the files to its host as streams (it never sees paths;
 * a folder dropped there is reported, not read).
 */
export async function importDropped(dt: DataTransfer): Promise<void> {
  const s = useStore.getState()
  const files = Array.from(dt.files)
  const folders = Array.from(dt.items ?? [])
    .map((item, i) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: files[i] }))
    .filter((x) => x.entry?.isDirectory)
    .flatMap((x) => (x.file ? [x.file] : []))
  if (api.pathForFile) {
    const paths = files.map((f) => api.pathForFile!(f)).filter((p) => p !== '')
    const withoutPath = files.filter((f) => api.pathForFile!(f) === '')
    if (paths.length) await s.importPaths(paths)
    if (withoutPath.length) await s.importFiles(withoutPath)
    return
  }
  const plain = files.filter((f) => !folders.includes(f))
  if (folders.length) {
    s.reportError(
      new Error(
        `${folders.map((f) => f.name).join(', ')}: folders can be dropped in the Folio app; here, drop the files themselves`
      ),
      'Import'
    )
  }
  if (plain.length) await s.importFiles(plain)
}
