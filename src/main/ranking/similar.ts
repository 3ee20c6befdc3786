/**
 * Similar papers (the paper pane) and `like:<paper>` in the search box: the papers nearest to one
 * by text, from the ranking (worker or in-process), read back as feed rows in that order. A like:
 * search keeps the feed's other filters (view, digest, tag, status, words) and pages by offset, as
 * ranked search does.
 */
import type { FeedPage, FeedQuery, PaperRow, SimilarPapers } from '../../shared/contract'
import { feedQuery } from '../../shared/contract'
import type { DB } from '../library/db'
import { LibraryError } from '../library/db'
import { filterSql, unindexedStatus } from '../library/feed'
import { ROW_COLUMNS, findPaper, toRow, type RowRecord } from '../library/papers'
import { parseQuery } from '../library/search'

export type SimilarIds = (paperId: number, limit: number) => Promise<number[]>

/** How many neighbours a like: search ranks (a page deeper than this is empty). */
const LIKE_DEPTH = 1_000

export async function similarPapers(db: DB, similar: SimilarIds, id: number, limit: number): Promise<SimilarPapers> {
  if (!db.prepare('SELECT 1 FROM papers WHERE id = ?').get(id)) throw new LibraryError('not-found', `No paper ${id}`)
  const ids = await similar(id, limit)
  return { items: rowsInOrder(db, ids) }
}

/** Is this feed query a like: search (which feedPage cannot answer)? */
export function isLikeQuery(query: string | undefined): boolean {
  return !!query?.trim() && parseQuery(query).like !== undefined
}

export async function likePage(db: DB, similar: SimilarIds, input: FeedQuery): Promise<FeedPage> {
  const q = feedQuery.parse(input)
  const parsed = parseQuery(q.query ?? '')
  const paperId = findPaper(db, parsed.like!)
  const rest = (q.query ?? '').replace(/(^|\s)like:\S+/gi, ' ').trim()
  const { from, where, params, parsed: words } = filterSql({ ...q, query: rest || undefined })
  if (words?.match) {
    where.push('p.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)')
    params.push(words.match)
  }
  const offset = q.cursor ? cursorOffset(q.cursor) : 0
  const ranked = await similar(paperId, LIKE_DEPTH)
  const rows = rowsInOrder(db, ranked, from, where, params)
  const page = rows.slice(offset, offset + q.limit)
  return {
    items: page,
    nextCursor:
      rows.length > offset + q.limit ? Buffer.from(JSON.stringify([offset + q.limit])).toString('base64url') : null,
    terms: words?.terms ?? []
  }
}

function cursorOffset(cursor: string): number {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && v.length === 1 && Number.isInteger(v[0]) && (v[0] as number) >= 0) return v[0] as number
  } catch {
    /* fall through */
  }
  throw new LibraryError('bad-cursor', 'Invalid feed cursor')
}

/** The rows of `ids` that pass the filters, in the order of `ids`. */
export function rowsInOrder(
  db: DB,
  ids: number[],
  from = 'papers p',
  where: string[] = [],
  params: unknown[] = []
): PaperRow[] {
  if (!ids.length) return []
  // By the ids (a few hundred), each one's status checked: never every paper of that status.
  const sql = `SELECT ${ROW_COLUMNS} FROM ${from} WHERE p.id IN (SELECT value FROM json_each(?))
    ${where.map((w) => `AND ${unindexedStatus(w)}`).join(' ')}`
  const found = new Map<number, RowRecord>()
  for (const r of db.prepare(sql).all(JSON.stringify(ids), ...params) as RowRecord[]) found.set(r.id, r)
  return ids.flatMap((id) => {
    const r = found.get(id)
    return r ? [toRow(r)] : []
  })
}
