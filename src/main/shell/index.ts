/**
 * Folio's Electron main process: app lifecycle only. The library is plain Node (library/),
 * served over IPC by the same dispatcher the browser host uses; security lives in security.ts.
 *
 * Start-up: name the app "Folio" (so userData is the folder the CLI uses), register the
 * folio:// scheme, then on ready open the library (with better-sqlite3's Electron build as
 * nativeBinding), lock the session, serve out/renderer, register IPC, the menu and the window.
 * A damaged library is moved aside and replaced (the user is told, and offered the newest backup);
 * a library that cannot be opened (e.g. from a newer Folio, read-only) is reported, then the app quits.
 *
 * Desktop life: settings (<userData>/settings.json) choose the library (after --library and
 * FOLIO_LIBRARY), the theme (nativeTheme.themeSource, window background) and the watch folder;
 * the window's size and place come back (window-state.json); digest files handed to the app
 * (command line, a second start, macOS open-file) are imported and their report shown; the
 * unread count is on the badge; closing waits for the renderer to save its note (close-guard).
 */
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, protocol, screen, session, shell } from 'electron'
import { defaultWorkerEntry, importInWorker } from '../import/run-in-worker'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  eventChannelOf,
  isReadMethod,
  type EventName,
  type EventPayloads,
  type ImportReport,
  type InputOf,
  type MethodName,
  type OutputOf,
  unwrap
} from '../../shared/contract'
import { COMMANDS, type AppCommand } from '../../shared/commands'
import { createBadge } from './badge'
import { guardClose, type CloseGuard } from './close-guard'
import { runningImports } from '../import/running-imports'
import { startWatching, type Watcher } from '../import/watch'
import { startRankingWorker } from '../ranking/service'
import { type IdleRanking, rankWhenIdle } from '../ranking/when-idle'
import { counts } from '../library/counts'
import { pickLocation } from './library-location'
import { digestPathsFromArgv } from './open-files'
import { openSettings, SETTINGS_FILE } from '../settings'
import { fitToDisplays, readWindowState, trackWindowState, windowBounds, WINDOW_STATE_FILE } from './window-state'
import { createDispatcher, type Services } from '../handlers'
import { registerIpc } from './ipc'
import { resolveLibraryPath, userDataDir, type Library } from '../library/index'
import { upgradePending } from '../library/migrations'
import { backupsDirFor, openLibrarySafely } from '../library/open-safely'
import { autoBackup } from '../backup/auto-backup'
import { jobInWorker } from '../backup/run-job-in-worker'
import { installMenu } from './menu'
import { requireNativeBinding } from './native'
import { offerRecovery } from './recovery-dialog'
import { type BackgroundCheck, CHECK_LIBRARY_FLAG, checkInBackground } from './background-check'
import {
  APP_URL,
  appUrlCheck,
  handleAppProtocol,
  lockSession,
  lockWebContents,
  openExternalSafely,
  registerAppScheme
} from './security'
import { BACKGROUND, createMainWindow } from './window'
import { upgradeBehindWindow, type UpgradeWindow } from './upgrade-window'

const here = dirname(fileURLToPath(import.meta.url)) // out/main
const PRELOAD = join(here, '../preload/index.cjs')
const RENDERER_ROOT = join(here, '../renderer')
/** better-sqlite3's Electron build, for the import worker's own connection. */
let nativeBindingPath: string | undefined

/** `--library=PATH` or `--library PATH` on the command line. */
export function libraryFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('--library=')) return arg.slice('--library='.length) || undefined
    if (arg === '--library' && argv[i + 1] && !argv[i + 1]!.startsWith('-')) return argv[i + 1]
  }
  return undefined
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

function fatal(title: string, err: unknown): void {
  console.error(`[folio] ${title}:`, err)
  dialog.showErrorBox(title, message(err))
  app.exit(1)
}

// ---- before ready ----
app.setName('Folio')
app.setPath('userData', userDataDir())
registerAppScheme(protocol)

const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || undefined : undefined
let isAppUrl: (url: string) => boolean = () => false
let lib: Library | null = null
let mainWindow: BrowserWindow | null = null

/** The OS browser; every caller goes through openExternalSafely (URL validation) first. */
const openInBrowser = (url: string): Promise<void> => shell.openExternal(url)

// Every webContents (windows, devtools excepted by URL) gets the navigation locks.
app.on('web-contents-created', (_event, contents) => {
  lockWebContents(contents, (url) => isAppUrl(url), openInBrowser)
})

function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed()) win.webContents.send(eventChannelOf(event), payload)
  }
}
const badge = createBadge(
  (n) => app.setBadgeCount(n),
  () => (lib ? counts(lib.db).views.unread : 0)
)
let ranking: IdleRanking | null = null
let backgroundCheck: BackgroundCheck | null = null
/** Imports running in their worker: quitting cancels them (each rolls back) and waits until they have. */
const imports = runningImports()
/** Backup, restore, notes export running in the job worker: quitting lets them finish. */
const jobs = new Set<Promise<unknown>>()
function trackJob<T>(job: Promise<T>): Promise<T> {
  jobs.add(job)
  const untrack = (): void => void jobs.delete(job)
  job.then(untrack, untrack)
  return job
}

const notifyChanged = (): void => {
  emit('libraryChanged', {})
  badge.schedule()
  ranking?.changed()
}

// ---- settings (readable before ready: they choose the library) ----
const settings = openSettings(join(app.getPath('userData'), SETTINGS_FILE))
const libraryOverride = libraryFlag(process.argv) ?? (process.env.FOLIO_LIBRARY || undefined) ?? null
const applyTheme = (): void => {
  nativeTheme.themeSource = settings.get().theme
}
applyTheme()
settings.onChange((next, prev) => {
  if (next.theme !== prev.theme) applyTheme()
  if (next.watchFolder !== prev.watchFolder) restartWatcher()
})
nativeTheme.on('updated', () => {
  mainWindow?.setBackgroundColor(nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light)
})

// ---- the renderer: listening yet? saved its note? ----
let rendererListening = false
let closeGuard: CloseGuard | null = null
let quitting = false
/** Import reports made before the renderer listened (files opened at start-up). */
const pendingReports: ImportReport[] = []

/** Send an app command to the renderer (menu, OS), showing the window first. */
function command(c: AppCommand): void {
  showWindow()
  emit('command', { command: c })
}

function showReport(report: ImportReport): void {
  if (report.files.some((f) => f.ok && !f.alreadyImported)) notifyChanged()
  if (rendererListening) emit('imported', report)
  else pendingReports.push(report)
}

// ---- files handed to Folio: command line, a second start, macOS open-file ----
let importBatch: Promise<void> = Promise.resolve()
let runImportFn: ((paths: string[]) => Promise<ImportReport>) | null = null
const openedBeforeReady: string[] = []

function importOpened(paths: string[]): void {
  if (!paths.length) return
  if (!runImportFn) {
    // eslint-disable-next-line no-restricted-syntax -- the paths the OS passed on one open (a command line)
    openedBeforeReady.push(...paths)
    return
  }
  const run = runImportFn
  importBatch = importBatch
    .then(() => run(paths))
    .then(showReport)
    .catch((err: unknown) => dialog.showErrorBox('Import failed', message(err)))
}

// ---- the watched folder ----
let watcher: Watcher | null = null
function restartWatcher(): void {
  watcher?.close()
  watcher = null
  const folder = settings.get().watchFolder
  if (!lib || !folder) return
  try {
    const run = runImportFn
    watcher = startWatching(lib, folder, {
      // In the import worker, like every other import of the app (progress shows in the window).
      importFile: run ? async (path) => (await run([path])).files[0] : undefined,
      onImported: (file) =>
        showReport({ files: [file], added: file.added, merged: file.merged, rejected: file.ok ? 0 : 1 })
    })
  } catch (err) {
    console.warn(`[folio] cannot watch ${folder}:`, err)
  }
}

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    return
  }
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE)
  const restored = fitToDisplays(
    readWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea)
  )
  const win = createMainWindow({
    preload: PRELOAD,
    url: devUrl ?? APP_URL,
    bounds: windowBounds(restored),
    dark: nativeTheme.shouldUseDarkColors
  })
  mainWindow = win
  trackWindowState(win, stateFile, restored)
  rendererListening = false
  // A reload (or a crash) means a new page: it says when it listens again (rendererReady).
  win.webContents.on('did-start-loading', () => {
    rendererListening = false
  })
  win.webContents.on('render-process-gone', () => {
    rendererListening = false
  })
  closeGuard = guardClose(win, {
    requestFlush: () => emit('command', { command: COMMANDS.flush }),
    rendererListening: () => rendererListening,
    afterFlush: () => {
      if (quitting) app.quit()
    }
  })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
    rendererListening = false
  })
}

async function start(): Promise<void> {
  isAppUrl = appUrlCheck(devUrl)
  /** The full check after start (not when it ran before opening, or the library is new). */
  let checkLater = false
  /** The window shown while an earlier Folio's library is upgraded (upgrade-window.ts), until the main one. */
  let upgrading: UpgradeWindow | null = null
  try {
    const nativeBinding = requireNativeBinding({
      appPath: app.getAppPath(),
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      isPackaged: app.isPackaged
    })
    // The light check first (the full one runs after the window is up: background-check.ts, or
    // before opening after it found damage): a damaged library is moved aside (kept) and the user
    // offered the newest backup.
    nativeBindingPath = nativeBinding ?? undefined
    const options = nativeBinding ? { nativeBinding } : {}
    const path = libraryOverride ?? settings.get().libraryPath ?? resolveLibraryPath()
    if (upgradePending(path, options))
      upgrading = await upgradeBehindWindow(
        // Tracked: quitting meanwhile waits for the worker's transaction to end.
        () => trackJob(jobInWorker({ libraryPath: path, nativeBinding: nativeBindingPath, job: { kind: 'upgrade' } })),
        nativeTheme.shouldUseDarkColors
      )
    const opened = openLibrarySafely(path, {
      ...options,
      check: process.argv.includes(CHECK_LIBRARY_FLAG) ? 'quick' : 'light'
    })
    lib = opened.recovery ? offerRecovery(dialog, opened.library, opened.recovery, options) : opened.library
    checkLater = opened.checkedBy === 'light' || opened.checkedBy === 'sealed'
  } catch (err) {
    upgrading?.close()
    fatal('Folio cannot open its library', err)
    return
  }
  lockSession(session.defaultSession, devUrl)
  if (!devUrl) handleAppProtocol(protocol, RENDERER_ROOT)
  const libraryPath = lib.path
  const services: Services = {
    openExternal: (url) => openExternalSafely(openInBrowser, url),
    emit,
    // Imports run in a worker thread (out/main/import-worker.js) so the window never freezes; the
    // Cancel button (cancelImport) stops them.
    runImport: (sources, onProgress) =>
      imports.run((signal) =>
        importInWorker(defaultWorkerEntry(), { libraryPath, nativeBinding: nativeBindingPath, sources }, onProgress, {
          signal
        })
      ),
    cancelImport: () => imports.cancelAll(),
    // Backup, restore and notes export too (out/main/job-worker.js), on their own connection.
    runJob: (job) => trackJob(jobInWorker({ libraryPath, nativeBinding: nativeBindingPath, job })),
    pathsFromDialogs: true
  }
  // For you ranks in a worker thread (out/main/rank-worker.js): the window never waits for it, and
  // its work waits for the user to pause (when-idle.ts: every call from the window says busy).
  ranking = rankWhenIdle(() =>
    startRankingWorker(
      { libraryPath, nativeBinding: nativeBindingPath },
      {
        onRanked: (e) => emit('rankingChanged', { strong: e.strong }),
        onError: (message) => console.warn('[folio] ranking:', message)
      }
    )
  )
  services.ranking = ranking
  const library = lib
  runImportFn = (paths) =>
    services.runImport!(
      paths.map((path) => ({ kind: 'path' as const, path })),
      (p) => emit('importProgress', p)
    )
  services.importPaths = (paths) => runImportFn!(paths)
  services.settings = {
    get: () => ({
      settings: settings.get(),
      libraryPath: library.path,
      libraryOverride,
      settingsPath: settings.path,
      canPickLocations: true
    }),
    set: (patch) => settings.update(patch)
  }
  services.pickLocation = (purpose) =>
    pickLocation(purpose, {
      dialog,
      window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
      settings,
      lib: library,
      libraryOverride,
      relaunch: () => {
        app.relaunch()
        app.quit()
      }
    })
  services.rendererReady = () => {
    rendererListening = true
    return { importReports: pendingReports.splice(0) }
  }
  services.notesFlushed = () => closeGuard?.acknowledge()
  const dispatch = createDispatcher(library, services)
  // The window's calls and the menu's go the same way: the dispatcher, then the badge after a write.
  const serve: typeof dispatch = async (method, input) => {
    ranking?.busy()
    const reply = await dispatch(method, input)
    if (!isReadMethod(method)) badge.schedule()
    return reply
  }
  registerIpc(ipcMain, serve, isAppUrl)
  installMenu({
    window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
    call: async <M extends MethodName>(method: M, input: InputOf<M>) =>
      unwrap(await serve(method, input)) as OutputOf<M>,
    importPaths: importOpened,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    command
  })
  app.setAboutPanelOptions({ applicationName: 'Folio', applicationVersion: app.getVersion(), copyright: 'MIT licence' })
  showWindow()
  upgrading?.close()
  // At most one automatic backup a day, the newest 7 kept; a failure never blocks or stops start-up.
  trackJob(autoBackup(library, backupsDirFor(library.path))).catch((err: unknown) =>
    console.error('[folio] automatic backup failed:', err)
  )
  if (checkLater)
    backgroundCheck = checkInBackground({ app, dialog, nativeBinding: nativeBindingPath, argv: process.argv }, library)
  badge.update()
  restartWatcher()
  importOpened([
    ...openedBeforeReady.splice(0),
    ...digestPathsFromArgv(process.argv, process.cwd(), [app.getAppPath()])
  ])
}

async function closeLibrary(): Promise<void> {
  backgroundCheck?.cancel()
  backgroundCheck = null
  watcher?.close()
  watcher = null
  await Promise.allSettled([imports.stopAll(), ...jobs])
  const stopping = ranking
  ranking = null
  badge.dispose()
  await stopping?.close()
  lib?.close()
  lib = null
}

if (!app.requestSingleInstanceLock()) {
  // Another Folio is running on this machine: it gets focus (second-instance), we leave.
  app.quit()
} else {
  // A second start hands over its command line: its digest files are imported here.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (lib) showWindow() // (not while the library is still being opened: start shows it then)
    importOpened(digestPathsFromArgv(argv, workingDirectory, [app.getAppPath()]))
  })
  // macOS: files dropped on the Dock icon or opened with Folio (may come before ready).
  app.on('open-file', (event, path) => {
    event.preventDefault()
    importOpened([path])
  })
  app.on('before-quit', () => {
    quitting = true
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (lib && BrowserWindow.getAllWindows().length === 0) showWindow()
  })
  // Windows are closed (each waited for its note to be saved): now the library may close. The ranking
  // worker has its own connection; quitting waits until it has closed it, then quits for good.
  let shutdown: Promise<void> | null = null
  let shutDown = false
  app.on('will-quit', (event) => {
    if (shutDown) return
    event.preventDefault()
    shutdown ??= closeLibrary()
      .catch((err: unknown) => console.error('[folio] closing the library failed:', err))
      .finally(() => {
        shutDown = true
        app.quit()
      })
  })
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fatal('Folio could not start', err))
}
