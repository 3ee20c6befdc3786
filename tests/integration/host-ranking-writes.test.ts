/**
 * The ranking worker's own writes are not changes for the page: storing For you's features for a
 * library (in chunks of 20,000 papers, each its own commit) used to make the browser host announce
 * `libraryChanged` after each chunk, and the page reloaded its feed, counts and paper every time.
 * Real host, real ranking worker, real library file, the real event stream.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHost, type Host } from '../../src/main/host/server'
import { openLibrary } from '../../src/main/library/index'
import { populateLibraryQuickly } from '../helpers/generate'
import { recordEvents } from '../helpers/host-http'
import { tempDir } from '../helpers/temp'

describe('browser host: the ranking stores its features', () => {
  let t: ReturnType<typeof tempDir>
  let host: Host | undefined
  beforeEach(() => {
    t = tempDir()
  })
  afterEach(async () => {
    await host?.close()
    t.cleanup()
  })

  it('without a libraryChanged for each stored chunk (65,000 papers: four chunks and the state)', async () => {
    const file = join(t.dir, 'library.sqlite')
    const lib = openLibrary(file)
    await populateLibraryQuickly(lib, { papers: 65_000, digests: 30 })
    lib.close()
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
    // Polled every 20 ms: each of the worker's commits would be seen as a change by another process.
    host = await startHost({ libraryPath: file, rendererDir, pollMs: 20, fullCheckDelayMs: 600_000 })
    const events = recordEvents(host)
    try {
      const end = Date.now() + 90_000
      while (!events.names.includes('rankingChanged')) {
        if (Date.now() > end) throw new Error('the ranking did not finish')
        await new Promise((r) => setTimeout(r, 50))
      }
      const stored = host.library.db.prepare('SELECT count(*) FROM paper_features').pluck().get() as number
      expect(stored).toBe(65_000) // the features were stored, in chunks
      // At most two, for polls that fell between a commit and the worker’s word for it (five before).
      expect(events.names.filter((n) => n === 'libraryChanged').length).toBeLessThanOrEqual(2)
    } finally {
      events.stop()
    }
  }, 120_000)
})
