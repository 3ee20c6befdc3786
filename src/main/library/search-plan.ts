/**
 * How a search is answered. Ranking (bm25) scores every match before the first row can be shown:
 * ~1 µs a match, so a word in most of a million papers takes a second. A search matching at most
 * RANK_AT_MOST papers is ranked by relevance; a broader one lists its matches newest first (the
 * search index's own order, read lazily: the first page costs the same whatever the number of
 * matches), and its first page says so in plain words (FeedPage.note).
 *
 * Deciding reads the matches newest first and stops after RANK_AT_MOST + 1; when it gets there, the
 * matches read are the first page's candidates, so a broad search evaluates its words once.
 */
import type { DB } from './db'
import { stmt } from './statements'

export const RANK_AT_MOST = 20_000

export interface SearchPlan {
  /** The FTS5 expression the matches are listed with. */
  match: string
  /** Newest first (too many to rank); `newest` then holds the newest matches read (paper ids, descending). */
  broad: boolean
  newest: number[]
}

/** Up to `cap` matching paper ids, newest first, below `before`. */
function newestMatches(db: DB, match: string, before: number, cap: number): number[] {
  return stmt<[string, number, number], number>(
    db,
    'SELECT rowid FROM search_index WHERE search_index MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?'
  )
    .pluck()
    .all(match, before, cap)
}

/**
 * Rank or not. A last word typed as a prefix (`"learning"*`) is first tried whole: FTS5 gathers
 * every match of a prefix in memory before giving the first (0.3 s for a word in every paper of a
 * million), so a search broad even with the word whole is listed with it whole.
 */
export function planSearch(db: DB, typed: string): SearchPlan {
  if (typed.endsWith('*')) {
    const whole = typed.slice(0, -1)
    const newest = newestMatches(db, whole, Number.MAX_SAFE_INTEGER, RANK_AT_MOST + 1)
    if (newest.length > RANK_AT_MOST) return { match: whole, broad: true, newest }
  }
  const newest = newestMatches(db, typed, Number.MAX_SAFE_INTEGER, RANK_AT_MOST + 1)
  return { match: typed, broad: newest.length > RANK_AT_MOST, newest }
}

/** The note on the first page of a search listed newest first. */
export const NEWEST_FIRST_NOTE =
  `Sorted by date added, newest first: more than ${RANK_AT_MOST.toLocaleString('en')} papers match, ` +
  'too many to rank by relevance. Add words to narrow the search.'

/**
 * One page (limit + 1 rows, to tell whether more follow) of a broad search, newest first, below the
 * paper id `before`. `first`: the newest matches already read by planSearch, if this is the first
 * page. `passes(id)`: the paper is in the view (its filters), or null when there are none; `rows`
 * fetches papers by id (newest first); `rest(below, n)`: the view's remaining matches below an id,
 * in one query (for a view the words are rare in: a digest, a tag).
 */
export function newestFirstPage<R>(
  db: DB,
  match: string,
  limit: number,
  before: number,
  first: number[] | null,
  passes: ((id: number) => boolean) | null,
  rows: (ids: number[]) => R[],
  rest: (below: number, n: number) => R[]
): R[] {
  const candidates = first ?? newestMatches(db, match, before, RANK_AT_MOST)
  if (!passes) return rows(candidates.slice(0, limit + 1))
  const ids: number[] = []
  for (const id of candidates) if (passes(id) && ids.push(id) > limit) return rows(ids)
  const found = rows(ids)
  if (candidates.length < RANK_AT_MOST) return found // every match was looked at
  for (const r of rest(candidates[candidates.length - 1]!, limit + 1 - ids.length)) found.push(r)
  return found
}
