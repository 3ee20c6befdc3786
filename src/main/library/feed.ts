/**
 * The feed: keyset-paged queries over one view (smart view, digest, tag) in one sort order,
 * and ranked search with the same filters. The renderer never loads the whole library.
 */
import type { FeedPage, FeedQuery, Sort, View } from '../../preload/api'
import { feedQuery } from '../../preload/api'
import type { DB } from './db'
import { LibraryError } from './db'
import { ROW_COLUMNS, toRow, type RowRecord } from './papers'
import { parseQuery } from './search'
import { stmt } from './statements'

const VIEW_FILTER: Record<View, string | null> = {
  all: null,
  unread: "p.status = 'unread'",
  reading: "p.status = 'reading'",
  read: "p.status = 'read'",
  starred: 'p.starred = 1',
  notes: 'p.has_note = 1'
}

interface Order {
  /** Columns of the keyset, in order, each with its direction. */
  keys: { expr: string; desc: boolean }[]
}

const ORDERS: Record<Sort, Order> = {
  digest: { keys: [{ expr: 'p.digest_date', desc: true }, { expr: 'p.id', desc: true }] },
  firstSeen: { keys: [{ expr: 'p.first_seen', desc: true }, { expr: 'p.id', desc: true }] },
  title: { keys: [{ expr: 'p.title_key', desc: false }, { expr: 'p.id', desc: false }] }
}
const DIGEST_ORDER: Order = { keys: [{ expr: 'dp.position', desc: false }, { expr: 'p.id', desc: false }] }

function decodeCursor(cursor: string | undefined, n: number): unknown[] | null {
  if (!cursor) return null
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v
  } catch {
    /* fall through */
  }
  throw new LibraryError('bad-cursor', 'Invalid feed cursor')
}
const encodeCursor = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url')

export function feedPage(db: DB, input: FeedQuery): FeedPage {
  const q = feedQuery.parse(input)
  const parsed = q.query ? parseQuery(q.query) : null
  const where: string[] = []
  const params: unknown[] = []
  let from = 'papers p'

  const viewFilter = VIEW_FILTER[q.view]
  if (viewFilter) where.push(viewFilter)
  if (q.digestId !== undefined) {
    from = 'digest_papers dp JOIN papers p ON p.id = dp.paper_id'
    where.push('dp.digest_id = ?')
    params.push(q.digestId)
  }
  const tag = parsed?.tag ?? q.tag
  if (tag) {
    where.push('p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?)')
    params.push(tag)
  }
  if (parsed?.status) {
    where.push('p.status = ?')
    params.push(parsed.status)
  }
  if (parsed?.starred) where.push('p.starred = 1')
  if (parsed?.digestDate) {
    where.push('p.id IN (SELECT dp2.paper_id FROM digest_papers dp2 JOIN digests d2 ON d2.id = dp2.digest_id WHERE d2.digest_date = ?)')
    params.push(parsed.digestDate)
  }

  if (parsed?.match) {
    // Ranked search: bm25 with title weighted highest; paged by offset (rank is not a stable key).
    const offset = q.cursor ? Number(decodeCursor(q.cursor, 1)![0]) : 0
    const joins = q.digestId !== undefined ? 'JOIN digest_papers dp ON dp.paper_id = p.id' : ''
    // Without filters, rank inside FTS5 and join only the page's rows; with filters, join first.
    const sql = where.length
      ? `SELECT ${ROW_COLUMNS} FROM search_index s JOIN papers p ON p.id = s.rowid ${joins}
          WHERE search_index MATCH ? ${where.map((w) => `AND ${w}`).join(' ')}
          ORDER BY bm25(search_index, 10.0, 1.0, 4.0, 2.0), p.id LIMIT ? OFFSET ?`
      : `SELECT ${ROW_COLUMNS} FROM (
           SELECT rowid AS rid, bm25(search_index, 10.0, 1.0, 4.0, 2.0) AS score FROM search_index
            WHERE search_index MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?
         ) s JOIN papers p ON p.id = s.rid ORDER BY s.score, p.id`
    const rows = stmt<unknown[], RowRecord>(db, sql).all(parsed.match, ...params, q.limit + 1, offset)
    const more = rows.length > q.limit
    return {
      items: rows.slice(0, q.limit).map(toRow),
      nextCursor: more ? encodeCursor([offset + q.limit]) : null,
      terms: parsed.terms
    }
  }

  const order = q.digestId !== undefined ? DIGEST_ORDER : ORDERS[q.sort]
  const cursor = decodeCursor(q.cursor, order.keys.length)
  if (cursor) {
    // Row-value comparison; all keys share one direction so one comparison is exact.
    const desc = order.keys[0]!.desc
    where.push(`(${order.keys.map((k) => k.expr).join(', ')}) ${desc ? '<' : '>'} (${order.keys.map(() => '?').join(', ')})`)
    params.push(...cursor)
  }
  const orderBy = order.keys.map((k) => `${k.expr}${k.desc ? ' DESC' : ''}`).join(', ')
  const keyCols = order.keys.map((k, i) => `${k.expr} AS k${i}`).join(', ')
  const sql = `SELECT ${ROW_COLUMNS}, ${keyCols} FROM ${from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy} LIMIT ?`
  const rows = stmt<unknown[], RowRecord & Record<string, unknown>>(db, sql).all(...params, q.limit + 1)
  const more = rows.length > q.limit
  const page = rows.slice(0, q.limit)
  const lastRow = page[page.length - 1]
  return {
    items: page.map(toRow),
    nextCursor: more && lastRow ? encodeCursor(order.keys.map((_, i) => lastRow[`k${i}`])) : null,
    terms: []
  }
}

export function search(db: DB, query: string, limit: number): FeedPage {
  return feedPage(db, { query, limit })
}
