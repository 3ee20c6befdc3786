/**
 * For you's scores in the library (paper_scores): written by the ranking after each change, read
 * by the feed one keyset page at a time — best first, ties by id — like every other view. The feed
 * never waits for the ranking: it pages whatever scores are stored.
 */
import type { ForYouPage } from '../../shared/contract'
import type { DB } from '../library/db'
import { LibraryError } from '../library/db'
import { ROW_COLUMNS, toRow, type RowRecord } from '../library/papers'
import { stmt } from '../library/statements'
import { MIN_STRONG, type RankResult } from './ranker'

/** Scores per insert statement (one JSON array each: four times faster than a statement per row). */
const CHUNK = 100_000
/** Written first, in a transaction of their own: the top of the view changes at once. */
export const FIRST = 5_000

/**
 * Replaces the stored scores in two transactions: the best FIRST (the top of the view, in tens of
 * milliseconds), then `onFirst`, then the rest (about 0.2 s per 100,000 papers, which another
 * writer may wait for). Between the two, the view pages the best FIRST only.
 */
export function writeScores(db: DB, r: Pick<RankResult, 'ids' | 'scores' | 'top'>, onFirst?: () => void): void {
  const why = new Map(r.top.map((s) => [s.id, s.why ?? null]))
  const insert = db.prepare(
    `INSERT INTO paper_scores (paper_id, score, why) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`
  )
  const n = r.ids.length
  const floor = n > FIRST ? Float64Array.from(r.scores).sort()[n - FIRST]! : -Infinity
  const rows = (first: boolean, from: number, to: number): string => {
    const out: [number, number, string | null][] = []
    for (let k = from; k < to; k++)
      if (r.scores[k]! >= floor === first) out.push([r.ids[k]!, r.scores[k]!, why.get(r.ids[k]!) ?? null])
    return JSON.stringify(out)
  }
  db.transaction(() => {
    db.prepare('DELETE FROM paper_scores').run()
    insert.run(rows(true, 0, n))
  }).immediate()
  onFirst?.()
  if (n <= FIRST) return
  db.transaction(() => {
    for (let i = 0; i < n; i += CHUNK) insert.run(rows(false, i, Math.min(i + CHUNK, n)))
  }).immediate()
}

const encode = (score: number, id: number): string => Buffer.from(JSON.stringify([score, id])).toString('base64url')
function decode(cursor: string): [number, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && Number.isInteger(v[1]))
      return v as [number, number]
  } catch {
    /* fall through */
  }
  throw new LibraryError('bad-cursor', 'Invalid For you cursor')
}

/** One page of For you: unread papers by stored score, best first, each with why when known. */
export function forYouPage(db: DB, q: { cursor?: string; limit: number }): ForYouPage {
  const strong = stmt<[], { n: number }>(
    db,
    'SELECT count(*) AS n FROM papers WHERE starred = 1 OR has_note = 1'
  ).get()!.n
  const base = { strong, needed: MIN_STRONG }
  if (strong < MIN_STRONG) return { ...base, items: [], nextCursor: null, terms: [], why: {} }
  const after = q.cursor ? decode(q.cursor) : null
  const rows = stmt<unknown[], RowRecord & { k0: number; why: string | null }>(
    db,
    `SELECT ${ROW_COLUMNS}, s.score AS k0, s.why AS why FROM paper_scores s CROSS JOIN papers p ON p.id = s.paper_id
        CROSS JOIN paper_status st ON st.paper_id = p.id
      WHERE st.status = 'unread' ${after ? 'AND (s.score < ? OR (s.score = ? AND s.paper_id > ?))' : ''}
      ORDER BY s.score DESC, s.paper_id LIMIT ?`
  ).all(...(after ? [after[0], after[0], after[1]] : []), q.limit + 1)
  const page = rows.slice(0, q.limit)
  const last = page[page.length - 1]
  const why: Record<number, string> = {}
  for (const r of page) if (r.why) why[r.id] = r.why
  return {
    ...base,
    items: page.map(toRow),
    nextCursor: rows.length > q.limit && last ? encode(last.k0, last.id) : null,
    terms: [],
    why
  }
}
