/**
 * "Mark all in this view read" (setViewStatus) and its star twin on a generated library: every
 * paper the view lists changes, nothing else does, counts (views and per-digest) follow, and the
 * returned change undoes it exactly with restoreStatus / setStarred.
 */
import { MAX_FEED_PAGE } from '../../../src/shared/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Status } from '../../../src/shared/contract'
import { counts } from '../../../src/main/library/counts'
import { feedPage, type ViewFilter } from '../../../src/main/library/feed'
import type { DB } from '../../../src/main/library/db'
import { LibraryError } from '../../../src/main/library/db'
import { restoreStatus, setStarred } from '../../../src/main/library/status'
import { REBUILD_STATUS_INDEX_SHARE } from '../../../src/main/library/status-moves'
import { tagPapers } from '../../../src/main/library/tags'
import { setViewStarred, setViewStatus, undoViewChange, VIEW_CHANGES_KEPT } from '../../../src/main/library/view-status'
import { populateLibrary } from '../../helpers/generate'
import { tempLibrary } from '../../helpers/temp'

/** Every paper id the feed lists for these filters, walking all pages. */
function listed(db: DB, f: ViewFilter): number[] {
  const out: number[] = []
  let cursor: string | undefined
  do {
    const page = feedPage(db, { ...f, limit: MAX_FEED_PAGE, cursor })
    out.push(...page.items.map((r) => r.id))
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return out
}

const snapshot = (db: DB): Map<number, { status: Status; starred: number }> =>
  new Map(
    (
      db.prepare('SELECT p.id, s.status, p.starred FROM papers p JOIN paper_status s ON s.paper_id = p.id').all() as {
        id: number
        status: Status
        starred: number
      }[]
    ).map((r) => [r.id, { status: r.status, starred: r.starred }])
  )
const digestUnread = (db: DB): number[] =>
  db.prepare('SELECT unread_count FROM digests ORDER BY id').pluck().all() as number[]
const digestUnreadRecomputed = (db: DB): number[] =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM digest_papers dp CROSS JOIN paper_status s ON s.paper_id = dp.paper_id
               WHERE dp.digest_id = d.id AND s.status = 'unread') FROM digests d ORDER BY d.id`
    )
    .pluck()
    .all() as number[]

describe('setViewStatus / setViewStarred: whole-view changes in one statement', () => {
  let t: ReturnType<typeof tempLibrary>
  beforeAll(async () => {
    t = tempLibrary()
    await populateLibrary(t.lib, { papers: 3_000, digests: 30, seed: 7 })
    const some = t.lib.db.prepare('SELECT id FROM papers ORDER BY id LIMIT 200 OFFSET 100').pluck().all() as number[]
    tagPapers(t.lib.db, some, ['survey'])
  }, 120_000)
  afterAll(() => t.cleanup())

  const cases: [string, ViewFilter][] = [
    ['the Unread view', { view: 'unread' }],
    ['a digest', { view: 'all', digestId: 12 }],
    ['a tag', { view: 'all', tag: 'survey' }],
    ['a search with filters', { view: 'all', query: 'quantization status:unread' }],
    ['a search in the Starred view', { view: 'starred', query: 'learning' }],
    ['a digest-date filter', { view: 'unread', query: 'digest:2022-01-05' }]
  ]

  it.each(cases)('marks exactly the papers of %s read, and undo restores them', (_name, filter) => {
    const db = t.lib.db
    const before = snapshot(db)
    const countsBefore = counts(db)
    const inView = new Set(listed(db, filter))
    expect(inView.size).toBeGreaterThan(0)
    const expected = [...inView].filter((id) => before.get(id)!.status !== 'read')

    const change = setViewStatus(db, filter, 'read')
    expect(change.changed.map((c) => c.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b))
    for (const c of change.changed) expect(c.status).toBe(before.get(c.id)!.status)
    const after = snapshot(db)
    for (const [id, row] of after) expect(row.status).toBe(inView.has(id) ? 'read' : before.get(id)!.status)
    expect(counts(db).views.read).toBe(countsBefore.views.read + expected.length)
    expect(digestUnread(db)).toEqual(digestUnreadRecomputed(db))
    // Already done: a second run changes nothing.
    expect(setViewStatus(db, filter, 'read').changed).toEqual([])

    restoreStatus(db, change.changed)
    expect(snapshot(db)).toEqual(before)
    expect(counts(db)).toEqual(countsBefore)
  })

  it.each(cases)('undoViewChange puts %s back as it was, counts included', (_name, filter) => {
    const db = t.lib.db
    const before = snapshot(db)
    const countsBefore = counts(db)
    const change = setViewStatus(db, filter, 'reading')
    expect(change.view?.total).toBe(change.changed.length)
    expect(undoViewChange(db, change.view!.undoId).restored).toBe(change.view!.total)
    expect(snapshot(db)).toEqual(before)
    expect(counts(db)).toEqual(countsBefore)
    expect(digestUnread(db)).toEqual(digestUnreadRecomputed(db))
  })

  it(`keeps the newest ${VIEW_CHANGES_KEPT} whole-view changes for undo; an older one is refused, changing nothing`, () => {
    const db = t.lib.db
    const first = setViewStarred(db, { view: 'all', digestId: 5 }, true)
    for (let i = 0; i < VIEW_CHANGES_KEPT; i++) setViewStarred(db, { view: 'all', digestId: 6 }, i % 2 === 0)
    const before = snapshot(db)
    expect(() => undoViewChange(db, first.view!.undoId)).toThrow(/can no longer be undone/)
    expect(snapshot(db)).toEqual(before)
    expect(db.prepare('SELECT count(*) FROM view_changes').pluck().get()).toBe(VIEW_CHANGES_KEPT)
  })

  it('stars a whole view and undoes it with setStarred', () => {
    const db = t.lib.db
    const before = snapshot(db)
    const filter: ViewFilter = { view: 'unread', digestId: 3 }
    const inView = new Set(listed(db, filter))
    const change = setViewStarred(db, filter, true)
    expect(change.changed.length).toBe([...inView].filter((id) => !before.get(id)!.starred).length)
    for (const [id, row] of snapshot(db)) expect(row.starred).toBe(inView.has(id) ? 1 : before.get(id)!.starred)
    setStarred(
      db,
      change.changed.map((c) => c.id),
      false
    )
    expect(snapshot(db)).toEqual(before)
  })

  it('undoes 68% of the library (every unread paper) quickly: restore is linear', () => {
    const db = t.lib.db
    const before = snapshot(db)
    const change = setViewStatus(db, { view: 'all' }, 'read')
    expect(counts(db).views.read).toBe(before.size)
    const start = performance.now()
    restoreStatus(db, change.changed)
    expect(performance.now() - start).toBeLessThan(5_000)
    expect(snapshot(db)).toEqual(before)
  })

  it('a change of most of the library builds the status index again in its own transaction', () => {
    const db = t.lib.db
    const indexSql = (): unknown =>
      db.prepare("SELECT sql FROM sqlite_master WHERE name = 'paper_status_by_digest'").pluck().get()
    const page = (): number[] => feedPage(db, { view: 'read', sort: 'digest', limit: 50 }).items.map((p) => p.id)
    const sql = indexSql()
    const before = snapshot(db)
    const readBefore = page()
    // Undone by an outer rollback: the dropped index comes back with the statuses.
    expect(() =>
      db.transaction(() => {
        setViewStatus(db, { view: 'all' }, 'read')
        expect(indexSql()).toBe(sql)
        throw new Error('cancelled')
      })()
    ).toThrow('cancelled')
    expect(indexSql()).toBe(sql)
    expect(snapshot(db)).toEqual(before)
    expect(page()).toEqual(readBefore)
    // Made and undone: the index is there and serves the Read view in date order.
    const change = setViewStatus(db, { view: 'unread' }, 'read')
    expect(change.view!.total).toBeGreaterThanOrEqual(REBUILD_STATUS_INDEX_SHARE * before.size)
    expect(indexSql()).toBe(sql)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT s.paper_id FROM papers p JOIN paper_status s ON s.paper_id = p.id
          WHERE s.status = 'read' ORDER BY s.digest_date DESC, s.paper_id LIMIT 50`
      )
      .all() as { detail: string }[]
    expect(plan.map((r) => r.detail).join(' | ')).toMatch(/USING (COVERING )?INDEX paper_status_by_digest/)
    expect(plan.map((r) => r.detail).join(' | ')).not.toMatch(/TEMP B-TREE/)
    undoViewChange(db, change.view!.undoId)
    expect(snapshot(db)).toEqual(before)
    expect(page()).toEqual(readBefore)
  })

  it('a malformed query is a bad-query LibraryError, and nothing changes', () => {
    const db = t.lib.db
    const before = snapshot(db)
    expect(() => setViewStatus(db, { view: 'all', query: 'status:bogus' }, 'read')).toThrow(LibraryError)
    expect(snapshot(db)).toEqual(before)
  })
})
