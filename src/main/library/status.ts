/** Reading status and stars, single and bulk. Every change reports what it replaced, for undo. */
import type { StarChange, Status, StatusChange } from '../../shared/contract'
import type { DB } from './db'
import { nowIso, stmt } from './statements'

export function setStatus(db: DB, ids: number[], status: Status): StatusChange {
  return db
    .transaction((): StatusChange => {
      const json = JSON.stringify(ids)
      const changed = stmt<[string, string], { id: number; status: Status }>(
        db,
        'SELECT id, status FROM papers WHERE id IN (SELECT value FROM json_each(?)) AND status != ?'
      ).all(json, status)
      if (changed.length) {
        stmt(
          db,
          'UPDATE papers SET status = ?, status_changed_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND status != ?'
        ).run(status, nowIso(), json, status)
      }
      return { changed }
    })
    .immediate()
}

/** Undo: put each paper back to the status it had. Returns the statuses it replaced (for redo). */
export function restoreStatus(db: DB, changes: { id: number; status: Status }[]): StatusChange {
  return db
    .transaction((): StatusChange => {
      const all: StatusChange['changed'] = []
      const byStatus = new Map<Status, number[]>()
      for (const c of changes) {
        const list = byStatus.get(c.status)
        if (list) list.push(c.id)
        else byStatus.set(c.status, [c.id])
      }
      for (const [status, ids] of byStatus) all.push(...setStatus(db, ids, status).changed)
      return { changed: all }
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
