/**
 * security.ts and ipc.ts as plain functions (they only `import type` from electron): the
 * folio:// file server, the app-URL check, the navigation locks and the IPC sender check.
 * Electron's objects are small hand-written fakes here (named as such); files are real.
 */
import { EventEmitter } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelOf, methodNames } from '../../src/shared/contract'
import { FORBIDDEN, registerIpc } from '../../src/main/shell/ipc'
import {
  appUrlCheck,
  CONTENT_SECURITY_POLICY,
  isTrustedFrame,
  lockWebContents,
  openExternalSafely,
  secureWebPreferences,
  serveRendererFile
} from '../../src/main/shell/security'

describe('folio:// serves only out/renderer', () => {
  let dir: string
  let root: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-protocol-'))
    root = join(dir, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Folio</title>')
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(root, 'assets', 'font file.woff2'), 'w')
    writeFileSync(join(dir, 'secret.txt'), 'secret')
    symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const get = (url: string, method = 'GET'): Promise<Response> => serveRendererFile(root, { url, method })

  it('serves files with their type and the CSP header', async () => {
    const html = await get('folio://app/index.html')
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(html.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await html.text()).toContain('<title>Folio</title>')
    expect((await get('folio://app/')).status).toBe(200)
    const js = await get('folio://app/assets/app.js?v=1#x')
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect((await get('folio://app/assets/font%20file.woff2')).headers.get('content-type')).toBe('font/woff2')
    expect(await (await get('folio://app/index.html', 'HEAD')).text()).toBe('')
  })

  it.each([
    'folio://app/../secret.txt',
    'folio://app/%2e%2e/secret.txt',
    'folio://app/assets/..%2f..%2fsecret.txt',
    'folio://app/..%5csecret.txt',
    'folio://app/%00index.html',
    'folio://app/assets/link.txt', // symlink pointing outside
    'folio://app/assets', // a folder
    'folio://app/missing.js',
    'folio://other/index.html',
    'folio://app:80/index.html',
    'file:///etc/passwd',
    'folio://app/%E0%A4%A.js'
  ])('refuses %s', async (url) => {
    const res = await get(url)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(await res.text()).not.toContain('secret')
  })

  it('refuses writes', async () => {
    expect((await get('folio://app/index.html', 'POST')).status).toBe(405)
  })
})

describe('appUrlCheck', () => {
  it('production: only folio://app', () => {
    const ok = appUrlCheck()
    expect(ok('folio://app/index.html')).toBe(true)
    expect(ok('folio://app/')).toBe(true)
    for (const bad of [
      'folio://app.evil/',
      'folio://evil/index.html',
      'https://app/',
      'file:///index.html',
      'about:blank',
      'nonsense'
    ]) {
      expect(ok(bad), bad).toBe(false)
    }
  })
  it('dev: only the dev server origin, which must be loopback http', () => {
    const ok = appUrlCheck('http://localhost:5173/')
    expect(ok('http://localhost:5173/index.html')).toBe(true)
    expect(ok('http://localhost:5174/')).toBe(false)
    expect(ok('folio://app/index.html')).toBe(false)
    expect(() => appUrlCheck('https://evil.example/')).toThrow(/loopback/)
  })
})

describe('webPreferences', () => {
  it('are the secure ones', () => {
    expect(secureWebPreferences('/x/preload.cjs')).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
  })
})

describe('locks (hand-written fake webContents)', () => {
  it('navigation and new windows', async () => {
    const opened: string[] = []
    const contents = Object.assign(new EventEmitter(), {
      handler: null as null | ((d: { url: string }) => unknown),
      setWindowOpenHandler(h: (d: { url: string }) => unknown) {
        this.handler = h
      }
    })
    lockWebContents(contents as never, appUrlCheck(), async (u) => void opened.push(u))
    const ev = (url: string) => ({
      url,
      prevented: false,
      preventDefault() {
        this.prevented = true
      }
    })
    const a = ev('https://arxiv.org/')
    contents.emit('will-navigate', a)
    const b = ev('folio://app/index.html')
    contents.emit('will-navigate', b)
    expect([a.prevented, b.prevented]).toEqual([true, false])
    expect(contents.handler!({ url: 'mailto:a@b.org' })).toEqual({ action: 'deny' })
    await new Promise((r) => setTimeout(r, 5))
    expect(opened).toEqual(['https://arxiv.org/', 'mailto:a@b.org'])
  })

  it('openExternalSafely validates before opening', async () => {
    const opened: string[] = []
    const open = async (u: string): Promise<void> => void opened.push(u)
    expect(await openExternalSafely(open, 'javascript:alert(1)')).toBe(false)
    expect(await openExternalSafely(open, 'https://x.org/a')).toBe(true)
    expect(opened).toEqual(['https://x.org/a'])
  })
})

describe('registerIpc (hand-written fake ipcMain)', () => {
  it('one handler per contract method; the sender frame is checked before dispatch', async () => {
    const handlers = new Map<string, (e: unknown, input: unknown) => Promise<unknown>>()
    const calls: string[] = []
    const off = registerIpc(
      {
        handle: (ch: string, h: never) => void handlers.set(ch, h),
        removeHandler: (ch: string) => void handlers.delete(ch)
      },
      async (method) => {
        calls.push(method)
        return { ok: true, value: method }
      },
      appUrlCheck()
    )
    expect([...handlers.keys()]).toEqual(methodNames.map(channelOf))
    const h = handlers.get(channelOf('counts'))!
    expect(await h({ senderFrame: { url: 'folio://app/index.html', parent: null } }, {})).toEqual({
      ok: true,
      value: 'counts'
    })
    expect(await h({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toEqual(FORBIDDEN)
    expect(await h({ senderFrame: null }, {})).toEqual(FORBIDDEN)
    expect(calls).toEqual(['counts'])
    off()
    expect(handlers.size).toBe(0)
  })

  it('isTrustedFrame refuses sub-frames', () => {
    expect(isTrustedFrame({ url: 'folio://app/index.html', parent: {} }, appUrlCheck())).toBe(false)
    expect(isTrustedFrame({ url: 'folio://app/index.html', parent: null }, appUrlCheck())).toBe(true)
  })
})
