/**
 * Stopping an import: a flag in shared memory, so the thread that serves the user (Electron main,
 * the browser host, the CLI's main thread) can stop an import running in a worker thread even while
 * that worker is blocked inside its transaction (waiting for its parse worker: digest-stream.ts).
 * The importer looks at the flag at every paper and while it waits, and rolls the file's
 * transaction back: a stopped file writes nothing. Plain Node: no electron import.
 */

/** Why an import stops: the user asked, or one file took longer than the time limit (then only that file stops). */
export type StopReason = 'cancelled' | 'time-limit'

const CODES: Record<StopReason, number> = { cancelled: 1, 'time-limit': 2 }

export type CancelFlag = Int32Array

export function createCancelFlag(): CancelFlag {
  return new Int32Array(new SharedArrayBuffer(4))
}

/** Ask the import to stop. A cancel is never downgraded to a time limit. */
export function stopImport(flag: CancelFlag, reason: StopReason): void {
  if (reason === 'time-limit') Atomics.compareExchange(flag, 0, 0, CODES['time-limit'])
  else Atomics.store(flag, 0, CODES.cancelled)
  Atomics.notify(flag, 0)
}

export function stopReason(flag: CancelFlag | undefined): StopReason | null {
  const code = flag ? Atomics.load(flag, 0) : 0
  return code === CODES.cancelled ? 'cancelled' : code === CODES['time-limit'] ? 'time-limit' : null
}

/** The next file starts afresh after one stopped by the time limit (a cancel stays). */
export function clearTimeLimit(flag: CancelFlag | undefined): void {
  if (flag) Atomics.compareExchange(flag, 0, CODES['time-limit'], 0)
}

export class ImportStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason === 'cancelled' ? 'import cancelled' : 'the time limit for one file was reached')
    this.name = 'ImportStopped'
  }
}

export function throwIfStopped(flag: CancelFlag | undefined): void {
  const reason = stopReason(flag)
  if (reason) throw new ImportStopped(reason)
}

/** A file's time limit, for its message. */
export const timeLimitText = (ms: number): string =>
  ms >= 60_000 && ms % 60_000 === 0
    ? `${ms / 60_000} minute${ms === 60_000 ? '' : 's'}`
    : ms < 1_000
      ? `${ms} ms`
      : `${Math.round(ms / 1000)} s`

/** What a file stopped by the time limit says (after its name). */
export const timeLimitMessage = (ms: number): string =>
  `stopped after ${timeLimitText(ms)}: reading this file takes too long (it may be malformed); nothing from it was written`
