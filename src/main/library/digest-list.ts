/**
 * The sidebar's digest list, kept by the reader between calls. Every change to a digest is logged
 * by triggers in its own transaction (digest_changes, migration 0004), so a reader that has the list
 * at log position N re-reads only the digests changed since N: a status change touches one or two.
 * A new or removed digest, a changed date (the list's order) or a reader too far behind reads it whole.
 * Each connection keeps its own; the list returned is never changed afterwards (a patch makes a new one).
 */
import type { DigestCount } from '../../shared/contract'
import type { DB } from './db'
import { digestCounts, digestCountsOf } from './digests'
import { stmt } from './statements'

interface Kept {
  seq: number
  list: DigestCount[]
  /** Digest id → its index in `list`. */
  at: Map<number, number>
}

const kept = new WeakMap<DB, Kept>()
/** More changed digests than this: reading the list whole is as quick. */
const PATCH_AT_MOST = 500

function readWhole(db: DB, seq: number): DigestCount[] {
  const list = digestCounts(db)
  kept.set(db, { seq, list, at: new Map(list.map((d, i) => [d.id, i])) })
  return list
}

export function digestList(db: DB): DigestCount[] {
  // One read transaction: the log position and the rows read agree.
  return db.transaction((): DigestCount[] => {
    const log = stmt<[], { first: number; last: number }>(
      db,
      'SELECT min(seq) AS first, max(seq) AS last FROM digest_changes'
    ).get()!
    const k = kept.get(db)
    if (!k || k.seq < log.first - 1) return readWhole(db, log.last)
    if (k.seq === log.last) return k.list
    const ids = stmt<[number], number>(db, 'SELECT DISTINCT digest_id FROM digest_changes WHERE seq > ?')
      .pluck()
      .all(k.seq)
    if (ids.length > PATCH_AT_MOST || ids.some((id) => !k.at.has(id))) return readWhole(db, log.last)
    const rows = digestCountsOf(db, ids)
    if (rows.length !== ids.length || rows.some((r) => k.list[k.at.get(r.id)!]!.date !== r.date))
      return readWhole(db, log.last)
    const list = k.list.slice()
    for (const r of rows) list[k.at.get(r.id)!] = r
    kept.set(db, { seq: log.last, list, at: k.at })
    return list
  })()
}
