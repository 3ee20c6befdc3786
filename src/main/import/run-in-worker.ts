/**
 * Run an import batch in a worker thread and stream its progress. Used by the doors that serve a
 * UI (Electron main, the browser host); the CLI imports in-process. The worker entry differs per
 * runtime: the built out/main/import-worker.js under Electron, src/main/import/worker.ts through
 * tsx (worker-tsx.mjs) under Node (tests, `folio serve`).
 */
import { Worker } from 'node:worker_threads'
import type { ImportProgressEvent, ImportReport } from '../../shared/contract'
import { LibraryError } from '../library/db'
import type { ImportSource } from './sources'
import { workerEntry, type WorkerEntry } from './worker-entry'

export type { WorkerEntry } from './worker-entry'

export interface WorkerRequest {
  libraryPath: string
  nativeBinding?: string
  sources: ImportSource[]
  dryRun?: boolean
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgressEvent }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; message: string }

/** The import worker's entry for this build of Folio (see worker-entry.ts). */
export function defaultWorkerEntry(): WorkerEntry {
  return workerEntry('import-worker')
}

export function importInWorker(
  entry: WorkerEntry,
  request: WorkerRequest,
  onProgress?: (p: ImportProgressEvent) => void
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, {
      workerData: request,
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
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress)
      else if (m.type === 'done') settle(() => resolve(m.report))
      else settle(() => reject(new LibraryError('import', m.message)))
    })
    worker.on('error', (err) => settle(() => reject(new LibraryError('import', `the import stopped: ${err.message}`))))
    worker.on('exit', (code) =>
      settle(() => reject(new LibraryError('import', `the import stopped (worker exit code ${code})`)))
    )
  })
}
