/**
 * Never drop an unsaved note on close or quit: the first 'close' of the window is held back, the
 * renderer is asked to save its pending note (the `flush` command) and the window closes when it
 * answers (api.notesFlushed) or after a timeout (a hung renderer must not keep the app open).
 * Main closes the library only after that (will-quit). Type imports only: testable with the stand-in.
 */
import type { BrowserWindow } from 'electron'

export interface CloseGuardOptions {
  /** Ask the renderer to flush (emit the `flush` command to it). */
  requestFlush(): void
  /** Is a renderer listening? If not (still loading, crashed) there is nothing to flush. */
  rendererListening(): boolean
  /** Runs once the window may really close (e.g. quit again if the app was quitting). */
  afterFlush?(): void
  timeoutMs?: number
}

export interface CloseGuard {
  /** The renderer saved its note: let the held-back close go ahead. */
  acknowledge(): void
  /** Whether a close is waiting for the renderer. */
  readonly waiting: boolean
}

export const FLUSH_TIMEOUT_MS = 3_000

export function guardClose(
  win: Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'>,
  options: CloseGuardOptions
): CloseGuard {
  let flushed = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const proceed = (): void => {
    if (flushed) return
    flushed = true
    if (timer) clearTimeout(timer)
    timer = undefined
    if (!win.isDestroyed()) win.close()
    options.afterFlush?.()
  }
  win.on('close', (event) => {
    if (flushed) return
    if (!options.rendererListening()) {
      flushed = true
      return
    }
    event.preventDefault()
    if (timer) return // already asked; a second close just waits too
    options.requestFlush()
    timer = setTimeout(() => {
      console.warn('[folio] the window did not confirm saving its note in time; closing anyway')
      proceed()
    }, options.timeoutMs ?? FLUSH_TIMEOUT_MS)
  })
  return {
    acknowledge() {
      if (timer) proceed()
    },
    get waiting() {
      return timer !== undefined
    }
  }
}
