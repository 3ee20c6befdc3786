/**
 * Set-based status changes. A writer fills the connection's temp table `status_moves` (paper id,
 * status before, status after) with one INSERT … SELECT, then `applyStatusMoves` changes every paper
 * in one UPDATE and adds up the counts the per-row triggers would have kept (the smart views' counts
 * in library_counts and each digest's unread count) in one grouped statement each. The triggers are
 * off meanwhile (import_state.bulk, set and cleared inside the caller's transaction, so no other
 * connection ever sees it set). 10,000 papers or 680,000 cost one statement each, not a trigger run
 * per paper against the digests.
 *
 * Must run inside a write transaction.
 */
import type { DB } from './db'
import { stmt } from './statements'

const prepared = new WeakSet<DB>()

/** Create (once per connection) and empty the temp table; returns nothing, the table is `temp.status_moves`. */
export function startStatusMoves(db: DB): void {
  if (!prepared.has(db)) {
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS status_moves (id INTEGER PRIMARY KEY, before TEXT NOT NULL, after TEXT NOT NULL)'
    )
    prepared.add(db)
  }
  stmt(db, 'DELETE FROM temp.status_moves').run()
}

/** Apply the moves in temp.status_moves (each with before != after, the paper's status now); returns how many changed. */
export function applyStatusMoves(db: DB, changedAt: string): number {
  const bulkBefore = stmt<[], { bulk: number }>(db, 'SELECT bulk FROM import_state WHERE id = 1').get()!.bulk
  stmt(db, 'UPDATE import_state SET bulk = 1 WHERE id = 1').run()
  try {
    const n = stmt(
      db,
      // Walks the moves (not the papers: an UPDATE … FROM would scan the million papers' index).
      `UPDATE papers SET status = (SELECT after FROM temp.status_moves m WHERE m.id = papers.id), status_changed_at = ?
        WHERE id IN (SELECT id FROM temp.status_moves)`
    ).run(changedAt).changes
    if (n === 0) return 0
    stmt(
      db,
      `UPDATE library_counts SET unread = unread + c.u, reading = reading + c.g, read = read + c.r
         FROM (SELECT coalesce(sum((after = 'unread') - (before = 'unread')), 0) AS u,
                      coalesce(sum((after = 'reading') - (before = 'reading')), 0) AS g,
                      coalesce(sum((after = 'read') - (before = 'read')), 0) AS r
                 FROM temp.status_moves WHERE before != after) c
        WHERE library_counts.id = 1`
    ).run()
    stmt(
      db,
      `UPDATE digests SET unread_count = unread_count + d.delta
         FROM (SELECT dp.digest_id AS digest_id, sum(CASE WHEN m.after = 'unread' THEN 1 ELSE -1 END) AS delta
                 FROM temp.status_moves m CROSS JOIN digest_papers dp ON dp.paper_id = m.id
                WHERE (m.after = 'unread') != (m.before = 'unread')
                GROUP BY dp.digest_id) d
        WHERE digests.id = d.digest_id`
    ).run()
    return n
  } finally {
    stmt(db, 'UPDATE import_state SET bulk = ? WHERE id = 1').run(bulkBefore)
  }
}

/** The moves as (id, status before) pairs, for undo; built with a loop (never a spread of an unbounded list). */
export function movedBefore<S extends string>(db: DB): { id: number; status: S }[] {
  return stmt<[], { id: number; status: S }>(
    db,
    'SELECT id, before AS status FROM temp.status_moves WHERE before != after ORDER BY id'
  ).all()
}
