/**
 * Electron security checklist items not covered elsewhere (see SECURITY.md): EVERY IPC handler
 * checks its sender frame (not just one sample channel), and the renderer's own CSP meta tag has
 * no remote source and no eval. Built main against the electron STAND-IN.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channelOf, methodNames } from '../../src/shared/contract'
import { invokeAs, quitMain, ROOT, type StandIn, startMain } from './harness'

const FOREIGN = [
  { url: 'https://evil.example/', parent: null },
  { url: 'folio://app/index.html', parent: { url: 'folio://app/index.html' } },
  { url: 'about:blank', parent: null },
  null
]

describe('security checklist: every IPC handler, the CSP meta', () => {
  let dir: string
  let s: StandIn
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-checklist-'))
    s = await startMain({ FOLIO_LIBRARY: join(dir, 'library.sqlite') })
  })
  afterAll(async () => {
    await quitMain(s)
    rmSync(dir, { recursive: true, force: true })
  })

  it('every contract method refuses a foreign, framed or missing sender frame, before validating input', async () => {
    expect(methodNames.length).toBeGreaterThan(10)
    for (const m of methodNames) {
      for (const frame of FOREIGN) {
        const reply = await invokeAs(s, channelOf(m), frame, {})
        expect(reply, `${m} from ${JSON.stringify(frame)}`).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
    }
  })

  it("the renderer's CSP meta tag: no remote sources, no eval, no inline script, no plugins", () => {
    const html = readFileSync(join(ROOT, 'out', 'renderer', 'index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1]
    expect(csp).toBeDefined()
    expect(csp).toMatch(/default-src 'none'/)
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toMatch(/object-src 'none'/)
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|wss?:|\*/)
    expect(/<script\b(?![^>]*\bsrc=)[^>]*>/i.test(html)).toBe(false) // no inline script in the page itself
  })
})
