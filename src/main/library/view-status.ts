/**
 * Whole-view changes: "mark all in this view read" (and star/unstar a view). The renderer sends
 * the view's filters (smart view, digest, tag, search query), never the ids: every paper matching
 * them is updated by one UPDATE in one transaction here. The result is the usual StatusChange /
 * StarChange (each paper with what it had before), so `restoreStatus` / `setStarred` undo it.
 */
import type { StarChange, Status, StatusChange } from '../../shared/contract'
import type { DB } from './db'
import { filterSql, type ViewFilter } from './feed'
import { nowIso, stmt } from './statements'

/** "p.id IN (…papers matching the filter…)" with its parameters. */
function matching(f: ViewFilter): { sql: string; params: unknown[] } {
  const { from, where, params, parsed } = filterSql(f)
  const all = [...where]
  const allParams = [...params]
  if (parsed?.match) {
    all.push('p.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)')
    allParams.push(parsed.match)
  }
  return { sql: `SELECT p.id FROM ${from}${all.length ? ` WHERE ${all.join(' AND ')}` : ''}`, params: allParams }
}

export function setViewStatus(db: DB, f: ViewFilter, status: Status): StatusChange {
  const m = matching(f)
  return db
    .transaction((): StatusChange => {
      // What each paper had before (for undo), then one UPDATE over the same set.
      const changed = stmt<unknown[], { id: number; status: Status }>(
        db,
        `SELECT id, status FROM papers WHERE status != ? AND id IN (${m.sql})`
      ).all(status, ...m.params)
      if (changed.length) {
        stmt(db, `UPDATE papers SET status = ?, status_changed_at = ? WHERE status != ? AND id IN (${m.sql})`).run(
          status,
          nowIso(),
          status,
          ...m.params
        )
      }
      return { changed }
    })
    .immediate()
}

export function setViewStarred(db: DB, f: ViewFilter, starred: boolean): StarChange {
  const m = matching(f)
  const flag = starred ? 1 : 0
  return db
    .transaction((): StarChange => {
      const changed = stmt<unknown[], { id: number }>(
        db,
        `SELECT id FROM papers WHERE starred != ? AND id IN (${m.sql})`
      )
        .all(flag, ...m.params)
        .map((r) => ({ id: r.id, starred: !starred }))
      if (changed.length)
        stmt(db, `UPDATE papers SET starred = ? WHERE starred != ? AND id IN (${m.sql})`).run(flag, flag, ...m.params)
      return { changed }
    })
    .immediate()
}
