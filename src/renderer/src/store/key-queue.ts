/**
 * The cursor's key queue: keys that come while the cursor waits for the feed's next page (a held
 * j past the loaded rows), in order: moves (rows) and actions on the row the cursor is then on
 * (m, r, s, x). Replayed in order when the page arrives, so an `m` after a `j` marks the row that
 * `j` reaches, not the one the cursor waited on. Not a slice (it holds no store state): the
 * cursor slice owns it and replays the moves through its own moveSelection.
 */
import type { StoreApi } from 'zustand'
import { listKey } from './feed'
import type { Store } from './types'

/** A move by this many rows, or an action to run on the row the cursor is then on. */
export type QueuedKey = number | (() => void)

export interface KeyQueue {
  /** The cursor waits for the next page: keys go to the queue, not to the rows. */
  readonly waiting: boolean
  /** Keep a key for the replay, after the keys already waiting. */
  push(key: QueuedKey): void
  /** Start waiting for the next page (nothing if already waiting). */
  waitForPage(): void
}

export function createKeyQueue(store: StoreApi<Store>): KeyQueue {
  const get = store.getState
  let queue: QueuedKey[] = []
  let waiting = false

  const replay = (items: QueuedKey[]) => {
    for (let i = 0; i < items.length; i++) {
      if (waiting) {
        // eslint-disable-next-line no-restricted-syntax -- keys pressed while one page loads
        queue.push(...items.slice(i)) // a move reached the end again: the rest waits for the next page
        return
      }
      const item = items[i]!
      if (typeof item === 'number') get().moveSelection(item)
      else item()
    }
  }

  /**
   * Wait for the feed's next page, then replay the queue (dropped if another list is shown
   * meanwhile; kept across a refresh of the same list, which asks for the page again). It is
   * replayed after the store has told every listener: moving may start waiting again, and a
   * listener added while zustand is notifying would run in the same pass.
   */
  const waitForPage = () => {
    if (waiting) return
    waiting = true
    const key = listKey(get())
    const stop = store.subscribe((s, prev) => {
      const same = listKey(s) === key
      if (same && s.rows.length <= prev.rows.length && s.nextCursor) {
        // A refresh replaced the rows and dropped the page being loaded: ask for it again.
        if (prev.feedLoading && !s.feedLoading) queueMicrotask(() => void get().loadMore())
        return
      }
      stop()
      waiting = false
      const items = queue
      queue = []
      if (same && items.length) queueMicrotask(() => replay(items))
    })
  }

  return {
    get waiting() {
      return waiting
    },
    push(key) {
      queue.push(key)
    },
    waitForPage
  }
}
