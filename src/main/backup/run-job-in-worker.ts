/**
 * Run a library job (jobs.ts) in a worker thread (job-worker.ts) on its own connection. Used by
 * the doors that serve a UI (Electron main, the browser host); errors come back with their code
 * (e.g. `not-empty`, `bad-backup`), as if the job had run in-process.
 */
import { Worker } from 'node:worker_threads'
import { LibraryError } from '../library/db'
import { workerEntry, type WorkerEntry } from '../import/worker-entry'
import type { JobResults, LibraryJob } from './jobs'

export interface JobRequest {
  libraryPath: string
  nativeBinding?: string
  job: LibraryJob
}

export type JobMessage =
  { type: 'done'; result: JobResults[LibraryJob['kind']] } | { type: 'error'; code?: string; message: string }

export function jobInWorker<J extends LibraryJob>(
  request: { libraryPath: string; nativeBinding?: string; job: J },
  entry: WorkerEntry = workerEntry('job-worker')
): Promise<JobResults[J['kind']]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, {
      workerData: request satisfies JobRequest,
      execArgv: entry.execArgv ?? [],
      argv: entry.argv ?? []
    })
    let settled = false
    const settle = (fn: () => void): void => {
      if (!settled) {
        settled = true
        fn()
      }
    }
    // Settled once the worker has exited (its connection to the library closed), not at its message.
    let outcome: (() => void) | undefined
    worker.on('message', (m: JobMessage) => {
      if (m.type === 'done') outcome = () => resolve(m.result as JobResults[J['kind']])
      else outcome = () => reject(new LibraryError(m.code ?? 'job', m.message))
    })
    worker.on('error', (err) =>
      settle(() => reject(new LibraryError('job', `${request.job.kind} stopped: ${err.message}`)))
    )
    worker.on('exit', (code) =>
      settle(
        outcome ?? (() => reject(new LibraryError('job', `${request.job.kind} stopped (worker exit code ${code})`)))
      )
    )
  })
}
