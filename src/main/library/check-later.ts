/**
 * The full check of a library, off the user's path. PRAGMA quick_check reads every page (7 s for a
 * 3 GB library of a million papers): at start-up the library gets the light check (it opens, its
 * schema reads; a file that is not a database is set aside at once), the first page is served, and
 * the full check runs in a worker thread on a read-only connection of its own. Damage it finds is
 * handled as at start-up: the library is closed, moved aside (kept), and a fresh one opened in its
 * place (`setAsideDamaged`), with the same Recovery message for the user.
 *
 * Plain Node: no electron import.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { BACKGROUND_NICE } from '../thread-priority'
import type { OpenOptions } from './db'
import type { Library } from './index'
import { replaceDamaged, type Recovery } from './open-safely'

// CommonJS run by the worker (eval: no file to build or ship): the same check as checkFile's.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads')
// Background work at the lowest priority (thread-priority.ts: on Linux, this thread only).
if (process.platform === 'linux') {
  try { require('node:os').setPriority(0, workerData.nice) } catch {}
}
const Database = require(workerData.module)
let db
try {
  db = new Database(workerData.file, {
    readonly: true, fileMustExist: true, timeout: 10000,
    ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {})
  })
  const problems = db.pragma('quick_check(20)').map((r) => r.quick_check).filter((r) => r !== 'ok')
  parentPort.postMessage({ reason: problems.length ? 'the integrity check failed: ' + problems.join('; ').slice(0, 500) : null })
} catch (err) {
  const code = String((err && err.code) || '')
  parentPort.postMessage(/^SQLITE_(CORRUPT|NOTADB)/.test(code) ? { reason: err.message } : { error: String(err && err.message) })
} finally {
  if (db) db.close()
}
`

/**
 * When the app and the host start the full check, ms after they serve: on two cores it would
 * otherwise compete with the window's first paint.
 */
export const FULL_CHECK_DELAY_MS = 3_000

export interface LaterCheck {
  /** null: healthy; else why the file is damaged. Rejects when the check itself cannot run (busy, unreadable). */
  result: Promise<string | null>
  /** Stop the check (the library is closing): `result` then resolves null. */
  cancel(): void
}

/** PRAGMA quick_check of `file` in a worker thread: the caller's thread keeps serving meanwhile. */
export function quickCheckInWorker(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): LaterCheck {
  const module = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, module, nativeBinding: options.nativeBinding, nice: BACKGROUND_NICE }
  })
  let cancelled = false
  const result = new Promise<string | null>((resolve, reject) => {
    worker.once('message', (m: { reason?: string | null; error?: string }) =>
      m.error !== undefined ? reject(new Error(m.error)) : resolve(m.reason ?? null)
    )
    worker.once('error', reject)
    worker.once('exit', () => resolve(null)) // cancelled, or after the message (then a no-op)
  }).then((r) => (cancelled ? null : r))
  return {
    result,
    cancel() {
      cancelled = true
      void worker.terminate()
    }
  }
}

/**
 * The full check found damage in an open library: close it, move the file and its -wal/-shm aside
 * (kept, never deleted), open a fresh library in its place. Returns it with the Recovery to show.
 */
export function setAsideDamaged(
  library: Library,
  reason: string,
  options: OpenOptions & { backupsDir?: string; now?: () => Date } = {}
): { library: Library; recovery: Recovery } {
  library.close()
  return replaceDamaged(library.path, reason, options)
}
