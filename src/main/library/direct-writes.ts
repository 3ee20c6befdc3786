/**
 * Writing a big import straight into the database file. A library is in WAL mode, so every page an
 * import writes goes to the WAL and is copied into the database file again by the checkpoint after
 * the commit: a 20,000-paper feed writes ~60 MB twice (~10% of its import time). Into an empty
 * library that no other connection has open, the import can run under a rollback journal instead:
 * new pages go to the file once, and only the few pages that existed before are journaled. It is as
 * safe as any transaction: a killed or failed import is rolled back from the journal (on the next
 * open if the process died), with synchronous = FULL while it runs, as rollback journals want.
 * Nobody waits for the switch: if another connection has the library open, the import goes through
 * the WAL as usual. Plain Node: no electron import.
 */
import type { DB } from './db'

/**
 * Leave WAL mode for the next write transaction when this connection is the library's only one.
 * Returns the function that goes back to WAL (call it after the commit or rollback), or undefined
 * when nothing changed. Outside a transaction only.
 */
export function writeDirectly(db: DB): (() => void) | undefined {
  const timeout = db.pragma('busy_timeout', { simple: true }) as number
  const synchronous = db.pragma('synchronous', { simple: true }) as number
  db.pragma('busy_timeout = 0') // another connection open: give up at once, do not wait for it
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return undefined
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return undefined
    throw err
  } finally {
    db.pragma(`busy_timeout = ${timeout}`)
  }
  db.pragma('synchronous = FULL')
  return () => {
    db.pragma(`synchronous = ${synchronous}`)
    try {
      // Waits (busy timeout) for a connection that opened the library meanwhile to let go.
      db.pragma('journal_mode = WAL')
    } catch {
      // Still a rollback journal: every open of the library (openDatabase) turns WAL on again.
    }
  }
}
