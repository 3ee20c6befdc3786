/**
 * The imports a door (the app, the browser host) is running, so that one call can stop them all:
 * the Cancel button (contract method cancelImport), and the door closing (`folio serve` stopping).
 */
export interface RunningImports {
  /** Run an import that `signal` can stop. */
  run<T>(start: (signal: AbortSignal) => Promise<T>): Promise<T>
  /** Ask every running import to stop; whether there was one. */
  cancelAll(): boolean
  /** Stop every running import and wait until each has finished (rolled back) or was ended. */
  stopAll(): Promise<void>
}

export function runningImports(): RunningImports {
  const running = new Map<AbortController, Promise<unknown>>()
  return {
    run(start) {
      const controller = new AbortController()
      const done = start(controller.signal).finally(() => running.delete(controller))
      running.set(controller, done)
      return done
    },
    cancelAll() {
      for (const c of running.keys()) c.abort()
      return running.size > 0
    },
    async stopAll() {
      const all = [...running.values()]
      for (const c of running.keys()) c.abort()
      await Promise.allSettled(all)
    }
  }
}
