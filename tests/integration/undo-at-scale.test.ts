/**
 * Whole-view changes and their undo on a real library file of 300,000 papers. Undoing a change of
 * more than ~130,000 papers used to overflow the stack (`all.push(...ids)` in restoreStatus); the
 * whole-view undo is now one statement on the library's side (undoViewChange), and restoreStatus
 * takes any number of changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { counts } from '../../src/main/library/counts'
import type { DB } from '../../src/main/library/db'
import { restoreStatus, setStatus } from '../../src/main/library/status'
import { setViewStarred, setViewStatus, undoViewChange } from '../../src/main/library/view-status'
import { populateLibraryQuickly } from '../helpers/generate'
import { tempLibrary } from '../helpers/temp'

const PAPERS = 300_000

const statuses = (db: DB): string =>
  db
    .prepare("SELECT group_concat(status, ',') FROM (SELECT status FROM paper_status ORDER BY paper_id)")
    .pluck()
    .get() as string
const stars = (db: DB): number => db.prepare('SELECT sum(starred * id) FROM papers').pluck().get() as number

/** The counts recomputed from the papers, to compare with the kept ones. */
function recounted(db: DB): { views: Record<string, number>; digestUnread: number[] } {
  const v = db
    .prepare(
      `SELECT count(*) AS "all", sum(s.status = 'unread') AS unread, sum(s.status = 'reading') AS reading,
              sum(s.status = 'read') AS read, sum(p.starred) AS starred, sum(p.has_note) AS notes
         FROM papers p JOIN paper_status s ON s.paper_id = p.id`
    )
    .get() as Record<string, number>
  const digestUnread = db
    .prepare(
      `SELECT (SELECT count(*) FROM digest_papers dp CROSS JOIN paper_status s ON s.paper_id = dp.paper_id
               WHERE dp.digest_id = d.id AND s.status = 'unread') FROM digests d ORDER BY d.id`
    )
    .pluck()
    .all() as number[]
  return { views: v, digestUnread }
}
const kept = (db: DB): { views: Record<string, number>; digestUnread: number[] } => ({
  views: { ...counts(db).views },
  digestUnread: db.prepare('SELECT unread_count FROM digests ORDER BY id').pluck().all() as number[]
})

describe(`undo at ${PAPERS.toLocaleString('en')} papers`, () => {
  let t: ReturnType<typeof tempLibrary>
  beforeAll(async () => {
    t = tempLibrary()
    await populateLibraryQuickly(t.lib, { papers: PAPERS, digests: 300 })
    // A mix: every tenth paper is being read, every seventh starred.
    t.lib.db.exec(
      "UPDATE paper_status SET status = 'reading' WHERE paper_id % 10 = 0; UPDATE papers SET starred = 1 WHERE id % 7 = 0"
    )
  }, 120_000)
  afterAll(() => t.cleanup())

  it('restoreStatus puts back 270,000 changes of one status (a stack overflow before)', () => {
    const db = t.lib.db
    const before = statuses(db)
    const ids = db.prepare("SELECT paper_id FROM paper_status WHERE status = 'unread'").pluck().all() as number[]
    expect(ids.length).toBe(270_000)
    const change = setStatus(db, ids, 'read')
    expect(change.changed.length).toBe(270_000)
    expect(kept(db)).toEqual(recounted(db))
    restoreStatus(db, change.changed)
    expect(statuses(db)).toBe(before)
    expect(kept(db)).toEqual(recounted(db))
  })

  it('marks the whole Unread view read in one statement; undoViewChange puts every paper back', () => {
    const db = t.lib.db
    const before = statuses(db)
    const change = setViewStatus(db, { view: 'unread' }, 'read')
    expect(change.view?.total).toBe(270_000)
    expect(change.changed).toEqual([]) // too many to list: the library kept them for undo
    expect(counts(db).views.unread).toBe(0)
    expect(kept(db)).toEqual(recounted(db))

    // Meanwhile the user marks one of them unread again: undo still puts each paper back.
    const one = db.prepare("SELECT paper_id FROM paper_status WHERE status = 'read' LIMIT 1").pluck().get() as number
    setStatus(db, [one], 'reading')
    const t0 = performance.now()
    expect(undoViewChange(db, change.view!.undoId).restored).toBe(270_000)
    expect(performance.now() - t0).toBeLessThan(20_000) // seconds at most, even on a loaded machine
    expect(statuses(db)).toBe(before)
    expect(kept(db)).toEqual(recounted(db))
    // Undone once: a second undo is refused, and changes nothing.
    expect(() => undoViewChange(db, change.view!.undoId)).toThrow(/can no longer be undone/)
    expect(statuses(db)).toBe(before)
  })

  it('stars the whole library and undoes it', () => {
    const db = t.lib.db
    const before = stars(db)
    const change = setViewStarred(db, { view: 'all' }, true)
    expect(change.view?.total).toBe(PAPERS - Math.floor(PAPERS / 7))
    expect(counts(db).views.starred).toBe(PAPERS)
    expect(undoViewChange(db, change.view!.undoId).restored).toBe(change.view!.total)
    expect(stars(db)).toBe(before)
    expect(kept(db)).toEqual(recounted(db))
  })
})
