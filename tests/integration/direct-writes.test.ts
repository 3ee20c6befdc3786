/**
 * A big import into an empty library that nobody else has open is written straight into the file
 * under a rollback journal (src/main/library/direct-writes.ts), then the library is in WAL mode
 * again. When another connection has the library open, the import goes through the WAL and nobody
 * waits. Either way a refused or killed import leaves the library exactly as it was.
 */
import Database from 'better-sqlite3'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importSources } from '../../src/main/import/import-files'
import { openLibrary } from '../../src/main/library/index'
import { folio, importKilledMidway } from '../helpers/cli'
import { generateArxivRss } from '../helpers/generate'
import { tempLibrary } from '../helpers/temp'

type Lib = ReturnType<typeof tempLibrary>

const count = (t: Lib, table: string): number =>
  t.lib.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

describe('a big import into an empty library', () => {
  let t: Lib
  let feed: string
  beforeEach(() => {
    t = tempLibrary()
    feed = join(t.dir, 'feed.xml')
    writeFileSync(feed, generateArxivRss(1_500, 4))
  })
  afterEach(() => t.cleanup())

  it('writes the file directly, alone with it, and leaves the library in WAL mode', async () => {
    const during: { mode: unknown; otherSees: unknown }[] = []
    const r = await importSources(t.lib, [{ kind: 'path', path: feed }], {
      workerMinBytes: 0,
      onProgress: () => {
        // Inside the import's transaction: a rollback journal. Another connection reads the library as
        // it was, until the import's pages no longer fit in memory and it takes the file for itself.
        const other = new Database(t.path, { timeout: 0 })
        let otherSees: unknown
        try {
          otherSees = other.prepare('SELECT count(*) FROM papers').pluck().get()
        } catch (err) {
          otherSees = (err as { code?: string }).code
        } finally {
          other.close()
        }
        during.push({ mode: t.lib.db.pragma('journal_mode', { simple: true }), otherSees })
      }
    })
    expect(r.files[0]).toMatchObject({ ok: true, added: 1_500 })
    expect(during.length).toBeGreaterThan(0)
    expect(during.every((d) => d.mode === 'delete' && (d.otherSees === 0 || d.otherSees === 'SQLITE_BUSY'))).toBe(true)
    expect(t.lib.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(t.lib.db.pragma('synchronous', { simple: true })).toBe(1) // NORMAL again
    expect(t.lib.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(count(t, 'papers')).toBe(1_500)
  })

  it('goes through the WAL when another connection has the library open, and that one can read all along', async () => {
    const other = new Database(t.path, { timeout: 0 })
    try {
      other.prepare('SELECT count(*) FROM papers').get() // the other connection has the library open
      const seen: [unknown, unknown][] = []
      const started = performance.now()
      const r = await importSources(t.lib, [{ kind: 'path', path: feed }], {
        workerMinBytes: 0,
        onProgress: () =>
          seen.push([
            t.lib.db.pragma('journal_mode', { simple: true }),
            other.prepare('SELECT count(*) FROM papers').pluck().get()
          ])
      })
      expect(r.files[0]).toMatchObject({ ok: true, added: 1_500 })
      expect(performance.now() - started).toBeLessThan(20_000) // nobody waited for the other connection (busy timeout: 30 s)
      expect(seen.length).toBeGreaterThan(0)
      expect(seen.every(([mode, n]) => mode === 'wal' && n === 0)).toBe(true) // the other reads the library as before the import
      expect(other.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(1_500)
    } finally {
      other.close()
    }
  })

  it('a feed refused halfway leaves the library empty, healthy and in WAL mode', async () => {
    const text = generateArxivRss(1_500, 5)
    const cut = text.indexOf('<item>', Math.floor(text.length * 0.7))
    writeFileSync(feed, `${text.slice(0, cut)}<item><title>x</titel></item></channel></rss>`)
    const r = await importSources(t.lib, [{ kind: 'path', path: feed }], { workerMinBytes: 0 })
    expect(r.files[0]!.error).toMatch(/invalid XML at line \d+/)
    expect(count(t, 'papers')).toBe(0)
    expect(count(t, 'digests')).toBe(0)
    expect(t.lib.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(t.lib.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(existsSync(`${t.path}-journal`)).toBe(false)
  })

  it('killed halfway (SIGKILL), it leaves the library exactly as before: empty, healthy, WAL again on the next open', async () => {
    t.lib.close()
    const big = join(t.dir, 'big.xml')
    writeFileSync(big, generateArxivRss(12_000, 6))
    const before = openLibrary(t.path)
    const schema = before.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
    before.close()
    const killed = await importKilledMidway(big, t.path)
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.progress).toMatch(/big\.xml: \d+ papers…/)
    expect(existsSync(`${t.path}-journal`)).toBe(true) // killed inside the directly written transaction
    const after = openLibrary(t.path)
    try {
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(after.db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(after.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema)
      for (const table of ['papers', 'paper_abstracts', 'digests', 'digest_papers']) {
        expect(after.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0)
      }
      expect(after.db.prepare('SELECT bulk FROM import_state').pluck().get()).toBe(0)
    } finally {
      after.close()
    }
    const again = folio(['import', big, '--library', t.path])
    expect(again.status).toBe(0)
    expect(again.stdout).toMatch(/12000 papers, 12000 added/)
  }, 120_000)
})
