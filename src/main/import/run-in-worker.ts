/**
 * Run an import batch in a worker thread (worker.ts) and supervise it: stream its progress, stop it
 * when asked (an AbortSignal: the Cancel button, Ctrl+C, `folio serve` stopping), and stop any one
 * file that takes longer than the time limit. A stop is first asked politely (the shared cancel flag:
 * the file's transaction rolls back); a worker that does not finish within STOP_GRACE_MS (a parse
 * stuck inside one call) is ended, which closes its connection and so rolls the transaction back too.
 * Used by every door: Electron main, the browser host, the CLI. The worker entry differs per runtime:
 * the built out/main/import-worker.js, or src/main/import/worker.ts through tsx (worker-tsx.mjs).
 */
import { Worker } from 'node:worker_threads'
import type { FileReport, ImportProgressEvent, ImportReport } from '../../shared/contract'
import { LibraryError } from '../library/db'
import { createCancelFlag, stopImport, timeLimitMessage, type CancelFlag } from './cancel'
import { refusedFile, summarize } from './report'
import type { ImportSource } from './sources'
import { workerEntry, type WorkerEntry } from './worker-entry'

export type { WorkerEntry } from './worker-entry'

/** A file's import stops after this long (a healthy 256 MB feed takes well under a minute). */
export const FILE_TIME_LIMIT_MS = 120_000
/** How long a stopped worker has to roll back and finish before it is ended. */
export const STOP_GRACE_MS = 500

export interface WorkerRequest {
  libraryPath: string
  nativeBinding?: string
  sources: ImportSource[]
  dryRun?: boolean
  /** The caller found the library healthy (checked, or sealed): closing last, the worker reseals it (check-seal.ts). */
  checked?: boolean
  cancel?: CancelFlag
  timeLimitMs?: number
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgressEvent }
  | { type: 'file-start'; label: string; index: number; count: number }
  | { type: 'file-done'; report: FileReport }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; message: string }

export interface ImportControl {
  /** Aborted: the import stops (the report says `cancelled`). */
  signal?: AbortSignal
  /** Per file (default FILE_TIME_LIMIT_MS). */
  timeLimitMs?: number
}

/** The import worker's entry for this build of Folio (see worker-entry.ts). */
export function defaultWorkerEntry(): WorkerEntry {
  return workerEntry('import-worker')
}

export function importInWorker(
  entry: WorkerEntry,
  request: Omit<WorkerRequest, 'cancel' | 'timeLimitMs'>,
  onProgress?: (p: ImportProgressEvent) => void,
  control: ImportControl = {}
): Promise<ImportReport> {
  const timeLimitMs = control.timeLimitMs ?? FILE_TIME_LIMIT_MS
  const cancel = createCancelFlag()
  return new Promise((resolve, reject) => {
    if (control.signal?.aborted) return resolve(summarize([], true))
    const worker = new Worker(entry.file, {
      workerData: { ...request, cancel, timeLimitMs } satisfies WorkerRequest,
      execArgv: entry.execArgv ?? [],
      argv: entry.argv ?? []
    })
    const done: FileReport[] = []
    let current: { label: string; index: number; count: number } | undefined
    let fileTimer: NodeJS.Timeout | undefined
    let endTimer: NodeJS.Timeout | undefined
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(fileTimer)
      clearTimeout(endTimer)
      control.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    // The result is given once the worker has exited (its connection to the library closed), so
    // whoever awaits an import may close, move or delete the library next.
    let finished: ImportReport | undefined
    let ended: (() => ImportReport) | undefined
    /** Stop asked: end the worker if it has not finished within the grace period. */
    const endAfterGrace = (report: () => ImportReport): void => {
      clearTimeout(endTimer)
      endTimer = setTimeout(() => {
        ended = report
        void worker.terminate()
      }, STOP_GRACE_MS)
    }
    function onAbort(): void {
      stopImport(cancel, 'cancelled')
      endAfterGrace(() => summarize(done, true))
    }
    control.signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress)
      else if (m.type === 'file-start') {
        current = m
        clearTimeout(fileTimer)
        fileTimer = setTimeout(() => {
          const stuck = m
          stopImport(cancel, 'time-limit')
          endAfterGrace(() => {
            const rest = stuck.count - stuck.index - 1
            const files = [...done, refusedFile(stuck.label, `${stuck.label}: ${timeLimitMessage(timeLimitMs)}`)]
            if (rest > 0)
              files.push(
                refusedFile(
                  `${rest} more`,
                  `${rest} more file(s) after ${stuck.label} were not imported: import them again`
                )
              )
            return summarize(files, false)
          })
        }, timeLimitMs)
      } else if (m.type === 'file-done') {
        done.push(m.report)
        clearTimeout(fileTimer)
        // The file reacted to its time limit in time: no need to end the worker.
        if (current && m.report.file === current.label) clearTimeout(endTimer)
        if (control.signal?.aborted) endAfterGrace(() => summarize(done, true))
      } else if (m.type === 'done') {
        finished = m.report
        clearTimeout(endTimer)
      } else settle(() => reject(new LibraryError('import', m.message)))
    })
    worker.on('error', (err) => settle(() => reject(new LibraryError('import', `the import stopped: ${err.message}`))))
    worker.on('exit', (code) =>
      settle(() => {
        const report = finished ?? ended?.()
        if (report) resolve(report)
        else reject(new LibraryError('import', `the import stopped (worker exit code ${code})`))
      })
    )
  })
}
