/**
 * Start-up does not wait for the full integrity check: the host serves after the light check, the
 * full check (PRAGMA quick_check, in a worker thread) runs afterwards, and a damaged library it
 * finds is still moved aside (kept) and replaced by a fresh one, which the host then serves.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { quickCheckInWorker } from '../../src/main/library/check-later'
import { openLibrary } from '../../src/main/library/index'
import { startHost } from '../../src/main/host/server'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { garblePage } from '../helpers/damage'
import { populateLibraryQuickly } from '../helpers/generate'
import { tempDir } from '../helpers/temp'

async function libraryWithPapers(file: string, papers: number): Promise<void> {
  const lib = openLibrary(file)
  await populateLibraryQuickly(lib, { papers, digests: 10 })
  lib.close()
}

describe('the full check, off the start-up path', () => {
  let t: ReturnType<typeof tempDir>
  let rendererDir: string
  beforeEach(() => {
    t = tempDir()
    rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  })
  afterEach(() => t.cleanup())

  it('quickCheckInWorker: null for a healthy library, the reason for a garbled page', async () => {
    const file = join(t.dir, 'lib.sqlite')
    await libraryWithPapers(file, 2_000)
    expect(await quickCheckInWorker(file).result).toBeNull()
    garblePage(file, 40)
    expect(await quickCheckInWorker(file).result).toMatch(/integrity check failed|malformed/)
  })

  it('the host serves a library whose damage only the full check finds, then sets it aside and serves a fresh one', async () => {
    const file = join(t.dir, 'lib.sqlite')
    await libraryWithPapers(file, 2_000)
    garblePage(file, 40) // a data page: the light check (open, read the schema) passes
    const host = await startHost({ libraryPath: file, rendererDir, fullCheckDelayMs: 0 })
    try {
      expect(host.recovery).toBeNull() // served without waiting for the full check
      const recovery = await host.fullCheck
      expect(recovery?.message).toMatch(/could not be read.*moved to/s)
      expect(existsSync(recovery!.movedTo)).toBe(true)
      expect(readdirSync(t.dir).some((n) => n.startsWith('lib.damaged-'))).toBe(true)
      // The host now serves the fresh library.
      const res = await fetch(`http://127.0.0.1:${host.port}/api/counts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body: '{}'
      })
      const reply = (await res.json()) as { ok: boolean; value: { views: { all: number } } }
      expect(reply.ok).toBe(true)
      expect(reply.value.views.all).toBe(0)
      expect(host.library.db.open).toBe(true)
    } finally {
      await host.close()
    }
  })

  it('a healthy library: the full check finds nothing and the library stays', async () => {
    const file = join(t.dir, 'lib.sqlite')
    await libraryWithPapers(file, 500)
    const host = await startHost({ libraryPath: file, rendererDir, fullCheckDelayMs: 0 })
    try {
      expect(await host.fullCheck).toBeNull()
      expect(host.library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(500)
    } finally {
      await host.close()
    }
  })
})
