/**
 * Loads the BUILT Electron bundles (out/main/index.js, out/preload/index.cjs) against the
 * electron STAND-IN (tests/shell/electron-standin): a Node resolve hook maps 'electron' to the
 * stand-in, and the built main is imported natively (not through vitest's transform), exactly
 * the file Electron would run. The preload is evaluated the way a sandboxed preload is: a
 * CommonJS wrapper in a fresh `vm` context whose `require` knows only 'electron'.
 * Only Electron's own modules are stood in for; the library under them is real.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import type { FolioApi, Reply } from '../../src/shared/contract'

export const ROOT = resolve(__dirname, '..', '..')
export const OUT_MAIN = join(ROOT, 'out', 'main', 'index.js')
export const OUT_PRELOAD = join(ROOT, 'out', 'preload', 'index.cjs')
const STANDIN_DIR = join(__dirname, 'electron-standin')

/**
 * A native `import()` that vitest does not route through its own module runner, so Node's loader
 * (and the stand-in resolve hook) evaluates the built file as Electron would. vitest hands data:
 * modules to Node as they are; this one only re-exports Node's import().
 */
let nativeImporter: ((specifier: string) => Promise<unknown>) | undefined
async function nativeImport(specifier: string): Promise<unknown> {
  const source: string = 'data:text/javascript,export default (s) => import(s)'
  nativeImporter ??= ((await import(/* @vite-ignore */ source)) as { default: (s: string) => Promise<unknown> }).default
  return nativeImporter(specifier)
}

export type Handler = (...args: any[]) => any // eslint-disable-line @typescript-eslint/no-explicit-any -- the stand-in records calls of any shape
export interface FakeEvent {
  defaultPrevented: boolean
  preventDefault(): void
  [k: string]: unknown
}
export interface FakeWebContents {
  id: number
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null
  sent: { channel: string; args: unknown[] }[]
  emit(event: string, ...args: unknown[]): boolean
  listenerCount(event: string): number
}
export interface FakeWindow {
  options: Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- the stand-in records calls of any shape
  shown: boolean
  closed?: boolean
  maximized?: boolean
  fullScreen?: boolean
  close(): void
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void
  loadedUrl: string | null
  webContents: FakeWebContents
  emit(event: string, ...args: unknown[]): boolean
}
export interface MenuItem {
  label?: string
  role?: string
  accelerator?: string
  type?: string
  click?: () => void
  submenu?: MenuItem[]
}
export interface StandInState {
  windows: FakeWindow[]
  ipcHandlers: Map<string, Handler>
  ipcListeners: string[]
  invoked: string[]
  rendererListeners: Map<string, Handler[]>
  mainWorld: Record<string, unknown>
  menu: { template: MenuItem[] } | null
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
  protocolHandlers: Map<string, Handler>
  session: {
    permissionRequest?: Handler
    permissionCheck?: Handler
    devicePermission?: Handler
    beforeRequest?: { filter: { urls: string[] }; handler: Handler }
  }
  openDialogs: Record<string, unknown>[]
  openDialogAnswers: { canceled: boolean; filePaths: string[] }[]
  messageBoxes: { type?: string; title?: string; message: string; detail?: string; buttons?: string[] }[]
  /** Button indexes dialog.showMessageBoxSync returns, in order (default 0). */
  messageBoxAnswers: number[]
  errorBoxes: { title: string; content: string }[]
  saveDialogs: Record<string, unknown>[]
  saveDialogAnswers: { canceled: boolean; filePath: string }[]
  badgeCounts: number[]
  aboutPanel: Record<string, unknown> | null
  /** Work areas of the stand-in's displays (screen.getAllDisplays). */
  displays: { x: number; y: number; width: number; height: number }[]
  /** XDG_CONFIG_HOME main was started with (a temp folder): userData is <it>/Folio. */
  configHome?: string
  opened: string[]
  quitCalls: string[]
  /** The args of each app.relaunch (null: Electron's default, the same command line). */
  relaunchArgs: (string[] | null)[]
  appName: string
  paths: Record<string, string>
  senderFrame: { url: string; parent: unknown } | null
}
export interface StandIn {
  state: StandInState
  reset(options?: { appPath?: string; isPackaged?: boolean }): void
  fakeEvent(fields?: Record<string, unknown>): FakeEvent
  app: {
    getPath(name: string): string
    emit(event: string, ...args: unknown[]): boolean
    listenerCount(e: string): number
  }
  nativeTheme: { osDark: boolean; themeSource: string; shouldUseDarkColors: boolean; emit(event: string): boolean }
  contextBridge: unknown
  ipcRenderer: unknown
  webUtils: unknown
}

let registered = false

export async function loadStandIn(): Promise<StandIn> {
  if (!registered) {
    await nativeImport(pathToFileURL(join(STANDIN_DIR, 'register.mjs')).href)
    registered = true
  }
  return (await nativeImport(pathToFileURL(join(STANDIN_DIR, 'index.mjs')).href)) as StandIn
}

export function requireBuilt(): void {
  for (const f of [OUT_MAIN, OUT_PRELOAD]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run "npx electron-vite build" first (npm test does)`)
  }
}

export async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

let run = 0

/**
 * Evaluates a fresh copy of the built main against a reset stand-in with `env` applied
 * (FOLIO_LIBRARY etc.), and waits until it has opened its window or reported an error.
 */
export async function startMain(
  env: Record<string, string | undefined>,
  argv: string[] = [],
  /** Runs on the fresh stand-in before main starts (e.g. to queue dialog answers). */
  prepare?: (state: StandInState) => void
): Promise<StandIn> {
  requireBuilt()
  const standin = await loadStandIn()
  standin.reset({ appPath: ROOT })
  prepare?.(standin.state)
  const saved = { env: { ...process.env }, argv: [...process.argv] }
  delete process.env.ELECTRON_RENDERER_URL
  // userData (settings.json, window-state.json) in a temp folder, never the real ~/.config/Folio.
  standin.state.configHome = env.XDG_CONFIG_HOME ?? mkdtempSync(join(tmpdir(), 'folio-shell-config-'))
  process.env.XDG_CONFIG_HOME = standin.state.configHome
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  // What `electron .` gives: the executable, the app folder, then the arguments.
  process.argv = [process.argv[0]!, ROOT, ...argv]
  try {
    run += 1
    await nativeImport(`${pathToFileURL(OUT_MAIN).href}?run=${run}`)
    const s = standin.state
    await until(
      () => s.windows.length > 0 || s.errorBoxes.length > 0 || s.quitCalls.length > 0,
      'the main process to start'
    )
  } finally {
    process.env = saved.env
    process.argv = saved.argv
  }
  return standin
}

/**
 * Quits as Electron would: will-quit, which main holds (preventDefault) until the ranking worker and
 * the library are closed, then main calls app.quit() again. Resolves once that happened, so a test
 * may remove the library's folder without racing a worker still writing into it.
 */
export async function quitMain(s: StandIn): Promise<void> {
  const before = s.state.quitCalls.length
  const event = s.fakeEvent()
  s.app.emit('will-quit', event)
  if (!event.defaultPrevented) return
  await until(() => s.state.quitCalls.length > before, 'main to finish closing the library')
  s.app.emit('will-quit', s.fakeEvent()) // the second will-quit, after app.quit(): passes through
}

export interface LoadedPreload {
  api: FolioApi
  world: Record<string, unknown>
  required: string[]
}

/**
 * Evaluates out/preload/index.cjs like a sandboxed preload: CommonJS, in its own context, with
 * a `require` that knows only 'electron' (the stand-in's contextBridge + ipcRenderer) and
 * throws for anything else. Only web globals a renderer has are present: no process, Buffer,
 * require or module system of Node.
 */
export function loadPreload(standin: StandIn): LoadedPreload {
  const code = readFileSync(OUT_PRELOAD, 'utf8')
  const context = vm.createContext({
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    URL,
    TextEncoder,
    TextDecoder
  })
  const required: string[] = []
  const sandboxRequire = (id: string): unknown => {
    required.push(id)
    if (id === 'electron')
      return { contextBridge: standin.contextBridge, ipcRenderer: standin.ipcRenderer, webUtils: standin.webUtils }
    throw new Error(`module not found: ${id} (a sandboxed preload can only require 'electron')`)
  }
  const wrapper = vm.runInContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, context, {
    filename: OUT_PRELOAD
  }) as (...args: unknown[]) => void
  const module = { exports: {} }
  wrapper.call(module.exports, module.exports, sandboxRequire, module, OUT_PRELOAD, dirname(OUT_PRELOAD))
  return { api: standin.state.mainWorld.api as FolioApi, world: standin.state.mainWorld, required }
}

/** Calls a recorded ipcMain handler directly, with a chosen sender frame. */
export async function invokeAs(
  standin: StandIn,
  channel: string,
  senderFrame: { url: string; parent: unknown } | null,
  input: unknown
): Promise<Reply<unknown>> {
  const handler = standin.state.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return (await handler({ senderFrame, sender: standin.state.windows[0]?.webContents }, input)) as Reply<unknown>
}

export function findMenuItem(items: MenuItem[], label: string): MenuItem | undefined {
  for (const item of items) {
    if (item.label === label) return item
    const inner = item.submenu ? findMenuItem(item.submenu, label) : undefined
    if (inner) return inner
  }
  return undefined
}
