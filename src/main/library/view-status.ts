/**
 * Whole-view changes: "mark all in this view read" (and star/unstar a view). The renderer sends
 * the view's filters (smart view, digest, tag, search query), never the ids: every paper matching
 * them is updated by one UPDATE in one transaction here. What each paper had before is saved in
 * view_change_papers, so `undoViewChange` puts it back with one statement too, however many papers
 * changed (680,000 for a whole Unread view of a big library): no list of ids crosses the bridge.
 * The result lists the changed papers only when there are few (VIEW_CHANGE_LISTED).
 */
import type { StarChange, Status, StatusChange } from '../../shared/contract'
import type { DB } from './db'
import { LibraryError } from './db'
import { filterSql, type ViewFilter } from './feed'
import { nowIso, stmt } from './statements'
import { applyStatusMoves, startStatusMoves } from './status-moves'

/** A whole-view change lists its papers in the result up to this many (enough for every loaded row). */
export const VIEW_CHANGE_LISTED = 5_000
/** Whole-view changes kept for undo (older ones are dropped when a new one is made). */
export const VIEW_CHANGES_KEPT = 20

/**
 * "FROM … WHERE …" over the papers matching the filter, with its parameters; `id` names a paper's id
 * there. A filter on the status alone (the Unread view) reads paper_status only, in id order: the
 * wide paper rows are not read at all.
 */
function matching(f: ViewFilter): { sql: string; params: unknown[]; id: string } {
  const { from, where, params, parsed } = filterSql(f)
  const all = [...where]
  const allParams = [...params]
  if (parsed?.match) {
    all.push('p.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)')
    allParams.push(parsed.match)
  }
  if (f.digestId === undefined && all.every((w) => w.startsWith('s.status = ')))
    return {
      sql: `FROM paper_status s WHERE ${['1', ...all.map((w) => `+${w}`)].join(' AND ')}`,
      params: allParams,
      id: 's.paper_id'
    }
  return { sql: `FROM ${from} WHERE ${all.length ? all.join(' AND ') : '1'}`, params: allParams, id: 'p.id' }
}

/** A new view_changes row, after dropping all but the newest VIEW_CHANGES_KEPT - 1. */
function newChange(db: DB, kind: 'status' | 'starred'): number {
  const oldest = stmt<[number], { id: number }>(
    db,
    'SELECT id FROM view_changes ORDER BY id DESC LIMIT 1 OFFSET ?'
  ).get(VIEW_CHANGES_KEPT - 1)
  if (oldest) {
    stmt(db, 'DELETE FROM view_change_papers WHERE change_id <= ?').run(oldest.id)
    stmt(db, 'DELETE FROM view_changes WHERE id <= ?').run(oldest.id)
  }
  return Number(
    stmt(db, 'INSERT INTO view_changes (kind, made_at, total) VALUES (?, ?, 0)').run(kind, nowIso()).lastInsertRowid
  )
}

function finish(db: DB, changeId: number, total: number): void {
  if (total) stmt(db, 'UPDATE view_changes SET total = ? WHERE id = ?').run(total, changeId)
  else stmt(db, 'DELETE FROM view_changes WHERE id = ?').run(changeId)
}

export function setViewStatus(db: DB, f: ViewFilter, status: Status): StatusChange {
  const m = matching(f)
  return db
    .transaction((): StatusChange => {
      const changeId = newChange(db, 'status')
      // What each paper had before (kept for undo), then one UPDATE over the same set.
      const total = stmt(
        db,
        `INSERT INTO view_change_papers (change_id, paper_id, before)
           SELECT ?, ${m.id}, s.status ${m.sql} AND s.status != ? ORDER BY ${m.id}`
      ).run(changeId, ...m.params, status).changes
      finish(db, changeId, total)
      if (!total) return { changed: [] }
      startStatusMoves(db)
      stmt(
        db,
        'INSERT INTO temp.status_moves (id, before, after) SELECT paper_id, before, ? FROM view_change_papers WHERE change_id = ?'
      ).run(status, changeId)
      applyStatusMoves(db, nowIso(), status)
      return {
        changed: listed(db, changeId, total).map((r) => ({ id: r.id, status: r.before as Status })),
        view: { total, undoId: changeId }
      }
    })
    .immediate()
}

export function setViewStarred(db: DB, f: ViewFilter, starred: boolean): StarChange {
  const m = matching(f)
  const flag = starred ? 1 : 0
  return db
    .transaction((): StarChange => {
      const changeId = newChange(db, 'starred')
      const total = stmt(
        db,
        `INSERT INTO view_change_papers (change_id, paper_id, before)
           SELECT ?, p.id, ? FROM papers p WHERE p.id IN (SELECT ${m.id} ${m.sql}) AND p.starred != ? ORDER BY p.id`
      ).run(changeId, String(1 - flag), ...m.params, flag).changes
      finish(db, changeId, total)
      if (!total) return { changed: [] }
      // The per-row count trigger only touches library_counts for stars: kept on (no digest counts).
      stmt(
        db,
        'UPDATE papers SET starred = ? FROM view_change_papers s WHERE s.change_id = ? AND papers.id = s.paper_id'
      ).run(flag, changeId)
      return {
        changed: listed(db, changeId, total).map((r) => ({ id: r.id, starred: r.before === '1' })),
        view: { total, undoId: changeId }
      }
    })
    .immediate()
}

/** The changed papers with what they had before, when few enough to list (else none). */
function listed(db: DB, changeId: number, total: number): { id: number; before: string }[] {
  if (total > VIEW_CHANGE_LISTED) return []
  return stmt<[number], { id: number; before: string }>(
    db,
    'SELECT paper_id AS id, before FROM view_change_papers WHERE change_id = ? ORDER BY paper_id'
  ).all(changeId)
}

/**
 * Undo a whole-view change: every paper it touched gets back what it had, in one statement.
 * Throws 'undo-gone' when the change is no longer kept (more than VIEW_CHANGES_KEPT changes ago).
 */
export function undoViewChange(db: DB, undoId: number): { restored: number } {
  return db
    .transaction((): { restored: number } => {
      const change = stmt<[number], { kind: 'status' | 'starred' }>(
        db,
        'SELECT kind FROM view_changes WHERE id = ?'
      ).get(undoId)
      if (!change)
        throw new LibraryError(
          'undo-gone',
          'That change can no longer be undone (it was undone already, or is too old).'
        )
      let restored: number
      if (change.kind === 'status') {
        startStatusMoves(db)
        stmt(
          db,
          `INSERT INTO temp.status_moves (id, before, after)
             SELECT c.paper_id, s.status, c.before FROM view_change_papers c JOIN paper_status s ON s.paper_id = c.paper_id
              WHERE c.change_id = ? AND s.status != c.before`
        ).run(undoId)
        // A view of one status (the Unread view) had one status before: set it as a constant.
        const one = stmt<[], { lo: Status | null; hi: Status | null }>(
          db,
          'SELECT min(after) AS lo, max(after) AS hi FROM temp.status_moves'
        ).get()!
        restored = applyStatusMoves(db, nowIso(), one.lo !== null && one.lo === one.hi ? one.lo : undefined)
      } else {
        restored = stmt(
          db,
          `UPDATE papers SET starred = CAST(s.before AS INTEGER) FROM view_change_papers s
            WHERE s.change_id = ? AND papers.id = s.paper_id AND papers.starred != CAST(s.before AS INTEGER)`
        ).run(undoId).changes
      }
      stmt(db, 'DELETE FROM view_change_papers WHERE change_id = ?').run(undoId)
      stmt(db, 'DELETE FROM view_changes WHERE id = ?').run(undoId)
      return { restored }
    })
    .immediate()
}
