/**
 * `folio import <files or folders>… [--dry-run] [--progress] [--json]`. The library is checked
 * first (every page: the import writes), then the import runs in a worker thread (run-in-worker.ts),
 * so this thread stays free to hear Ctrl+C and SIGTERM: either stops the import cleanly, the file
 * being read rolled back, and says so ("import cancelled: nothing was written").
 */
import { defaultWorkerEntry, importInWorker } from '../import/run-in-worker'
import { openLibrarySafely } from '../library/open-safely'
import { cancelledLine, importSummary, progressPrinter } from './format'
import type { Io } from './main'

export interface ImportCommandOptions {
  libraryPath: string
  dryRun: boolean
  json: boolean
  progress: boolean
}

/** The exit code of a process ended by a signal, as shells report it (128 + its number). */
const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 }

export async function importCommand(paths: string[], o: ImportCommandOptions, io: Io): Promise<number> {
  const { library, recovery } = openLibrarySafely(o.libraryPath, { check: o.dryRun ? 'light' : 'quick' })
  library.close()
  if (recovery) io.err(`folio: ${recovery.message}`)
  const stop = new AbortController()
  let stoppedBy: 'SIGINT' | 'SIGTERM' | undefined
  const onSignal = (signal: 'SIGINT' | 'SIGTERM'): void => {
    stoppedBy ??= signal
    stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const report = await importInWorker(
      defaultWorkerEntry(),
      {
        libraryPath: o.libraryPath,
        sources: paths.map((path) => ({ kind: 'path' as const, path })),
        dryRun: o.dryRun,
        checked: library.checked
      },
      o.json ? undefined : progressPrinter(process.stderr, o.progress),
      { signal: stop.signal }
    )
    if (process.stderr.isTTY && !o.json) process.stderr.write('\r\x1b[2K')
    if (report.cancelled) {
      if (o.json) io.out(JSON.stringify(report, null, 2))
      io.err(`folio: ${cancelledLine(report, o.dryRun)}`)
      return SIGNAL_EXIT[stoppedBy ?? 'SIGINT']
    }
    io.out(o.json ? JSON.stringify(report, null, 2) : importSummary(report, o.dryRun))
    return report.rejected > 0 ? 1 : 0
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
