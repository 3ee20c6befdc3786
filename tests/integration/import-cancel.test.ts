/**
 * Every import can be stopped: through the import worker (what the app, the browser host and the CLI
 * run) by an AbortSignal, and a file that takes longer than the time limit is stopped with a message
 * naming it while the rest of the batch goes on. A stopped file writes nothing.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCancelFlag, stopImport, timeLimitMessage } from '../../src/main/import/cancel'
import { importSources } from '../../src/main/import/import-files'
import { defaultWorkerEntry, importInWorker } from '../../src/main/import/run-in-worker'
import { openLibrary } from '../../src/main/library/index'
import { generateArxivRss } from '../helpers/generate'
import { fixture, tempDir } from '../helpers/temp'

describe('stopping an import', () => {
  let t: ReturnType<typeof tempDir>
  let big: string
  beforeAll(() => {
    t = tempDir()
    big = join(t.dir, 'big.xml')
    writeFileSync(big, generateArxivRss(12_000, 9))
  })
  afterAll(() => t.cleanup())

  const count = (path: string): number => {
    const lib = openLibrary(path)
    try {
      return lib.db.prepare('SELECT count(*) FROM papers').pluck().get() as number
    } finally {
      lib.close()
    }
  }

  it('an AbortSignal stops the worker mid-file: files before it stay, nothing of it is written', async () => {
    const libraryPath = join(t.dir, 'abort.sqlite')
    const stop = new AbortController()
    let seen = 0
    const started = performance.now()
    let abortedAt = 0
    const report = await importInWorker(
      defaultWorkerEntry(),
      {
        libraryPath,
        sources: [
          { kind: 'path', path: fixture('arxiv-rss.xml') },
          { kind: 'path', path: big }
        ]
      },
      (p) => {
        if (p.fileIndex === 1 && ++seen === 2) {
          abortedAt = performance.now()
          stop.abort()
        }
      },
      { signal: stop.signal }
    )
    expect(abortedAt).toBeGreaterThan(started)
    expect(performance.now() - abortedAt).toBeLessThan(1_000)
    expect(report.cancelled).toBe(true)
    expect(report.files.map((f) => [f.ok, f.added])).toEqual([[true, 4]])
    expect(count(libraryPath)).toBe(4)
  }, 60_000)

  it('a file over the time limit is stopped and named; the next file still imports', async () => {
    const libraryPath = join(t.dir, 'limit.sqlite')
    const report = await importInWorker(
      defaultWorkerEntry(),
      {
        libraryPath,
        sources: [
          { kind: 'path', path: big },
          { kind: 'path', path: fixture('arxiv-rss.xml') }
        ]
      },
      undefined,
      // Well under what 12,000 papers take even on a fast machine, well over what the 4-paper file takes.
      { timeLimitMs: 400 }
    )
    expect(report.cancelled).toBeUndefined()
    expect(report.files[0]).toMatchObject({ ok: false, added: 0 })
    expect(report.files[0]!.error).toBe(`${big}: ${timeLimitMessage(400)}`)
    expect(timeLimitMessage(400)).toMatch(/^stopped after 400 ms: /)
    expect(report.files[1]).toMatchObject({ ok: true, added: 4 })
    expect(count(libraryPath)).toBe(4)
  }, 60_000)

  it('in-process too: a flag set mid-file stops it at the next paper, rolled back', async () => {
    const libraryPath = join(t.dir, 'flag.sqlite')
    const lib = openLibrary(libraryPath)
    try {
      const cancel = createCancelFlag()
      const report = await importSources(lib, [{ kind: 'path', path: big }], {
        workerMinBytes: 0,
        cancel,
        onProgress: () => stopImport(cancel, 'cancelled')
      })
      expect(report).toMatchObject({ cancelled: true, files: [], added: 0 })
      expect(lib.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
      expect(lib.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(0)
      expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal')
    } finally {
      lib.close()
    }
  }, 60_000)
})
