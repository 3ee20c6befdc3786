/**
 * Watching a folder for new or changed digest files (an app setting, off by default).
 * A file is imported once it has stopped changing (same size and mtime on two looks), and only
 * when its (size, mtime) differs from what was last seen; the importer's content hash makes a
 * re-import of the same bytes a no-op, so each distinct content is imported exactly once.
 * fs.watch wakes the scan early; a periodic rescan catches what watchers miss (network drives,
 * editors that replace files). Symlink loops are walked once, and nothing here blocks the thread
 * (the app watches from its main process). Plain Node: no electron import.
 */
import { watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { FileReport } from '../../shared/contract'
import type { Library } from '../library/index'
import { importSources } from './import-files'
import { walkFolder } from './walk-folder'

export interface WatchOptions {
  /** Called with the report of each file that was imported or refused (not for no-ops). */
  onImported?(report: FileReport): void
  /** Rescan period, ms (default 5 s). */
  intervalMs?: number
  /**
   * How a stable file is imported (default: importSources on `lib`, in this thread). The app passes
   * its worker-thread import, so a big file never blocks its main process.
   */
  importFile?(path: string): Promise<FileReport | undefined>
}

export interface Watcher {
  /**
   * Scan now (also what the timer and fs.watch call). Resolves to the reports of files acted on.
   * Scans never overlap: one asked for while another runs starts after it.
   */
  scan(): Promise<FileReport[]>
  close(): void
}

interface Seen {
  size: number
  mtimeMs: number
  /** Imported (or refused) in this (size, mtime) state. */
  done: boolean
}

const IGNORED = /^(\.|~\$|.*\.(part|crdownload|tmp|swp)$)/i

export function startWatching(lib: Library, folder: string, options: WatchOptions = {}): Watcher {
  const seen = new Map<string, Seen>()
  let closed = false
  const importFile =
    options.importFile ?? (async (path: string) => (await importSources(lib, [{ kind: 'path', path }])).files[0])

  async function scanOnce(): Promise<FileReport[]> {
    if (closed) return []
    const reports: FileReport[] = []
    // Walked asynchronously, each real folder once (walk-folder.ts): the app walks in its main process.
    for (const { path, unreadable } of await walkFolder(folder, { ignore: IGNORED })) {
      if (unreadable || closed) continue
      let st
      try {
        st = await stat(path)
      } catch {
        continue
      }
      const prev = seen.get(path)
      if (!prev || prev.size !== st.size || prev.mtimeMs !== st.mtimeMs) {
        // New or changed: wait one more look before reading (it may still be being written).
        seen.set(path, { size: st.size, mtimeMs: st.mtimeMs, done: false })
        continue
      }
      if (prev.done) continue
      // Unchanged since the last look: stable, safe to read.
      prev.done = true
      const report = await importFile(path)
      if (report && !report.alreadyImported) {
        reports.push(report)
        options.onImported?.(report)
      }
    }
    return reports
  }

  let last: Promise<unknown> = Promise.resolve()
  function scan(): Promise<FileReport[]> {
    const next = last.then(scanOnce)
    last = next.catch(() => undefined)
    return next
  }
  const scanInBackground = (): void => void scan().catch(() => undefined)

  let fsWatcher: FSWatcher | undefined
  let pending: NodeJS.Timeout | undefined
  try {
    fsWatcher = watch(folder, { recursive: true, persistent: false }, () => {
      // Debounce bursts of events; two scans so a just-written file is seen stable.
      clearTimeout(pending)
      pending = setTimeout(() => {
        scanInBackground()
        pending = setTimeout(scanInBackground, 300)
      }, 300)
    })
    fsWatcher.on('error', () => undefined)
  } catch {
    // Recursive watching unsupported here: the periodic rescan still works.
  }
  const timer = setInterval(scanInBackground, options.intervalMs ?? 5_000)
  timer.unref()
  scanInBackground()

  return {
    scan,
    close() {
      closed = true
      clearInterval(timer)
      clearTimeout(pending)
      fsWatcher?.close()
    }
  }
}
