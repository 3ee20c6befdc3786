/**
 * Run an import batch in a worker thread and stream its progress. Used by the doors that serve a
 * UI (Electron main, the browser host); the CLI imports in-process. The worker entry differs per
 * runtime: the built out/main/import-worker.js under Electron, src/main/import/worker.ts through
 * tsx (worker-tsx.mjs) under Node (tests, `folio serve`).
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportProgressEvent, ImportReport } from '../../preload/api'
import { freshBuild } from '../build-freshness.mjs'
import { LibraryError } from '../library/db'
import type { ImportSource } from './sources'

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

export interface WorkerEntry {
  /** File (or file URL) of the worker script. */
  file: string | URL
  /** Extra Node flags for the worker. */
  execArgv?: string[]
}

/**
 * The worker entry for this build of Folio: from a bundle (out/main: the app, the built CLI) the
 * built import-worker.js next to it; from source (tests, `folio serve` before a build) the built
 * worker when it is fresh, else the TypeScript worker through tsx (worker-tsx.mjs).
 */
export function defaultWorkerEntry(): WorkerEntry {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    // From source: the built worker when it is fresh (starts at once), else the TypeScript one via tsx.
    const built = freshBuild('import-worker.js')
    if (built) return { file: built }
    const bootstrap = 'worker-tsx.mjs' // a variable, so bundlers leave this URL alone
    return { file: new URL(bootstrap, here) }
  }
  let dir = dirname(fileURLToPath(here))
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'import-worker.js')
    if (existsSync(candidate)) return { file: candidate }
  }
  throw new LibraryError('import', `the import worker (import-worker.js) is missing next to ${fileURLToPath(here)}: rebuild with "npm run build"`)
}

export function importInWorker(
  entry: WorkerEntry,
  request: WorkerRequest,
  onProgress?: (p: ImportProgressEvent) => void
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, { workerData: request, execArgv: entry.execArgv ?? [] })
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
    worker.on('exit', (code) => settle(() => reject(new LibraryError('import', `the import stopped (worker exit code ${code})`))))
  })
}
