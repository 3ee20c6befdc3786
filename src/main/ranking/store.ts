/**
 * For you's features kept in the library (paper_features, ranking_state), so that a start reads
 * each paper's 40 terms back (200 bytes) instead of tokenizing every abstract again: a million
 * papers load in seconds, not a minute. Derived data: wrong or missing rows are simply rebuilt.
 * Only the ranking worker writes them; the CLI reads what is there.
 */
import type { DB } from '../library/db'
import { MAX_TERMS, type FeatureMatrix } from './features'
import { FEATURE_BITS } from './text'

/** Change when the text features change (tokenizer, stop words, weights): stored rows are then rebuilt. */
export const FEATURES_VERSION = `terms-1/${FEATURE_BITS}/${MAX_TERMS}`
/** Feature rows per write transaction: another writer never waits long. */
const CHUNK = 20_000

/** The stored document frequencies, when the stored features are of this version; else null. */
export function loadDf(db: DB): Uint32Array | null {
  const version = db.prepare("SELECT value FROM ranking_state WHERE key = 'version'").pluck().get() as
    Buffer | string | undefined
  if (version?.toString() !== FEATURES_VERSION) return null
  const df = db.prepare("SELECT value FROM ranking_state WHERE key = 'df'").pluck().get() as Buffer | undefined
  if (!df || df.byteLength !== 4 << FEATURE_BITS) return null
  return new Uint32Array(df.buffer.slice(df.byteOffset, df.byteOffset + df.byteLength))
}

/** Told after each commit of stored features: a write of the ranking's own, not a change anyone shows. */
export type OnCommit = () => void

/** Forgets every stored feature (another version's, or a library read afresh). */
export function clearFeatures(db: DB, onCommit?: OnCommit): void {
  db.transaction(() => {
    db.prepare('DELETE FROM paper_features').run()
    db.prepare('DELETE FROM ranking_state').run()
  }).immediate()
  onCommit?.()
}

/** Stores the features of the given rows, and the document frequencies as they are now. */
export function saveFeatures(db: DB, m: FeatureMatrix, rows: number[], onCommit?: OnCommit): void {
  const insert = db.prepare('INSERT OR REPLACE INTO paper_features (paper_id, terms) VALUES (?, ?)')
  const state = db.prepare('INSERT OR REPLACE INTO ranking_state (key, value) VALUES (?, ?)')
  for (let i = 0; i < rows.length; i += CHUNK) {
    db.transaction(() => {
      for (const r of rows.slice(i, i + CHUNK)) if (m.alive(r)) insert.run(m.ids[r]!, m.rowBytes(r))
    }).immediate()
    onCommit?.()
  }
  db.transaction(() => {
    state.run('version', FEATURES_VERSION)
    state.run('df', Buffer.from(m.df.buffer, m.df.byteOffset, m.df.byteLength))
  }).immediate()
  onCommit?.()
}
