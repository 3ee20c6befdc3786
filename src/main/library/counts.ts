/** Live counts for the sidebar: smart views, digests, tags. */
import type { Counts } from '../../shared/contract'
import type { DB } from './db'
import { digestList } from './digest-list'
import { PAPERS_WITH_STATUS } from './papers'
import { stmt } from './statements'

export function counts(db: DB): Counts {
  // Kept by triggers and set-based writers (migration 0003): one row, never a scan of the papers.
  const v = stmt<[], { papers: number; unread: number; reading: number; read: number; starred: number; noted: number }>(
    db,
    'SELECT papers, unread, reading, read, starred, noted FROM library_counts WHERE id = 1'
  ).get()!
  const tags = stmt<[], { name: string; count: number }>(
    db,
    'SELECT t.name, count(pt.paper_id) AS count FROM tags t LEFT JOIN paper_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY t.name'
  ).all()
  return {
    views: {
      all: v.papers,
      unread: v.unread,
      reading: v.reading,
      read: v.read,
      starred: v.starred,
      notes: v.noted
    },
    digests: digestList(db),
    tags
  }
}

/**
 * Count the smart views again from the papers (one scan). For a writer that changed papers with the
 * per-row count triggers off (import_state.bulk) other than through status-moves.ts: a restore.
 */
export function recountViews(db: DB): void {
  stmt(
    db,
    `UPDATE library_counts SET (papers, unread, reading, read, starred, noted) =
       (SELECT count(*), coalesce(sum(s.status = 'unread'), 0), coalesce(sum(s.status = 'reading'), 0),
               coalesce(sum(s.status = 'read'), 0), coalesce(sum(p.starred), 0), coalesce(sum(p.has_note), 0)
          FROM ${PAPERS_WITH_STATUS})
     WHERE id = 1`
  ).run()
}
