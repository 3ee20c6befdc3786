/** The browser host's guards: loopback only, token on every call, Host/Origin checks, no traversal. */
import { request } from 'node:http'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type Host } from '../../src/main/host/server'
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { tempDir } from '../helpers/temp'

interface Res {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** Raw HTTP (fetch cannot forge the Host header). */
function raw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => (body += d.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('browser host', () => {
  let t: ReturnType<typeof tempDir>
  let host: Host
  let api: (method: string, body: unknown, headers?: Record<string, string>) => Promise<Res>
  beforeAll(async () => {
    t = tempDir()
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(join(rendererDir, 'assets'), { recursive: true })
    writeFileSync(
      join(rendererDir, 'index.html'),
      '<!doctype html><html><head><title>Folio</title></head><body></body></html>'
    )
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(t.dir, 'secret.txt'), 'do not serve me')
    symlinkSync(join(t.dir, 'secret.txt'), join(rendererDir, 'assets', 'link.js'))
    host = await startHost({ libraryPath: join(t.dir, 'lib.sqlite'), rendererDir })
    api = (method, body, headers = {}) =>
      raw(host.port, `/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
        body: JSON.stringify(body)
      })
  })
  afterAll(async () => {
    await host.close()
    t.cleanup()
  })

  it('listens on 127.0.0.1 only and prints a URL carrying a random token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`))
  })

  it('serves index.html with the token only to a request that has it; assets with strict headers', async () => {
    expect((await raw(host.port, '/')).status).toBe(401)
    expect((await raw(host.port, '/?token=wrong')).status).toBe(401)
    const page = await raw(host.port, `/?token=${host.token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain(`<meta name="folio-token" content="${host.token}" />`)
    // nothing else: the page builds its api from the contract's method names it was built with
    expect(page.body.match(/<meta name="folio-/g)).toHaveLength(1)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['cache-control']).toBe('no-store')
    const asset = await raw(host.port, '/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['x-content-type-options']).toBe('nosniff')
    // hashed build assets may be kept for good; the rest is revalidated
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('requires the token on every API call', async () => {
    expect((await api('counts', {})).status).toBe(200)
    expect((await api('counts', {}, { [TOKEN_HEADER]: '' })).status).toBe(401)
    expect((await api('counts', {}, { [TOKEN_HEADER]: `${host.token}x` })).status).toBe(401)
    expect(
      (
        await raw(host.port, '/api/counts', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}'
        })
      ).status
    ).toBe(401)
    expect((await raw(host.port, '/events')).status).toBe(401)
  })

  it('refuses foreign Host headers (DNS rebinding) and foreign Origins', async () => {
    expect(
      (await raw(host.port, `/?token=${host.token}`, { headers: { host: `evil.example:${host.port}` } })).status
    ).toBe(421)
    expect((await api('counts', {}, { host: `attacker.test:${host.port}` })).status).toBe(421)
    expect((await api('counts', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('counts', {}, { origin: `http://localhost:${host.port}` })).status).toBe(200)
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/assets/%2e%2e%2f%2e%2e%2flib.sqlite',
      '/assets/link.js', // a symlink inside the folder pointing outside it
      '/assets',
      '/%69ndex.html' // the page itself, without its token
    ]) {
      const r = await raw(host.port, path)
      expect(r.status, path).toBe(404)
      expect(r.body).not.toContain('do not serve me')
    }
  })

  it('answers malformed calls with an error reply, never a crash', async () => {
    const cases: [string, unknown][] = [
      ['nope', {}],
      ['getPaper', { id: -1 }],
      ['getPaper', { id: 1.5 }],
      ['getPaper', { id: '1' }],
      ['setStatus', { ids: [1], status: 'done' }],
      ['saveNote', { paperId: 1, body: 'x'.repeat(1_000_001) }],
      ['feedPage', { query: 'x'.repeat(501) }],
      ['feedPage', { limit: 10_000 }],
      ['feedPage', { extra: true }],
      ['openExternal', { url: 'javascript:alert(1)' }],
      ['getPaper', { id: 424242 }]
    ]
    for (const [method, input] of cases) {
      const r = await api(method, input)
      expect(r.status, method).toBe(200)
      const reply = JSON.parse(r.body) as { ok: boolean; error: { message: string } }
      expect(reply.ok, `${method} ${JSON.stringify(input).slice(0, 80)}`).toBe(false)
      expect(reply.error.message.length).toBeGreaterThan(5)
    }
    const bad = await raw(host.port, '/api/counts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{not json'
    })
    expect(bad.status).toBe(400)
    expect((await api('counts', {})).status).toBe(200)
  })
})
