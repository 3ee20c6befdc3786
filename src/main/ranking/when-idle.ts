/**
 * For you's work waits for the user to pause. At a million papers the ranking's start (reading its
 * features back and learning, seconds; or the first build of a library, a minute) and each later
 * run share the machine's cores with the window: held keys stuttered (a worst frame of 83 ms, 17 ms
 * with no ranking). The scores kept from the last run serve For you meanwhile, so nothing is lost by
 * waiting: the worker starts, and a change is passed on, once no call has come for `idleMs`.
 * A request for similar papers before the worker started waits for that start; after, it is answered
 * at once (the paper pane asks when a paper opens).
 * Plain Node.
 */
import { LibraryError } from '../library/db'
import type { Ranking } from './service'

/** Quiet time before the ranking's work starts. */
export const RANK_IDLE_MS = 1_500
/** The longest it waits for a pause: a client that never pauses must not keep For you stale for good. */
export const RANK_MAX_WAIT_MS = 30_000

export interface IdleRanking extends Ranking {
  /** A call from the user arrived: the ranking's work waits until they pause. */
  busy(): void
}

export function rankWhenIdle(start: () => Ranking, idleMs = RANK_IDLE_MS, maxWaitMs = RANK_MAX_WAIT_MS): IdleRanking {
  let ranking: Ranking | null = null
  let changed = false
  let closed = false
  let waiting: (() => void)[] = []
  let timer: NodeJS.Timeout | undefined
  /** When the work now held back was first held (a busy user postpones it up to maxWaitMs). */
  let heldSince = 0
  const open = (): void => {
    timer = undefined
    if (closed) return
    if (!ranking)
      ranking = start() // its first run ranks anyway
    else if (changed) ranking.changed()
    changed = false
    for (const go of waiting.splice(0)) go()
  }
  const wait = (): void => {
    const now = Date.now()
    if (!timer) heldSince = now
    else if (now - heldSince >= maxWaitMs) return // held long enough: the timer set runs it
    clearTimeout(timer)
    timer = setTimeout(open, Math.min(idleMs, Math.max(0, heldSince + maxWaitMs - now)))
    timer.unref()
  }
  wait()
  return {
    busy: wait,
    changed() {
      changed = true
      if (!timer) wait()
    },
    similar(paperId, limit) {
      if (ranking) return ranking.similar(paperId, limit) // started: a look-up in memory, at once
      if (!timer) wait()
      return new Promise<void>((go) => waiting.push(go)).then(() => {
        if (!ranking) throw new LibraryError('ranking', 'the ranking stopped')
        return ranking.similar(paperId, limit)
      })
    },
    async close() {
      closed = true
      clearTimeout(timer)
      timer = undefined
      const pending = waiting
      waiting = []
      for (const go of pending) go()
      await ranking?.close()
    }
  }
}
