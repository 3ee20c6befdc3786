/**
 * One Content-Security-Policy everywhere: the built page's <meta>, the browser host's header and the
 * app's folio:// header are the same directives (the meta without frame-ancestors, which browsers
 * ignore there). Needs the built renderer (`npx electron-vite build`; `npm test` builds first).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveRendererFile } from '../../src/main/shell/security'
import { startHost, type Host } from '../../src/main/host/server'
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../src/shared/csp'
import { tempDir } from '../helpers/temp'

const RENDERER = join(__dirname, '..', '..', 'out', 'renderer')
const metaOf = (html: string): string | undefined =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1]
const directives = (policy: string): string[] =>
  policy
    .split(/\s*;\s*/)
    .filter(Boolean)
    .sort()

describe('the CSP: one definition, the same directives everywhere', () => {
  let t: ReturnType<typeof tempDir>
  let host: Host
  beforeAll(async () => {
    t = tempDir()
    host = await startHost({ libraryPath: join(t.dir, 'lib.sqlite'), rendererDir: RENDERER })
  })
  afterAll(async () => {
    await host.close()
    t.cleanup()
  })

  it("default-src 'none', nothing remote, no eval, no inline script", () => {
    expect(CSP_DIRECTIVES[0]).toBe("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|wss?:|\*/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/)
  })

  it('the built page, the host and the app agree', async () => {
    const header = directives(CONTENT_SECURITY_POLICY)
    const withoutFrameAncestors = header.filter((d) => !d.startsWith('frame-ancestors'))
    const built = metaOf(readFileSync(join(RENDERER, 'index.html'), 'utf8'))
    expect(directives(built ?? '')).toEqual(withoutFrameAncestors)

    const page = await fetch(host.url)
    expect(page.status).toBe(200)
    expect(directives(page.headers.get('content-security-policy') ?? '')).toEqual(header)
    expect(directives(metaOf(await page.text()) ?? '')).toEqual(withoutFrameAncestors)
    const missing = await fetch(new URL('/nope.js', host.url))
    expect(directives(missing.headers.get('content-security-policy') ?? '')).toEqual(header)

    const app = await serveRendererFile(RENDERER, { url: 'folio://app/index.html', method: 'GET' })
    expect(directives(app.headers.get('content-security-policy') ?? '')).toEqual(header)
    expect(directives(metaOf(await app.text()) ?? '')).toEqual(withoutFrameAncestors)
  })
})
