/** Reading status and stars, single and bulk. Every change reports what it replaced, for undo. */
import type { StarChange, Status, StatusChange } from '../../shared/contract'
import type { DB } from './db'
import { nowIso, stmt } from './statements'
import { applyStatusMoves, movedBefore, startStatusMoves } from './status-moves'

export function setStatus(db: DB, ids: number[], status: Status): StatusChange {
  return db
    .transaction((): StatusChange => {
      startStatusMoves(db)
      stmt(
        db,
        `INSERT INTO temp.status_moves (id, before, after)
           SELECT paper_id, status, ? FROM paper_status WHERE paper_id IN (SELECT value FROM json_each(?)) AND status != ?`
      ).run(status, JSON.stringify(ids), status)
      applyStatusMoves(db, nowIso(), status)
      return { changed: movedBefore<Status>(db) }
    })
    .immediate()
}

/**
 * Undo: put each paper back to the status it had, in one statement whatever the number of papers.
 * Returns the statuses it replaced (for redo).
 */
export function restoreStatus(db: DB, changes: { id: number; status: Status }[]): StatusChange {
  return db
    .transaction((): StatusChange => {
      startStatusMoves(db)
      // [[id, status], …] as one JSON parameter: no list is ever spread into arguments.
      const pairs = JSON.stringify(changes.map((c) => [c.id, c.status]))
      stmt(
        db,
        `INSERT OR REPLACE INTO temp.status_moves (id, before, after)
           SELECT s.paper_id, s.status, j.value ->> 1 FROM json_each(?) j JOIN paper_status s ON s.paper_id = j.value ->> 0
            WHERE s.status != j.value ->> 1`
      ).run(pairs)
      applyStatusMoves(db, nowIso())
      return { changed: movedBefore<Status>(db) }
    })
    .immediate()
}

export function setStarred(db: DB, ids: number[], starred: boolean): StarChange {
  return db
    .transaction((): StarChange => {
      const json = JSON.stringify(ids)
      const flag = starred ? 1 : 0
      const changed = stmt<[string, number], { id: number; starred: number }>(
        db,
        'SELECT id, starred FROM papers WHERE id IN (SELECT value FROM json_each(?)) AND starred != ?'
      )
        .all(json, flag)
        .map((r) => ({ id: r.id, starred: r.starred === 1 }))
      stmt(db, 'UPDATE papers SET starred = ? WHERE id IN (SELECT value FROM json_each(?)) AND starred != ?').run(
        flag,
        json,
        flag
      )
      return { changed }
    })
    .immediate()
}
