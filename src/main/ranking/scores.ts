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
import { MIN_STRONG, type Scored } from './ranker'

/** Rows per write transaction: another writer (a star, an import) never waits long for the lock. */
const CHUNK = 20_000

/**
 * Replaces the stored scores. Chunked: between two chunks the view may show old and new scores side
 * by side for a moment, which is harmless; the papers no longer ranked (read meanwhile) are dropped.
 */
export function writeScores(db: DB, ranked: Scored[]): void {
  const insert = db.prepare('INSERT OR REPLACE INTO paper_scores (paper_id, score, why) VALUES (?, ?, ?)')
  for (let i = 0; i < ranked.length; i += CHUNK) {
    db.transaction(() => {
      for (let k = i; k < Math.min(i + CHUNK, ranked.length); k++) {
        const s = ranked[k]!
        insert.run(s.id, s.score, s.why ?? null)
      }
    }).immediate()
  }
  db.transaction(() => {
    if (!ranked.length) db.prepare('DELETE FROM paper_scores').run()
    else
      db.prepare(
        "DELETE FROM paper_scores WHERE paper_id IN (SELECT id FROM papers WHERE status != 'unread') OR paper_id NOT IN (SELECT id FROM papers)"
      ).run()
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
      WHERE p.status = 'unread' ${after ? 'AND (s.score < ? OR (s.score = ? AND s.paper_id > ?))' : ''}
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
