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
import type { Status } from '../../shared/contract'
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

/**
 * Apply the moves in temp.status_moves (each with before != after, the paper's status now); returns
 * how many changed. `to`: every move's status after, when they share one (a constant in the UPDATE).
 */
export function applyStatusMoves(db: DB, changedAt: string, to?: Status): number {
  const bulkBefore = stmt<[], { bulk: number }>(db, 'SELECT bulk FROM import_state WHERE id = 1').get()!.bulk
  stmt(db, 'UPDATE import_state SET bulk = 1 WHERE id = 1').run()
  try {
    const moves = stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM temp.status_moves').get()!.n
    if (moves === 0) return 0
    const large = moves >= REBUILD_STATUS_INDEX_SHARE * libraryPapers(db)
    const rebuild = large ? statusIndexSql(db) : null
    if (rebuild) db.exec('DROP INDEX paper_status_by_digest')
    // Walks the moves (not the papers: an UPDATE … FROM would scan the million papers' index).
    const n = (
      to
        ? stmt(
            db,
            'UPDATE paper_status SET status = ?, changed_at = ? WHERE paper_id IN (SELECT id FROM temp.status_moves)'
          ).run(to, changedAt)
        : stmt(
            db,
            `UPDATE paper_status SET status = (SELECT after FROM temp.status_moves m WHERE m.id = paper_status.paper_id),
               changed_at = ?
              WHERE paper_id IN (SELECT id FROM temp.status_moves)`
          ).run(changedAt)
    ).changes
    if (rebuild) db.exec(rebuild)
    stmt(
      db,
      `UPDATE library_counts SET unread = unread + c.u, reading = reading + c.g, read = read + c.r
         FROM (SELECT coalesce(sum((after = 'unread') - (before = 'unread')), 0) AS u,
                      coalesce(sum((after = 'reading') - (before = 'reading')), 0) AS g,
                      coalesce(sum((after = 'read') - (before = 'read')), 0) AS r
                 FROM temp.status_moves WHERE before != after) c
        WHERE library_counts.id = 1`
    ).run()
    // Each digest's unread count moves by its papers that left or joined Unread. A few moves: look up
    // each one's digests. Most of the library: walk every digest's list in order once instead (no sort).
    const links = large
      ? 'digest_papers dp CROSS JOIN temp.status_moves m ON m.id = dp.paper_id'
      : 'temp.status_moves m CROSS JOIN digest_papers dp ON dp.paper_id = m.id'
    stmt(
      db,
      `UPDATE digests SET unread_count = unread_count + d.delta
         FROM (SELECT dp.digest_id AS digest_id, sum(CASE WHEN m.after = 'unread' THEN 1 ELSE -1 END) AS delta
                 FROM ${links}
                WHERE (m.after = 'unread') != (m.before = 'unread')
                GROUP BY dp.digest_id) d
        WHERE digests.id = d.digest_id`
    ).run()
    return n
  } finally {
    stmt(db, 'UPDATE import_state SET bulk = ? WHERE id = 1').run(bulkBefore)
  }
}

/**
 * A change of at least this share of the library (a whole view marked read) drops the status index
 * and builds it again after the UPDATE, in the same transaction: one sort of a million entries
 * (0.6 s) instead of 1.4 million B-tree deletes and inserts (1.5 s for 680,000 papers); the digests'
 * counts then walk every digest's list once (0.27 s) rather than look up each paper's (0.55 s).
 */
export const REBUILD_STATUS_INDEX_SHARE = 0.25

const libraryPapers = (db: DB): number =>
  stmt<[], { papers: number }>(db, 'SELECT papers FROM library_counts WHERE id = 1').get()?.papers ?? 0

function statusIndexSql(db: DB): string | null {
  return (
    stmt<[], { sql: string }>(
      db,
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'paper_status_by_digest'"
    ).get()?.sql ?? null
  )
}

/** The moves as (id, status before) pairs, for undo; built with a loop (never a spread of an unbounded list). */
export function movedBefore<S extends string>(db: DB): { id: number; status: S }[] {
  return stmt<[], { id: number; status: S }>(
    db,
    'SELECT id, before AS status FROM temp.status_moves WHERE before != after ORDER BY id'
  ).all()
}
