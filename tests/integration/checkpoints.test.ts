/**
 * A connection that serves the UI checkpoints when its writes pause, not inside a write's commit
 * (src/main/library/checkpoints.ts). Observed on the database file itself: a checkpoint is what
 * copies the WAL into it, so the file grows at the checkpoint, not at the commit.
 */
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/handlers'
import { importSources } from '../../src/main/import/import-files'
import { checkpointWhenIdle } from '../../src/main/library/checkpoints'
import { generateArxivRss } from '../helpers/generate'
import { tempLibrary } from '../helpers/temp'

type Lib = ReturnType<typeof tempLibrary>
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const fileSize = (t: Lib): number => statSync(t.path).size

/** Writes well over SQLite's 1,000-page autocheckpoint threshold (two feeds, each below the big-file size). */
async function bigWrite(t: Lib, seed: number): Promise<void> {
  for (const part of [0, 1]) {
    const file = join(t.dir, `feed-${seed}-${part}.xml`)
    writeFileSync(file, generateArxivRss(1_500, seed * 10 + part, part * 1_500))
    const r = await importSources(t.lib, [{ kind: 'path', path: file }])
    expect(r.rejected).toBe(0)
  }
}

describe('checkpoints when writes pause', () => {
  let ui: Lib
  let plain: Lib
  beforeEach(() => {
    ui = tempLibrary()
    plain = tempLibrary()
  })
  afterEach(() => {
    ui.cleanup()
    plain.cleanup()
  })

  it('a big write is not checkpointed in its commit but once writes pause; SQLite by default does it in the commit', async () => {
    const checkpoints = checkpointWhenIdle(ui.lib.db, { idleMs: 100 })
    const [uiBefore, plainBefore] = [fileSize(ui), fileSize(plain)]
    await bigWrite(ui, 1)
    await bigWrite(plain, 1)
    checkpoints.wrote()
    expect(fileSize(plain)).toBeGreaterThan(plainBefore) // checkpointed inside a commit
    expect(fileSize(ui)).toBe(uiBefore) // all still in the WAL
    expect(checkpoints.runs).toBe(0)
    await sleep(400)
    expect(checkpoints.runs).toBe(1)
    expect(fileSize(ui)).toBeGreaterThan(uiBefore)
    expect(ui.lib.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(3_000)
    checkpoints.stop()
  })

  it('writes that never pause are still checkpointed, at most maxDelayMs after the first', async () => {
    const checkpoints = checkpointWhenIdle(ui.lib.db, { idleMs: 200, maxDelayMs: 300 })
    const started = Date.now()
    while (Date.now() - started < 900) {
      ui.lib.db.prepare('UPDATE import_state SET bulk = 0 WHERE id = 1').run()
      checkpoints.wrote()
      await sleep(40) // never 200 ms without a write
    }
    expect(checkpoints.runs).toBeGreaterThanOrEqual(2)
    checkpoints.stop()
  })

  it('never runs inside a transaction, and stops with the connection', async () => {
    const checkpoints = checkpointWhenIdle(ui.lib.db, { idleMs: 20 })
    ui.lib.db.exec('BEGIN')
    checkpoints.wrote()
    await sleep(80)
    expect(checkpoints.runs).toBe(0)
    ui.lib.db.exec('COMMIT')
    await sleep(80)
    expect(checkpoints.runs).toBe(1)
    checkpoints.stop()
    checkpoints.wrote()
    await sleep(80)
    expect(checkpoints.runs).toBe(1)
  })

  it("the dispatcher (the app and the browser host) turns SQLite's own checkpoints off and schedules them after writes", async () => {
    expect(ui.lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    const dispatch = createDispatcher(ui.lib, { openExternal: () => false })
    expect(ui.lib.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
    await bigWrite(ui, 2)
    const before = fileSize(ui)
    expect((await dispatch('counts', {})).ok).toBe(true) // a read schedules nothing
    await sleep(1_300)
    expect(fileSize(ui)).toBe(before)
    expect((await dispatch('setStatus', { ids: [1, 2, 3], status: 'read' })).ok).toBe(true)
    await sleep(1_300)
    expect(fileSize(ui)).toBeGreaterThan(before) // the write's idle checkpoint copied the WAL in
  })
})
