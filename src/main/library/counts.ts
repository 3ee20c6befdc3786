/** Live counts for the sidebar: smart views, digests, tags. */
import type { Counts } from '../../shared/contract'
import type { DB } from './db'
import { digestCounts } from './digests'
import { stmt } from './statements'

export function counts(db: DB): Counts {
  // Grouped over the covering index papers_counts: never reads the paper rows.
  const groups = stmt<[], { status: string; starred: number; has_note: number; n: number }>(
    db,
    'SELECT status, starred, has_note, count(*) AS n FROM papers INDEXED BY papers_counts GROUP BY status, starred, has_note'
  ).all()
  const v: Record<string, number> = { all: 0, unread: 0, reading: 0, read: 0, starred: 0, notes: 0 }
  for (const g of groups) {
    v.all! += g.n
    v[g.status]! += g.n
    if (g.starred) v.starred! += g.n
    if (g.has_note) v.notes! += g.n
  }
  const n = (k: string): number => v[k] ?? 0
  const tags = stmt<[], { name: string; count: number }>(
    db,
    'SELECT t.name, count(pt.paper_id) AS count FROM tags t LEFT JOIN paper_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY t.name'
  ).all()
  return {
    views: {
      all: n('all'),
      unread: n('unread'),
      reading: n('reading'),
      read: n('read'),
      starred: n('starred'),
      notes: n('notes')
    },
    digests: digestCounts(db),
    tags
  }
}
