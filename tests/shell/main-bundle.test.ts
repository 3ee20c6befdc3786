/**
 * The BUILT main process (out/main/index.js) against the electron STAND-IN
 * (tests/shell/electron-standin: Electron's modules are mocked, nothing else). Checks what
 * can't be checked by running Electron here: window options, the security locks, one IPC
 * handler per contract method, the menu, the folio:// protocol, the library error path.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelOf, methodNames } from '../../src/shared/contract'
import { userDataDir } from '../../src/main/library/index'
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/security'
import {
  type FakeWindow,
  findMenuItem,
  invokeAs,
  OUT_PRELOAD,
  quitMain,
  ROOT,
  type StandIn,
  startMain,
  until
} from './harness'

const APP = { url: 'folio://app/index.html', parent: null }

describe('built main process (electron stand-in)', () => {
  let dir: string
  let s: StandIn
  let win: FakeWindow

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-shell-'))
    s = await startMain({ FOLIO_LIBRARY: join(dir, 'library.sqlite') })
    win = s.state.windows[0]!
  })
  afterAll(async () => {
    await quitMain(s)
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts without errors and opens the library at FOLIO_LIBRARY', () => {
    expect(s.state.errorBoxes).toEqual([])
    expect(s.state.quitCalls).toEqual([])
    expect(existsSync(join(dir, 'library.sqlite'))).toBe(true)
  })

  it('is named Folio, so userData is the folder the CLI uses', () => {
    expect(s.state.appName).toBe('Folio')
    // the harness points XDG_CONFIG_HOME at a temp folder (settings, window state): userDataDir() there
    expect(s.app.getPath('userData')).toBe(userDataDir('linux', { XDG_CONFIG_HOME: s.state.configHome }))
  })

  it('creates one hidden window with secure webPreferences and shows it when ready', () => {
    expect(s.state.windows).toHaveLength(1)
    const o = win.options
    expect(o.show).toBe(false)
    expect(o.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
    const wp = o.webPreferences
    expect(wp.contextIsolation).toBe(true)
    expect(wp.sandbox).toBe(true)
    expect(wp.nodeIntegration).toBe(false)
    expect(wp.webSecurity).not.toBe(false)
    expect(wp.webviewTag).not.toBe(true)
    expect(wp.allowRunningInsecureContent).not.toBe(true)
    expect(wp.preload).toBe(OUT_PRELOAD)
    expect(existsSync(wp.preload)).toBe(true)
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('loads the renderer from folio://app/ (no ELECTRON_RENDERER_URL)', () => {
    expect(win.loadedUrl).toBe('folio://app/index.html')
    expect(s.state.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'folio',
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true })
      })
    ])
  })

  it('serves only files inside out/renderer over folio://, with the CSP header', async () => {
    const handler = s.state.protocolHandlers.get('folio')!
    expect(handler).toBeTypeOf('function')
    const get = (url: string): Promise<Response> => handler({ url, method: 'GET' })
    for (const bad of [
      'folio://app/../main/index.js',
      'folio://app/%2e%2e/main/index.js',
      'folio://app/..%2fmain%2findex.js',
      'folio://app/%2e%2e%5cmain%5cindex.js',
      'folio://other/index.html',
      'folio://app/../../package.json'
    ]) {
      const res = await get(bad)
      expect(res.status, bad).toBeGreaterThanOrEqual(400)
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect((await handler({ url: APP.url, method: 'POST' })).status).toBe(405)
    if (existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
      const res = await get(APP.url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      // every script and stylesheet the page references is local and served with the right type
      const html = await res.text()
      const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((r) => !r.startsWith('data:'))
      expect(refs.length).toBeGreaterThan(0)
      for (const ref of refs) {
        const url = new URL(ref, APP.url)
        expect(url.protocol, ref).toBe('folio:')
        const asset = await get(url.href)
        expect(asset.status, ref).toBe(200)
        if (ref.endsWith('.js')) expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/)
        if (ref.endsWith('.css')) expect(asset.headers.get('content-type')).toMatch(/^text\/css/)
      }
    }
  })

  it('has a strict CSP: nothing remote, no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('registers exactly one ipcMain handler per contract method, and nothing else', () => {
    const channels = [...s.state.ipcHandlers.keys()].sort()
    expect(channels).toEqual(methodNames.map(channelOf).sort())
    expect(s.state.ipcListeners).toEqual([])
  })

  it('refuses IPC from a foreign or framed sender, serves our own', async () => {
    const ch = channelOf('counts')
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///etc/passwd', parent: null },
      { url: 'folio://app.evil/index.html', parent: null },
      { url: 'folio://app/index.html', parent: { url: 'folio://app/index.html' } },
      null
    ]) {
      const reply = await invokeAs(s, ch, frame, {})
      expect(reply, JSON.stringify(frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await invokeAs(s, ch, APP, {})).toMatchObject({ ok: true, value: { views: { all: 0 } } })
    expect(await invokeAs(s, ch, APP, { junk: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('locks navigation: only our own URL; external links go to the browser after validation', () => {
    const wc = win.webContents
    const nav = (event: string, url: string): boolean => {
      const e = s.fakeEvent({ url })
      wc.emit(event, e, url)
      return e.defaultPrevented
    }
    expect(nav('will-navigate', 'folio://app/index.html')).toBe(false)
    expect(nav('will-navigate', 'https://arxiv.org/abs/2406.00001')).toBe(true)
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(nav('will-navigate', 'javascript:alert(1)')).toBe(true)
    expect(nav('will-redirect', 'https://evil.example/')).toBe(true)
    expect(nav('will-redirect', 'folio://app/index.html')).toBe(false)
    expect(nav('will-frame-navigate', 'https://evil.example/')).toBe(true)
    const attach = s.fakeEvent()
    wc.emit('will-attach-webview', attach, {}, { src: 'https://evil.example/' })
    expect(attach.defaultPrevented).toBe(true)
    expect(s.state.opened).toEqual(['https://arxiv.org/abs/2406.00001'])
  })

  it('denies every new window; opens only validated http(s) links externally', async () => {
    const open = win.webContents.windowOpenHandler!
    expect(open).toBeTypeOf('function')
    s.state.opened.length = 0
    for (const url of [
      'https://github.com/x/y',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@evil.example/',
      'data:text/html,hi'
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' })
    }
    await new Promise((r) => setTimeout(r, 10))
    expect(s.state.opened).toEqual(['https://github.com/x/y'])
  })

  it('denies every permission request and check, and every device permission', () => {
    const { permissionRequest, permissionCheck, devicePermission } = s.state.session
    for (const deviceType of ['hid', 'usb', 'serial', 'bluetooth']) {
      expect(devicePermission!({ deviceType, origin: 'folio://app', device: {} }), deviceType).toBe(false)
    }
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      let granted: boolean | undefined
      permissionRequest!(win.webContents, p, (g: boolean) => (granted = g), {})
      expect(granted, p).toBe(false)
      expect(permissionCheck!(win.webContents, p, 'folio://app', {}), p).toBe(false)
    }
  })

  it('cancels every network request (Folio never talks to the network)', () => {
    const { filter, handler } = s.state.session.beforeRequest!
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']))
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:5173/', 'wss://x.example/']) {
      let result: { cancel?: boolean } = {}
      handler({ url }, (r: { cancel?: boolean }) => (result = r))
      expect(result.cancel, url).toBe(true)
    }
  })

  it('has File → Import Digests… (CmdOrCtrl+O), Import Folder…, and the standard menus', () => {
    const template = s.state.menu!.template
    const item = findMenuItem(template, 'Import Digests…')
    expect(item?.accelerator).toBe('CmdOrCtrl+O')
    expect(findMenuItem(template, 'Import Folder…')?.click).toBeTypeOf('function')
    const roles = template.map((m) => m.role ?? m.label)
    expect(roles).toEqual(expect.arrayContaining(['&File', 'editMenu', '&View', 'windowMenu', 'help']))
  })

  it('a will-quit closes the library', () => {
    expect(s.app.listenerCount('will-quit')).toBeGreaterThan(0)
  })
})

describe('built main process: quitting', () => {
  it('holds the quit until the ranking worker and the library are closed (the last connection removes the WAL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-shell-quit-'))
    try {
      const file = join(dir, 'library.sqlite')
      const s = await startMain({ FOLIO_LIBRARY: file })
      expect(existsSync(`${file}-wal`)).toBe(true) // open: main and the ranking worker
      const event = s.fakeEvent()
      s.app.emit('will-quit', event)
      expect(event.defaultPrevented).toBe(true) // not yet: the worker is still closing
      await until(() => s.state.quitCalls.includes('quit'), 'main to quit again once closed')
      expect(existsSync(`${file}-wal`)).toBe(false)
      const again = s.fakeEvent()
      s.app.emit('will-quit', again)
      expect(again.defaultPrevented).toBe(false) // the second will-quit lets Electron terminate
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('built main process: a library it cannot open', () => {
  it('a library from a newer Folio → error box with the reason, then quit; no window', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-shell-newer-'))
    try {
      const file = join(dir, 'library.sqlite')
      const db = new Database(file)
      db.pragma('user_version = 999')
      db.close()
      const s = await startMain({ FOLIO_LIBRARY: file })
      expect(s.state.errorBoxes).toHaveLength(1)
      expect(s.state.errorBoxes[0]!.content).toMatch(/newer version of Folio/)
      expect(s.state.quitCalls).toEqual(['exit 1'])
      expect(s.state.windows).toHaveLength(0)
      expect(s.state.ipcHandlers.size).toBe(0)
      const db2 = new Database(file, { readonly: true })
      expect(db2.pragma('user_version', { simple: true })).toBe(999) // left alone
      db2.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('--library=PATH beats FOLIO_LIBRARY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-shell-flag-'))
    try {
      const s = await startMain({ FOLIO_LIBRARY: join(dir, 'env.sqlite') }, [`--library=${join(dir, 'flag.sqlite')}`])
      expect(s.state.errorBoxes).toEqual([])
      expect(existsSync(join(dir, 'flag.sqlite'))).toBe(true)
      expect(existsSync(join(dir, 'env.sqlite'))).toBe(false)
      await quitMain(s)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
