/**
 * Worker-thread entry: runs one import batch on its own library connection, so the thread that
 * serves the user (Electron main, the browser host, the CLI) stays free: it streams progress, and
 * it can stop the import (the shared cancel flag, cancel.ts) or, when a file does not let go, end
 * this thread (run-in-worker.ts). The import is the very same importSources everyone runs.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { warmUpParseWorker } from './parse-worker-start'
import type { WorkerRequest, WorkerMessage } from './run-in-worker'

const post = (m: WorkerMessage): void => parentPort!.postMessage(m)
const req = workerData as WorkerRequest

try {
  // A big file's parse worker boots while the importer's code loads and the library opens.
  warmUpParseWorker(req.sources.flatMap((s) => (s.kind === 'bytes' ? [] : [s.path])))
  const [{ openLibrary }, { importSources }] = await Promise.all([import('../library/index'), import('./import-files')])
  const lib = openLibrary(req.libraryPath, req.nativeBinding ? { nativeBinding: req.nativeBinding } : {})
  lib.checked = req.checked === true
  try {
    const report = await importSources(lib, req.sources, {
      dryRun: req.dryRun,
      cancel: req.cancel,
      timeLimitMs: req.timeLimitMs,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onFileStart: (label, index, count) => post({ type: 'file-start', label, index, count }),
      onFileDone: (report) => post({ type: 'file-done', report })
    })
    post({ type: 'done', report })
  } finally {
    lib.close()
  }
} catch (err) {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
}
