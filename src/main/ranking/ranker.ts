/**
 * For you and similar papers over one library: the papers' features (kept in memory and brought
 * up to date incrementally), the user's signals, the model, and the scores. The ranking worker
 * keeps one Ranker alive for the app and the browser host; the CLI builds one for a command.
 * Plain Node, synchronous: whoever holds it decides which thread it blocks.
 */
import type { DB } from '../library/db'
import { PAPERS_WITH_STATUS } from '../library/papers'
import { FeatureMatrix } from './features'
import { READ_WEIGHT, topRows, train, type Example } from './model'
import { explain } from './explain'
import { clearFeatures, loadDf, saveFeatures, type OnCommit } from './store'
import { FEATURE_DIM, paperTerms, SlotCounts } from './text'

/** Stars or notes needed before For you ranks anything. */
export const MIN_STRONG = 3
/** A status change shared by more papers than this was a bulk change (mark all read): no signal. */
const ONE_AT_A_TIME = 3
/** Papers whose terms estimate idf before a library's first build (enough for stable statistics). */
const IDF_SAMPLE = 10_000

export interface Signals {
  /** Starred or annotated. */
  strong: number[]
  /** Marked reading, or read one at a time (opened and read), and neither starred nor annotated. */
  weak: number[]
}

export interface Scored {
  id: number
  score: number
  why?: string
}

export interface RankResult {
  strong: number
  weak: number
  /** Every unread paper (not starred or annotated) and its score, in id order: typed arrays, as a
   * million objects would take a hundred megabytes. Empty until MIN_STRONG strong signals. */
  ids: Int32Array
  scores: Float64Array
  /** The best of them, best first, each saying why. */
  top: Scored[]
}

type TextRow = [id: number, title: string, abstract: string]
/** A paper's stored terms, or (none stored) its text. */
type StoredRow = [id: number, title: string | null, abstract: string | null, terms: Buffer | null]

const TEXT_SQL = `SELECT p.id, p.title, coalesce(a.abstract, ''), NULL FROM papers p
  LEFT JOIN paper_abstracts a ON a.paper_id = p.id WHERE p.id > ? ORDER BY p.id`
/** The text is read only for papers whose terms are not stored. */
const STORED_SQL = `SELECT p.id, CASE WHEN f.terms IS NULL THEN p.title END,
    CASE WHEN f.terms IS NULL THEN coalesce(a.abstract, '') END, f.terms
  FROM papers p LEFT JOIN paper_features f ON f.paper_id = p.id
  LEFT JOIN paper_abstracts a ON a.paper_id = p.id AND f.terms IS NULL WHERE p.id > ? ORDER BY p.id`

export function readSignals(db: DB): Signals {
  const strong = db
    .prepare('SELECT id FROM papers WHERE starred = 1 OR has_note = 1 ORDER BY id')
    .pluck()
    .all() as number[]
  // Every status change stamps all the papers it changes with one time: a paper whose change time
  // few others share was changed by itself (opened and read, marked reading), not by "mark all read".
  const weak = db
    .prepare(
      `WITH single AS (
         SELECT changed_at AS t FROM paper_status WHERE status != 'unread' AND changed_at IS NOT NULL
         GROUP BY changed_at HAVING count(*) <= ${ONE_AT_A_TIME})
       SELECT p.id FROM ${PAPERS_WITH_STATUS}
        WHERE s.status != 'unread' AND p.starred = 0 AND p.has_note = 0
          AND s.changed_at IN (SELECT t FROM single) ORDER BY p.id`
    )
    .pluck()
    .all() as number[]
  return { strong, weak }
}

export class Ranker {
  private features = new FeatureMatrix()
  /** Stored features may be used (they match this version); set at each first build. */
  private stored = false

  /**
   * `persist`: keep the features in the library (the ranking worker; the CLI only reads them);
   * `onCommit` is told after each commit of them (the host does not take them for a change to show).
   */
  constructor(
    private readonly persist = false,
    private readonly onCommit?: OnCommit
  ) {}

  get matrix(): FeatureMatrix {
    return this.features
  }

  /** Brings the features up to date with the library: new papers added, removed ones forgotten. */
  sync(db: DB): { added: number; removed: number } {
    // Every paper known is gone (the library was emptied, say for a restore): start over.
    if (this.features.rows > 0 && this.features.live === 0) this.features = new FeatureMatrix()
    const m = this.matrix
    let idfGuess: Float32Array = m.idf
    if (m.rows === 0) {
      const df = loadDf(db)
      this.stored = df !== null
      if (df) {
        m.df.set(df)
        idfGuess = idfOf(df, db.prepare('SELECT count(*) FROM paper_features').pluck().get() as number)
      } else {
        if (this.persist) clearFeatures(db, this.onCommit)
        idfGuess = estimateIdf(db)
      }
    }
    const pending = db.prepare('SELECT count(*) FROM papers WHERE id > ?').pluck().get(m.maxId) as number
    m.reserve(pending)
    const fresh: number[] = []
    let added = 0
    const rows = db
      .prepare(this.stored ? STORED_SQL : TEXT_SQL)
      .raw()
      .iterate(m.maxId) as IterableIterator<StoredRow>
    for (const [id, title, abstract, terms] of rows) {
      if (terms) m.addStored(id, terms)
      else {
        m.add(id, title ?? '', abstract ?? '', idfGuess)
        fresh.push(m.rows - 1)
      }
      added++
    }
    let removed = 0
    const count = db.prepare('SELECT count(*) FROM papers').pluck().get() as number
    if (count !== m.live) {
      const present = db.prepare('SELECT id FROM papers').pluck().all() as number[]
      // A paper below the newest known that was never seen: the library was replaced (a restore
      // into an emptied library numbers its papers afresh). Start over.
      if (present.some((id) => id <= m.maxId && m.rowOf(id) < 0)) {
        this.features = new FeatureMatrix()
        return this.sync(db)
      }
      const kept = new Set(present)
      for (let r = 0; r < m.rows; r++) {
        const id = m.ids[r]!
        if (id > 0 && !kept.has(id)) {
          m.remove(id)
          removed++
        }
      }
    }
    if (added || removed) m.finish()
    if (this.persist && (fresh.length || removed)) {
      saveFeatures(db, m, fresh, this.onCommit)
      this.stored = true
    }
    return { added, removed }
  }

  /** Learns from the signals and ranks the unread papers, best first; `explainTop` of them say why. */
  rank(db: DB, signals: Signals = readSignals(db), explainTop = 200): RankResult {
    const m = this.matrix
    const result: RankResult = {
      strong: signals.strong.length,
      weak: signals.weak.length,
      ids: new Int32Array(0),
      scores: new Float64Array(0),
      top: []
    }
    if (signals.strong.length < MIN_STRONG) return result
    const examples: Example[] = []
    for (const id of signals.strong) pushRow(m, examples, id, 1)
    for (const id of signals.weak) pushRow(m, examples, id, READ_WEIGHT)
    const w = train(m, examples)
    if (!w) return result
    const unread = db
      .prepare("SELECT paper_id FROM paper_status WHERE status = 'unread' ORDER BY paper_id")
      .pluck()
      .all() as number[]
    const labelled = new Set(examples.map((e) => e.row))
    const ids = new Int32Array(unread.length)
    const scores = new Float64Array(unread.length)
    let n = 0
    for (const id of unread) {
      const r = m.rowOf(id)
      if (r < 0 || labelled.has(r)) continue
      ids[n] = id
      scores[n++] = m.dot(r, w)
    }
    result.ids = ids.subarray(0, n)
    result.scores = scores.subarray(0, n)
    result.top = best(result.ids, result.scores, explainTop)
    explain(db, m, w, signals.strong, result.top)
    return result
  }

  /** The papers nearest to one (cosine of TF-IDF vectors), any status, best first. */
  similar(id: number, limit: number): Scored[] {
    const m = this.matrix
    const q = m.rowOf(id)
    if (q < 0) return []
    const w = new Float32Array(FEATURE_DIM)
    m.addTo(q, w, 1)
    return topRows(m, w, limit, (r) => r === q)
      .map((r) => ({ id: m.ids[r]!, score: m.dot(r, w) }))
      .filter((s) => s.score > 0)
  }
}

/** The k best (score descending, then id), best first: a numeric sort finds the k-th score, not a sort of them all. */
function best(ids: Int32Array, scores: Float64Array, k: number): Scored[] {
  if (!ids.length || k <= 0) return []
  const floor = k >= scores.length ? -Infinity : Float64Array.from(scores).sort()[scores.length - k]!
  const out: Scored[] = []
  for (let i = 0; i < ids.length; i++) if (scores[i]! >= floor) out.push({ id: ids[i]!, score: scores[i]! })
  out.sort((a, b) => b.score - a.score || a.id - b.id)
  return out.slice(0, k)
}

function pushRow(m: FeatureMatrix, into: Example[], id: number, weight: number): void {
  const row = m.rowOf(id)
  if (row >= 0) into.push({ row, weight })
}

/** idf from an even sample of the library, to pick each paper's telling terms on a first build. */
function estimateIdf(db: DB): Float32Array {
  const total = db.prepare('SELECT count(*) FROM papers').pluck().get() as number
  const step = Math.max(1, Math.floor(total / IDF_SAMPLE))
  const df = new Uint32Array(FEATURE_DIM)
  let n = 0
  const rows = db
    .prepare(
      `SELECT p.id, p.title, coalesce(a.abstract, '') FROM papers p LEFT JOIN paper_abstracts a ON a.paper_id = p.id
       WHERE p.id % ? = 0 LIMIT ?`
    )
    .raw()
    .iterate(step, IDF_SAMPLE) as IterableIterator<TextRow>
  const terms = new SlotCounts()
  for (const [, title, abstract] of rows) {
    n++
    paperTerms(title, abstract, terms)
    for (const slot of terms.touched) df[slot]!++
  }
  return idfOf(df, n)
}

/** idf from document frequencies over n papers (a slot no paper has: as rare as can be). */
function idfOf(df: Uint32Array, n: number): Float32Array {
  const unseen = Math.log((n + 1) / 0.5)
  const idf = new Float32Array(FEATURE_DIM).fill(unseen)
  for (let s = 0; s < FEATURE_DIM; s++) if (df[s]) idf[s] = Math.log((n + 1) / (df[s]! + 0.5))
  return idf
}
