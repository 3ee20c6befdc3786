/**
 * Soak (bounded): 10,000 mixed operations (status, star, notes, searches, imports of small
 * generated digests) from two processes on one library at the same time: this test process and
 * a worker process (node --import tsx). Afterwards PRAGMA integrity_check is ok, the FTS index is
 * consistent, and every write each process made is there (each tracks what it wrote).
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importSources } from '../../src/main/import/import-files'
import { openLibrary, type Library } from '../../src/main/library/index'
import { generateArxivRss } from '../helpers/generate'
import { tempDir } from '../helpers/temp'
import { runOps, type Ledger } from '../soak/ops'

const WORKER = join(__dirname, '..', 'soak', 'worker.ts')
const OPS_EACH = 5_000

function runWorker(args: string[]): Promise<Ledger> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { cwd: join(__dirname, '..', '..') })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`soak worker exited ${code}: ${err.slice(0, 2000)}`))
      else resolve(JSON.parse(out) as Ledger)
    })
  })
}

describe('soak: two processes, 10,000 operations, one library', () => {
  let t: ReturnType<typeof tempDir>
  let path: string
  let lib: Library
  beforeAll(async () => {
    t = tempDir()
    path = join(t.dir, 'library.sqlite')
    lib = openLibrary(path)
    const seed = await importSources(lib, [
      { kind: 'bytes', name: 'seed.xml', bytes: Buffer.from(generateArxivRss(400, 3)) }
    ])
    expect(seed.added).toBe(400)
  })
  afterAll(() => {
    lib.close()
    t.cleanup()
  })

  it('every write lands; the library is intact', async () => {
    const ids = lib.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[]
    // Each process owns half the papers (so "the last write wins" is well defined per paper).
    const mine = ids.filter((id) => id % 2 === 1)
    const theirs = ids.filter((id) => id % 2 === 0)
    const worker = runWorker([path, JSON.stringify(theirs), String(OPS_EACH), '7', '300000'])
    // Let the worker start, then run our half concurrently (synchronous SQLite, its own connection).
    await new Promise((r) => setTimeout(r, 300))
    const ours = await runOps(lib, { ids: mine, count: OPS_EACH, seed: 11, importOffset: 200_000, who: 'test' })
    const theirsLedger = await worker
    expect(ours.ops + theirsLedger.ops).toBe(10_000)
    // they really ran at the same time
    expect(Math.min(ours.endedAt, theirsLedger.endedAt)).toBeGreaterThan(
      Math.max(ours.startedAt, theirsLedger.startedAt)
    )

    const db = new Database(path, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const status = db.prepare('SELECT status FROM paper_status WHERE paper_id = ?').pluck()
      const starred = db.prepare('SELECT starred FROM papers WHERE id = ?').pluck()
      const note = db.prepare('SELECT body FROM notes WHERE paper_id = ?').pluck()
      for (const ledger of [ours, theirsLedger]) {
        for (const [id, s] of Object.entries(ledger.status)) expect(status.get(Number(id)), `status of ${id}`).toBe(s)
        for (const [id, s] of Object.entries(ledger.starred))
          expect(starred.get(Number(id)), `star of ${id}`).toBe(s ? 1 : 0)
        for (const [id, body] of Object.entries(ledger.notes)) expect(note.get(Number(id)), `note of ${id}`).toBe(body)
        const found = db
          .prepare(`SELECT count(*) FROM papers WHERE arxiv_id IN (SELECT value FROM json_each(?))`)
          .pluck()
          .get(JSON.stringify(ledger.importedArxivIds))
        expect(found).toBe(ledger.importedArxivIds.length)
        expect(ledger.imports).toBeGreaterThan(50)
        expect(ledger.searches).toBeGreaterThan(500)
      }
      expect(db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(1 + ours.imports + theirsLedger.imports)
      expect(db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(
        400 + 3 * (ours.imports + theirsLedger.imports)
      )
      // digest counters kept by triggers agree with the links
      expect(
        db
          .prepare(
            'SELECT count(*) FROM digests d WHERE link_count != (SELECT count(*) FROM digest_papers WHERE digest_id = d.id)'
          )
          .pluck()
          .get()
      ).toBe(0)
    } finally {
      db.close()
    }
    const rw = new Database(path)
    try {
      rw.prepare("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)").run()
    } finally {
      rw.close()
    }
  }, 60_000)
})
