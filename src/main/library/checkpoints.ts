/**
 * Checkpoints off the user's path. By default SQLite checkpoints inside the commit that takes the WAL
 * past 1,000 pages: on a 100,000-paper library, marking 10,000 papers read then waits ~100 ms more for
 * the WAL to be copied into the database file. A connection that serves the UI (the app's main
 * process, the browser host: createDispatcher) instead checkpoints when its writes pause, and at the
 * latest `maxDelayMs` after the first write not yet checkpointed, so the WAL stays small whatever the
 * pace. PASSIVE: it never waits for readers. Closing the library checkpoints what is left; imports
 * run on their own connections, which keep SQLite's default. Plain Node: no electron import.
 */
import type { DB } from './db'

export interface IdleCheckpoints {
  /** A write was committed on this connection: checkpoint when writes pause. */
  wrote(): void
  /** Checkpoints run so far (for tests). */
  readonly runs: number
  /** Stop scheduling (the connection is closing: closing checkpoints). */
  stop(): void
}

export interface IdleCheckpointOptions {
  /** Checkpoint after this long without a write (default 1 s). */
  idleMs?: number
  /** …or this long after the first write not yet checkpointed, even if writes go on (default 10 s). */
  maxDelayMs?: number
}

export function checkpointWhenIdle(db: DB, options: IdleCheckpointOptions = {}): IdleCheckpoints {
  const idleMs = options.idleMs ?? 1000
  const maxDelayMs = options.maxDelayMs ?? 10_000
  db.pragma('wal_autocheckpoint = 0')
  let timer: NodeJS.Timeout | undefined
  let pendingSince: number | undefined
  let runs = 0
  let stopped = false

  const run = (): void => {
    timer = undefined
    if (stopped || !db.open) return
    if (db.inTransaction) {
      // Never inside someone's transaction: try again when it is done.
      schedule(idleMs)
      return
    }
    pendingSince = undefined
    try {
      db.pragma('wal_checkpoint(PASSIVE)')
      runs += 1
    } catch {
      // Busy or closing: the next write schedules another; closing the library checkpoints anyway.
    }
  }
  const schedule = (ms: number): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(run, ms)
    timer.unref()
  }

  return {
    wrote() {
      if (stopped) return
      const now = Date.now()
      pendingSince ??= now
      schedule(Math.max(0, Math.min(idleMs, pendingSince + maxDelayMs - now)))
    },
    get runs() {
      return runs
    },
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = undefined
    }
  }
}
