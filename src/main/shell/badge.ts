/**
 * The unread count on the dock / taskbar badge (app.setBadgeCount: macOS, and Linux desktops
 * with Unity launcher support; elsewhere it does nothing). Updated shortly after changes,
 * coalesced, so a burst of triage costs one count. Plain: takes what it calls.
 */
export interface Badge {
  /** Recount soon (coalesced). */
  schedule(): void
  /** Recount now. */
  update(): void
  dispose(): void
}

export function createBadge(
  setBadgeCount: (count: number) => unknown,
  unreadCount: () => number,
  delayMs = 300
): Badge {
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = -1
  const update = (): void => {
    timer = undefined
    let n: number
    try {
      n = unreadCount()
    } catch {
      return // library closed (quitting)
    }
    if (n === last) return
    last = n
    setBadgeCount(n)
  }
  return {
    schedule() {
      if (timer === undefined) timer = setTimeout(update, delayMs)
    },
    update() {
      if (timer) clearTimeout(timer)
      update()
    },
    dispose() {
      if (timer) clearTimeout(timer)
      timer = undefined
    }
  }
}
