/**
 * The sidebar's digest list is kept between calls and patched from the digest change log: after
 * every kind of change (one paper, a whole view, its undo, a new digest, another connection's write,
 * a reader left behind the log's end) it equals the list read whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { counts } from '../../../src/main/library/counts'
import { digestCounts } from '../../../src/main/library/digests'
import { openLibrary } from '../../../src/main/library/index'
import { setStatus } from '../../../src/main/library/status'
import { setViewStatus, undoViewChange } from '../../../src/main/library/view-status'
import { populateLibrary } from '../../helpers/generate'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('the kept digest list', () => {
  let t: ReturnType<typeof tempLibrary>
  beforeAll(async () => {
    t = tempLibrary()
    await populateLibrary(t.lib, { papers: 1_500, digests: 30, seed: 3 })
  }, 60_000)
  afterAll(() => t.cleanup())

  const same = (): void => expect(counts(t.lib.db).digests).toEqual(digestCounts(t.lib.db))

  it('follows status changes, whole-view changes and their undo', () => {
    const db = t.lib.db
    same()
    const first = counts(db).digests
    const copy = structuredClone(first)
    const id = db.prepare("SELECT paper_id FROM paper_status WHERE status = 'unread' LIMIT 1").pluck().get() as number
    setStatus(db, [id], 'read')
    same()
    expect(first).toEqual(copy) // the list returned before was not changed in place
    const change = setViewStatus(db, { view: 'unread' }, 'read')
    same()
    undoViewChange(db, change.view!.undoId)
    same()
  })

  it('follows a new digest and another connection’s writes', () => {
    addDigest(t.lib, [paper('A new paper about kept lists')], '2030-01-01')
    same()
    expect(counts(t.lib.db).digests[0]?.date).toBe('2030-01-01')
    const other = openLibrary(t.path)
    try {
      const id = other.db
        .prepare("SELECT paper_id FROM paper_status WHERE status = 'unread' LIMIT 1")
        .pluck()
        .get() as number
      setStatus(other.db, [id], 'reading')
    } finally {
      other.close()
    }
    same()
  })

  it('a reader further behind than the log keeps reads the list whole', () => {
    const db = t.lib.db
    counts(db)
    const other = openLibrary(t.path)
    try {
      // 51,000 logged changes (more than the 50,000 the log keeps), then one that matters.
      const touch = other.db.prepare('UPDATE digests SET warnings = warnings')
      other.db.transaction(() => {
        for (let i = 0; i < 1_650; i++) touch.run()
      })()
      other.db.prepare('UPDATE digests SET unread_count = unread_count + 1 WHERE id = 1').run()
    } finally {
      other.close()
    }
    same()
    expect(db.prepare('SELECT count(*) FROM digest_changes').pluck().get()).toBeLessThanOrEqual(50_001)
  })
})
