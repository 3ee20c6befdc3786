/**
 * Worker-thread entry: runs one import batch on its own library connection, so the process that
 * serves the UI (Electron main, the browser host) stays responsive and can stream progress.
 * The import is the very same importSources the CLI runs in-process.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openLibrary } from '../library/index'
import { importSources } from './import-files'
import type { WorkerRequest, WorkerMessage } from './run-in-worker'

const post = (m: WorkerMessage): void => parentPort!.postMessage(m)
const req = workerData as WorkerRequest

try {
  const lib = openLibrary(req.libraryPath, req.nativeBinding ? { nativeBinding: req.nativeBinding } : {})
  try {
    const report = await importSources(lib, req.sources, {
      dryRun: req.dryRun,
      onProgress: (progress) => post({ type: 'progress', progress })
    })
    post({ type: 'done', report })
  } finally {
    lib.close()
  }
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
}
