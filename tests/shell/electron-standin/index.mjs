// electron-standin: a STAND-IN for Electron's own modules ('electron' in the main process and in
// the sandboxed preload), used by tests/shell/**. It is not Electron: it records what the built
// out/main/index.js asks of Electron (window options, ipcMain.handle registrations, the menu
// template, protocol handlers, session handlers, app events, dialogs, shell.openExternal) and
// wires the preload's ipcRenderer to the recorded ipcMain handlers the way Electron's IPC does
// (structured clone both ways, a senderFrame the test controls). Only Electron is faked: the
// library, the import pipeline and SQLite under it are the real thing.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

export const state = {}

/** A cancellable Electron-like event; `defaultPrevented` tells whether a lock fired. */
export function fakeEvent(fields = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
    ...fields
  }
  return event
}

let nextId = 1

class WebContents extends EventEmitter {
  constructor() {
    super()
    this.id = nextId++
    this.windowOpenHandler = null
    this.sent = []
    this.session = session.defaultSession
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  send(channel, ...args) {
    // Main -> renderer: Electron structured-clones the arguments; listeners get (event, ...args).
    this.sent.push({ channel, args })
    const cloned = structuredClone(args)
    for (const listener of [...(state.rendererListeners.get(channel) ?? [])]) {
      listener({ sender: ipcRenderer, senderId: 0, ports: [] }, ...cloned)
    }
  }
  isDestroyed() {
    return false
  }
  getURL() {
    return state.loadedUrl ?? ''
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super()
    this.options = options
    this.shown = false
    this.loadedUrl = null
    this.webContents = new WebContents()
    state.windows.push(this)
    // Electron emits app 'web-contents-created' for every new webContents.
    app.emit('web-contents-created', fakeEvent(), this.webContents)
  }
  static getAllWindows() {
    return state.windows.filter((w) => !w.closed)
  }
  loadURL(url) {
    this.loadedUrl = url
    state.loadedUrl = url
    return Promise.resolve()
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`)
  }
  show() {
    this.shown = true
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false
  }
  isDestroyed() {
    return Boolean(this.closed)
  }
  // Size and state (window-state.ts): plain fields the tests read and set.
  getBounds() {
    return {
      x: this.options.x ?? 0,
      y: this.options.y ?? 0,
      width: this.options.width ?? 800,
      height: this.options.height ?? 600,
      ...this.bounds
    }
  }
  getNormalBounds() {
    return this.getBounds()
  }
  setBounds(bounds) {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('resize')
  }
  isMaximized() {
    return Boolean(this.maximized)
  }
  maximize() {
    this.maximized = true
    this.emit('maximize')
  }
  isFullScreen() {
    return Boolean(this.fullScreen)
  }
  setFullScreen(on) {
    this.fullScreen = on
  }
  setBackgroundColor(color) {
    this.options.backgroundColor = color
  }
  setMenu(menu) {
    this.menu = menu
  }
  /** Like Electron: gone at once, no 'close' event, 'closed' follows. */
  destroy() {
    if (this.closed) return
    this.closed = true
    this.emit('closed')
    if (!BrowserWindow.getAllWindows().length) app.emit('window-all-closed')
  }
  /** Like Electron: 'close' is cancellable; if not prevented the window goes and 'closed' follows. */
  close() {
    if (this.closed) return
    const event = fakeEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.closed = true
    this.emit('closed')
    if (!BrowserWindow.getAllWindows().length) app.emit('window-all-closed')
  }
}

export const ipcMain = {
  handle(channel, handler) {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    state.ipcHandlers.set(channel, handler)
  },
  handleOnce(channel, handler) {
    this.handle(channel, handler)
  },
  removeHandler(channel) {
    state.ipcHandlers.delete(channel)
  },
  on(channel, listener) {
    state.ipcListeners.push(channel)
    void listener
    return ipcMain
  }
}

/** What a sandboxed renderer's preload gets. Calls go to the handlers main registered. */
export const ipcRenderer = {
  async invoke(channel, ...args) {
    state.invoked.push(channel)
    const handler = state.ipcHandlers.get(channel)
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const win = state.windows[0]
    const event = {
      sender: win?.webContents,
      senderFrame: state.senderFrame,
      processId: 1,
      frameId: 1
    }
    return structuredClone(await handler(event, ...structuredClone(args)))
  },
  on(channel, listener) {
    const list = state.rendererListeners.get(channel) ?? []
    list.push(listener)
    state.rendererListeners.set(channel, list)
    return ipcRenderer
  },
  removeListener(channel, listener) {
    const list = state.rendererListeners.get(channel) ?? []
    state.rendererListeners.set(
      channel,
      list.filter((l) => l !== listener)
    )
    return ipcRenderer
  },
  send() {
    throw new Error('electron-standin: the preload must not use ipcRenderer.send')
  },
  sendSync() {
    throw new Error('electron-standin: the preload must not use ipcRenderer.sendSync')
  }
}

export const contextBridge = {
  exposeInMainWorld(key, value) {
    if (Object.hasOwn(state.mainWorld, key))
      throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`)
    state.mainWorld[key] = value
  }
}

export const Menu = {
  buildFromTemplate(template) {
    return { template }
  },
  setApplicationMenu(menu) {
    state.menu = menu
  }
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (state.ready) throw new Error('registerSchemesAsPrivileged must be called before app ready')
    state.privilegedSchemes.push(...schemes)
  },
  handle(scheme, handler) {
    state.protocolHandlers.set(scheme, handler)
  }
}

function makeSession() {
  return {
    setPermissionRequestHandler(handler) {
      state.session.permissionRequest = handler
    },
    setPermissionCheckHandler(handler) {
      state.session.permissionCheck = handler
    },
    setDevicePermissionHandler(handler) {
      state.session.devicePermission = handler
    },
    webRequest: {
      onBeforeRequest(filter, handler) {
        state.session.beforeRequest = { filter, handler }
      },
      onHeadersReceived(filter, handler) {
        state.session.headersReceived = {
          filter: typeof filter === 'function' ? null : filter,
          handler: handler ?? filter
        }
      }
    },
    protocol
  }
}

export const session = { defaultSession: makeSession() }

export const dialog = {
  async showOpenDialog(...args) {
    state.openDialogs.push(args[args.length - 1])
    return state.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] }
  },
  async showMessageBox(...args) {
    state.messageBoxes.push(args[args.length - 1])
    return { response: 0, checkboxChecked: false }
  },
  showMessageBoxSync(...args) {
    state.messageBoxes.push(args[args.length - 1])
    return state.messageBoxAnswers.shift() ?? 0
  },
  async showSaveDialog(...args) {
    state.saveDialogs.push(args[args.length - 1])
    return state.saveDialogAnswers.shift() ?? { canceled: true, filePath: '' }
  },
  showErrorBox(title, content) {
    state.errorBoxes.push({ title, content })
  }
}

export const shell = {
  async openExternal(url) {
    state.opened.push(url)
  }
}

class App extends EventEmitter {
  constructor() {
    super()
    this.isPackaged = false
  }
  whenReady() {
    state.ready = true
    return Promise.resolve()
  }
  isReady() {
    return state.ready
  }
  setName(name) {
    state.appName = name
  }
  getName() {
    return state.appName
  }
  getVersion() {
    return '0.0.0-standin'
  }
  getAppPath() {
    return state.appPath
  }
  setPath(name, value) {
    state.paths[name] = value
  }
  getPath(name) {
    if (state.paths[name]) return state.paths[name]
    if (name === 'userData') return join(state.paths.appData ?? join(tmpdir(), 'standin-appData'), state.appName)
    return join(tmpdir(), `standin-${name}`)
  }
  requestSingleInstanceLock() {
    return state.singleInstanceLock
  }
  quit() {
    state.quitCalls.push('quit')
  }
  relaunch(options) {
    state.quitCalls.push('relaunch')
    state.relaunchArgs.push(options?.args ?? null)
  }
  setBadgeCount(count) {
    state.badgeCounts.push(count)
    return true
  }
  setAboutPanelOptions(options) {
    state.aboutPanel = options
  }
  exit(code = 0) {
    state.quitCalls.push(`exit ${code}`)
  }
}

export const app = new App()
export const nativeTheme = new (class NativeTheme extends EventEmitter {
  constructor() {
    super()
    this.osDark = false
    this.source = 'system'
  }
  get themeSource() {
    return this.source
  }
  set themeSource(value) {
    this.source = value
    this.emit('updated')
  }
  get shouldUseDarkColors() {
    return this.source === 'dark' || (this.source === 'system' && this.osDark)
  }
})()
/** The displays' work areas (window-state.ts keeps windows on screen). */
export const screen = {
  getAllDisplays() {
    return state.displays.map((workArea, id) => ({ id, workArea, bounds: workArea }))
  }
}
/** Preload side: the path of a dropped File (tests pass objects with a `path`). */
export const webUtils = {
  getPathForFile(file) {
    return typeof file?.path === 'string' ? file.path : ''
  }
}
export const net = {
  fetch() {
    throw new Error('electron-standin: net.fetch is not expected (Folio never uses the network)')
  }
}

/** Back to a fresh Electron: call before each (re-)import of the built main. */
export function reset({ appPath = process.cwd(), isPackaged = false } = {}) {
  app.isPackaged = isPackaged
  app.removeAllListeners()
  nativeTheme.removeAllListeners()
  nativeTheme.osDark = false
  nativeTheme.source = 'system'
  Object.assign(state, {
    windows: [],
    ipcHandlers: new Map(),
    ipcListeners: [],
    invoked: [],
    rendererListeners: new Map(),
    mainWorld: {},
    menu: null,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    session: {},
    openDialogs: [],
    openDialogAnswers: [],
    messageBoxes: [],
    messageBoxAnswers: [],
    saveDialogs: [],
    saveDialogAnswers: [],
    badgeCounts: [],
    aboutPanel: null,
    displays: [{ x: 0, y: 0, width: 1920, height: 1050 }],
    errorBoxes: [],
    opened: [],
    quitCalls: [],
    relaunchArgs: [],
    ready: false,
    appName: 'folio', // package.json "name"; main must rename it
    appPath,
    paths: {},
    loadedUrl: null,
    singleInstanceLock: true,
    senderFrame: { url: 'folio://app/index.html', parent: null }
  })
  session.defaultSession = makeSession()
}

reset()

export default {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  Menu,
  protocol,
  session,
  dialog,
  shell,
  nativeTheme,
  net,
  screen,
  webUtils
}
