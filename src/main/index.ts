/**
 * Folio's Electron main process: app lifecycle only. The library is plain Node (library/),
 * served over IPC by the same dispatcher the browser host uses; security lives in security.ts.
 *
 * Start-up: name the app "Folio" (so userData is the folder the CLI uses), register the
 * folio:// scheme, then on ready open the library (with better-sqlite3's Electron build as
 * nativeBinding), lock the session, serve out/renderer, register IPC, the menu and the window.
 * A damaged library is moved aside and replaced (the user is told, and offered the newest backup);
 * a library that cannot be opened (e.g. from a newer Folio, read-only) is reported, then the app quits.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron'
import { importInWorker } from './import/run-in-worker'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { eventChannelOf, type EventName, type EventPayloads } from '../preload/api'
import { createDispatcher, type Services } from './handlers'
import { registerIpc } from './ipc'
import { resolveLibraryPath, userDataDir, type Library } from './library/index'
import { openLibrarySafely } from './library/open-safely'
import { installMenu } from './menu'
import { requireNativeBinding } from './native'
import { offerRecovery } from './recovery-dialog'
import { APP_URL, appUrlCheck, handleAppProtocol, lockSession, lockWebContents, openExternalSafely, registerAppScheme } from './security'
import { createMainWindow } from './window'

const here = dirname(fileURLToPath(import.meta.url)) // out/main
const PRELOAD = join(here, '../preload/index.cjs')
const RENDERER_ROOT = join(here, '../renderer')
const IMPORT_WORKER = join(here, 'import-worker.js')
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
const notifyChanged = (): void => emit('libraryChanged', {})

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    return
  }
  mainWindow = createMainWindow({ preload: PRELOAD, url: devUrl ?? APP_URL })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

function start(): void {
  isAppUrl = appUrlCheck(devUrl)
  try {
    const nativeBinding = requireNativeBinding({
      appPath: app.getAppPath(),
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      isPackaged: app.isPackaged
    })
    // Checked first: a damaged library is moved aside (kept) and the user offered the newest backup.
    nativeBindingPath = nativeBinding ?? undefined
    const options = nativeBinding ? { nativeBinding } : {}
    const opened = openLibrarySafely(resolveLibraryPath(libraryFlag(process.argv)), options)
    lib = opened.recovery ? offerRecovery(dialog, opened.library, opened.recovery, options) : opened.library
  } catch (err) {
    fatal('Folio cannot open its library', err)
    return
  }
  lockSession(session.defaultSession, devUrl)
  if (!devUrl) handleAppProtocol(protocol, RENDERER_ROOT)
  const libraryPath = lib.path
  const services: Services = {
    openExternal: (url) => openExternalSafely(openInBrowser, url),
    emit,
    // Imports run in a worker thread (the built import-worker.js) so the window never freezes.
    runImport: (sources, onProgress) =>
      importInWorker({ file: IMPORT_WORKER }, { libraryPath, nativeBinding: nativeBindingPath, sources }, onProgress)
  }
  registerIpc(ipcMain, createDispatcher(lib, services), isAppUrl)
  const library = lib
  installMenu({
    lib: library,
    window: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
    notifyChanged,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged
  })
  showWindow()
}

if (!app.requestSingleInstanceLock()) {
  // Another Folio is running on this machine: it gets focus (second-instance), we leave.
  app.quit()
} else {
  app.on('second-instance', () => showWindow())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (lib && BrowserWindow.getAllWindows().length === 0) showWindow()
  })
  app.on('will-quit', () => {
    lib?.close()
    lib = null
  })
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => fatal('Folio could not start', err))
}
