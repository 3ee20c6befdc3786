/**
 * The feed: keyset-paged queries over one view (smart view, digest, tag) in one sort order,
 * and ranked search with the same filters. The renderer never loads the whole library.
 */
import type { FeedPage, FeedQuery, Sort, Status, View } from '../../shared/contract'
import { feedQuery } from '../../shared/contract'
import type { DB } from './db'
import { LibraryError } from './db'
import { PAPERS_WITH_STATUS, ROW_COLUMNS, STATUS_JOIN, toRow, type RowRecord } from './papers'
import { parseQuery, statusOverridesView, type ParsedQuery } from './search'
import { NEWEST_FIRST_NOTE, newestFirstPage, planSearch, type SearchPlan } from './search-plan'
import { stmt } from './statements'

const VIEW_FILTER: Record<View, string | null> = {
  all: null,
  unread: "s.status = 'unread'",
  reading: "s.status = 'reading'",
  read: "s.status = 'read'",
  starred: 'p.starred = 1',
  notes: 'p.has_note = 1'
}

/** `+s.status`: SQLite may not use the status index for this clause (it walks another order and checks). */
export const unindexedStatus = (clause: string): string => clause.replace(/^s\.status = /, '+s.status = ')

/**
 * Whether the papers of one status are few enough to find by the status index and sort (about
 * `count` rows) rather than walking the sort's own index and checking each paper's status (about
 * `limit × papers / count` rows): at a million papers and pages of 100, a status of up to about
 * 10,000 papers is sorted (a Reading view, an Unread view nearly done), a bigger one walked.
 */
function fewOfStatus(db: DB, status: Status, limit: number): boolean {
  const c = stmt<[], Record<'papers' | Status, number>>(
    db,
    'SELECT papers, unread, reading, read FROM library_counts WHERE id = 1'
  ).get()
  return !c || c[status] * c[status] <= limit * c.papers
}

interface Order {
  /** Columns of the keyset, in order, each with its direction. */
  keys: { expr: string; desc: boolean }[]
}

const ORDERS: Record<Sort, Order> = {
  digest: {
    keys: [
      { expr: 'p.digest_date', desc: true },
      { expr: 'p.id', desc: false }
    ]
  },
  firstSeen: {
    keys: [
      { expr: 'p.first_seen', desc: true },
      { expr: 'p.id', desc: false }
    ]
  },
  title: {
    keys: [
      { expr: 'p.title_key', desc: false },
      { expr: 'p.id', desc: false }
    ]
  }
}
/** A status view by digest date: the order of the status index, paper_status_by_digest. */
const STATUS_DIGEST_ORDER: Order = {
  keys: [
    { expr: 's.digest_date', desc: true },
    { expr: 's.paper_id', desc: false }
  ]
}
const DIGEST_ORDER: Order = {
  keys: [
    { expr: 'dp.position', desc: false },
    { expr: 'p.id', desc: false }
  ]
}

function decodeCursor(cursor: string | undefined, n: number | 'any'): unknown[] | null {
  if (!cursor) return null
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (
      Array.isArray(v) &&
      (n === 'any' || v.length === n) &&
      v.every((x) => typeof x === 'string' || typeof x === 'number')
    )
      return v
  } catch {
    /* fall through */
  }
  throw new LibraryError('bad-cursor', 'Invalid feed cursor')
}
const encodeCursor = (values: unknown[]): string => Buffer.from(JSON.stringify(values)).toString('base64url')
/** A search's cursor: [offset] when ranked, ['newest', paper id, 1 if the last word is whole] when newest first. */
function readCursor(cursor: string): unknown[] {
  const v = decodeCursor(cursor, 'any')!
  if ((v.length === 1 && typeof v[0] === 'number') || (v.length === 3 && v[0] === 'newest' && typeof v[1] === 'number'))
    return v
  throw new LibraryError('bad-cursor', 'Invalid feed cursor')
}

/** A feed's filters without paging: the smart view, digest, tag and search query. */
export interface ViewFilter {
  view?: View
  digestId?: number
  tag?: string
  query?: string
}

export interface FilterSql {
  /** FROM clause: papers p and its status s, joined with digest_papers dp for a digest. */
  from: string
  where: string[]
  params: unknown[]
  parsed: ParsedQuery | null
  /** Why the list differs from the view asked for (a status: filter over another status's view). */
  notice: string | null
  /** The one status filtered on (the view's or the query's status:), if any. */
  status: Status | null
}

/** The WHERE clauses (over papers p) for a view, digest, tag and the query's filters, not its words. */
export function filterSql(f: ViewFilter): FilterSql {
  const parsed = f.query?.trim() ? parseQuery(f.query) : null
  // like: ranks by the ranking's similarity (ranking/similar.ts answers it); a whole-view change or
  // an export cannot name its papers here, and must not fall back to the whole view.
  if (parsed?.like !== undefined)
    throw new LibraryError('bad-query', 'like: works in the search box only: select the papers to change or export')
  const where: string[] = []
  const params: unknown[] = []
  let from = PAPERS_WITH_STATUS

  const notice = statusOverridesView(f.view, parsed)
  const viewFilter = notice ? null : VIEW_FILTER[f.view ?? 'all']
  if (viewFilter) where.push(viewFilter)
  if (f.digestId !== undefined) {
    from = `digest_papers dp JOIN papers p ON p.id = dp.paper_id ${STATUS_JOIN}`
    where.push('dp.digest_id = ?')
    params.push(f.digestId)
  }
  const tag = parsed?.tag ?? f.tag
  if (tag) {
    where.push('p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?)')
    params.push(tag)
  }
  if (parsed?.status) {
    where.push('s.status = ?')
    params.push(parsed.status)
  }
  if (parsed?.starred) where.push('p.starred = 1')
  if (parsed && (parsed.arxivIds.length || parsed.dois.length)) {
    // By identity (the unique indexes on arxiv_id and doi), any of the ids typed.
    where.push('(p.arxiv_id IN (SELECT value FROM json_each(?)) OR p.doi IN (SELECT value FROM json_each(?)))')
    params.push(JSON.stringify(parsed.arxivIds), JSON.stringify(parsed.dois))
  }
  if (parsed?.digestDate) {
    where.push(
      'p.id IN (SELECT dp2.paper_id FROM digest_papers dp2 JOIN digests d2 ON d2.id = dp2.digest_id WHERE d2.digest_date = ?)'
    )
    params.push(parsed.digestDate)
  }
  return {
    from,
    where,
    params,
    parsed,
    notice,
    status: parsed?.status ?? (viewFilter?.startsWith('s.') ? (f.view as Status) : null)
  }
}

export function feedPage(db: DB, input: FeedQuery): FeedPage {
  const q = feedQuery.parse(input)
  const { from, where, params, parsed, notice, status } = filterSql(q)
  if (parsed?.tag && !stmt<[string], unknown>(db, 'SELECT 1 FROM tags WHERE name = ?').get(parsed.tag))
    throw new LibraryError('bad-query', `No tag is named "${parsed.tag}": the sidebar lists your tags`)
  const withNotice = notice ? { notice } : {}

  if (parsed?.match) {
    const cursor = q.cursor ? readCursor(q.cursor) : null
    const joins = `${q.digestId !== undefined ? 'JOIN digest_papers dp ON dp.paper_id = p.id' : ''} ${STATUS_JOIN}`
    const filters = where.map((w) => `AND ${w}`).join(' ')
    // Broad (more matches than ranking can score quickly): newest first, said so on the page.
    const plan: SearchPlan = cursor
      ? {
          match: cursor[0] === 'newest' && cursor[2] ? parsed.match.slice(0, -1) : parsed.match,
          broad: cursor[0] === 'newest',
          newest: []
        }
      : planSearch(db, parsed.match)
    const { match } = plan
    if (plan.broad) {
      const passes = stmt<unknown[], number>(db, `SELECT 1 FROM papers p ${joins} WHERE p.id = ? ${filters}`).pluck()
      const byIds = stmt<[string], RowRecord>(
        db,
        `SELECT ${ROW_COLUMNS} FROM papers p WHERE p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id DESC`
      )
      const rest = stmt<unknown[], RowRecord>(
        db,
        `SELECT ${ROW_COLUMNS} FROM papers p ${joins} WHERE p.id < ? ${filters}
           AND p.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?) ORDER BY p.id DESC LIMIT ?`
      )
      const rows = newestFirstPage(
        db,
        match,
        q.limit,
        cursor ? Number(cursor[1]) : Number.MAX_SAFE_INTEGER,
        cursor ? null : plan.newest,
        where.length ? (id) => passes.get(id, ...params) !== undefined : null,
        (ids) => byIds.all(JSON.stringify(ids)),
        (below, n) => rest.all(below, ...params, match, n)
      )
      const page = rows.slice(0, q.limit)
      const last = page[page.length - 1]
      return {
        items: page.map(toRow),
        nextCursor:
          rows.length > q.limit && last ? encodeCursor(['newest', last.id, match === parsed.match ? 0 : 1]) : null,
        terms: parsed.terms,
        ...(cursor ? {} : { note: NEWEST_FIRST_NOTE })
      }
    }
    // Ranked search: bm25 with title weighted highest; paged by offset (rank is not a stable key).
    const offset = cursor ? Number(cursor[0]) : 0
    // Rank inside FTS5 first. Unfiltered: join only the page's rows. Filtered: walk the ranked
    // matches fetching (and filtering) one paper at a time until the page is full, so a filtered
    // search never joins every match.
    const rank = 'bm25(search_index, 10.0, 1.0, 4.0, 2.0)'
    let rows: RowRecord[]
    if (!where.length) {
      rows = stmt<[string, number, number], RowRecord>(
        db,
        `SELECT ${ROW_COLUMNS} FROM (
           SELECT rowid AS rid, ${rank} AS score FROM search_index WHERE search_index MATCH ? ORDER BY score, rowid LIMIT ? OFFSET ?
         ) s CROSS JOIN papers p ON p.id = s.rid ORDER BY s.score, s.rid`
      ).all(match, q.limit + 1, offset)
    } else {
      const ranked = stmt<[string], { rid: number }>(
        db,
        `SELECT rowid AS rid FROM search_index WHERE search_index MATCH ? ORDER BY ${rank}, rowid`
      )
      const fetchRow = stmt<unknown[], RowRecord>(
        db,
        `SELECT ${ROW_COLUMNS} FROM papers p ${joins} WHERE p.id = ? ${filters}`
      )
      rows = []
      let skipped = 0
      for (const { rid } of ranked.iterate(match)) {
        const row = fetchRow.get(rid, ...params)
        if (!row) continue
        if (skipped < offset) skipped++
        else if (rows.push(row) > q.limit) break
      }
    }
    const more = rows.length > q.limit
    return {
      items: rows.slice(0, q.limit).map(toRow),
      nextCursor: more ? encodeCursor([offset + q.limit]) : null,
      terms: parsed.terms,
      ...withNotice
    }
  }

  // A status: by its index in date order when it is the only filter; else by the status index and a
  // sort when its papers are few; else the sort's index (or the digest's list), checking each status.
  const statusOrder = q.digestId === undefined && q.sort === 'digest' && status !== null && where.length === 1
  const order = q.digestId !== undefined ? DIGEST_ORDER : statusOrder ? STATUS_DIGEST_ORDER : ORDERS[q.sort]
  if (status && !statusOrder && (q.digestId !== undefined || !fewOfStatus(db, status, q.limit + 1)))
    where.splice(0, where.length, ...where.map(unindexedStatus))
  const cursor = decodeCursor(q.cursor, order.keys.length)
  if (cursor) {
    // After (k0, k1) in the sort order, keys in either direction: a range on k0 the index can
    // seek to, then the tie-break on k1 among rows that share k0.
    const [k0, k1] = order.keys as [Order['keys'][0], Order['keys'][0]]
    where.push(
      `${k0.expr} ${k0.desc ? '<=' : '>='} ? AND (${k0.expr} ${k0.desc ? '<' : '>'} ? OR ${k1.expr} ${k1.desc ? '<' : '>'} ?)`
    )
    params.push(cursor[0], cursor[0], cursor[1])
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
    terms: [],
    ...withNotice
  }
}

export function search(db: DB, query: string, limit: number): FeedPage {
  return feedPage(db, { query, limit })
}
