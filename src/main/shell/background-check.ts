/**
 * The app's full check of its library, off the start-up path. The window opens after the light
 * check (the file opens and its schema reads: milliseconds, even for gigabytes); a few seconds later
 * PRAGMA quick_check reads every page in a worker thread on its own read-only connection.
 *
 * - Healthy: the library is marked checked, so closing it seals it (library/check-seal.ts) and the
 *   next `folio` command that writes need not read it whole again.
 * - Damaged: the user is told, and Folio restarts with `--check-library`, which runs the full check
 *   before opening: the start-up path then moves the file aside (kept), opens a fresh library and
 *   offers the newest backup, as for damage found at start (recovery-dialog.ts). The window's
 *   unsaved note is flushed by the ordinary quit first.
 *
 * Takes the Electron modules it uses, so the shell tests drive it through the stand-in.
 */
import type { App, Dialog } from 'electron'
import { FULL_CHECK_DELAY_MS, quickCheckInWorker, type LaterCheck } from '../library/check-later'
import type { Library } from '../library/index'

/** On the command line: check the library whole before opening it (the relaunch after damage). */
export const CHECK_LIBRARY_FLAG = '--check-library'

export const RESTART = 'Restart Folio'

export interface BackgroundCheck {
  /** Stop it (the library is closing). */
  cancel(): void
}

export function checkInBackground(
  deps: {
    app: Pick<App, 'relaunch' | 'quit'>
    dialog: Pick<Dialog, 'showMessageBox'>
    nativeBinding?: string
    argv: readonly string[]
  },
  lib: Library,
  delayMs = FULL_CHECK_DELAY_MS
): BackgroundCheck {
  let check: LaterCheck | null = null
  let cancelled = false
  const timer = setTimeout(() => {
    check = quickCheckInWorker(lib.path, deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {})
    check.result.then(
      async (reason) => {
        if (cancelled) return
        if (reason === null) {
          lib.checked = true
          return
        }
        await deps.dialog.showMessageBox({
          type: 'warning',
          title: 'Folio',
          message: "Folio's library is damaged",
          detail:
            `The full check of ${lib.path} found: ${reason}.\n` +
            'Folio restarts to set the damaged file aside (it is kept, not deleted) and to offer the newest automatic backup.',
          buttons: [RESTART],
          noLink: true
        })
        if (cancelled) return
        deps.app.relaunch({ args: [...deps.argv.slice(1).filter((a) => a !== CHECK_LIBRARY_FLAG), CHECK_LIBRARY_FLAG] })
        deps.app.quit()
      },
      (err: unknown) =>
        // The check could not run (the file busy, unreadable): the app goes on; the next start checks again.
        console.warn('[folio] the full check of the library could not run:', err)
    )
  }, delayMs)
  return {
    cancel() {
      cancelled = true
      clearTimeout(timer)
      check?.cancel()
    }
  }
}
