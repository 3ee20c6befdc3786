/** Live counts for the sidebar: smart views, digests, tags. */
import type { Counts } from '../../preload/api'
import type { DB } from './db'
import { digestCounts } from './digests'
import { stmt } from './statements'

export function counts(db: DB): Counts {
  const v = stmt<[], Record<string, number | null>>(
    db,
    `SELECT count(*) AS "all",
            sum(status = 'unread') AS unread, sum(status = 'reading') AS reading, sum(status = 'read') AS read,
            sum(starred) AS starred, sum(has_note) AS notes
       FROM papers`
  ).get()!
  const n = (k: string): number => v[k] ?? 0
  const tags = stmt<[], { name: string; count: number }>(
    db,
    'SELECT t.name, count(pt.paper_id) AS count FROM tags t LEFT JOIN paper_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY t.name'
  ).all()
  return {
    views: { all: n('all'), unread: n('unread'), reading: n('reading'), read: n('read'), starred: n('starred'), notes: n('notes') },
    digests: digestCounts(db),
    tags
  }
}
