/**
 * Worker-thread entry for one library job (jobs.ts): backup, restore or notes export on a library
 * connection of its own, so the thread that serves the window (Electron main, the browser host)
 * keeps answering while it runs. Like the import worker (import/worker.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { LibraryError } from '../library/db'
import { openLibrary } from '../library/index'
import { runLibraryJob } from './jobs'
import type { JobRequest, JobMessage } from './run-job-in-worker'

const post = (m: JobMessage): void => parentPort!.postMessage(m)
const req = workerData as JobRequest

try {
  const lib = openLibrary(req.libraryPath, req.nativeBinding ? { nativeBinding: req.nativeBinding } : {})
  try {
    post({ type: 'done', result: await runLibraryJob(lib, req.job) })
  } finally {
    lib.close()
  }
} catch (err) {
  const code = err instanceof LibraryError ? err.code : undefined
  post({ type: 'error', code, message: err instanceof Error ? err.message : String(err) })
}
