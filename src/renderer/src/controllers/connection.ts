/**
 * A controller (see keyboard.ts): while the host does not answer (store.hostDown), ask it gently
 * whether it is back (a cheap read, every few seconds, slower as time goes on); once it answers,
 * hostBack saves what waited and refreshes everything. The event stream reopens by itself
 * (shared/transport-fetch.ts).
 */
import { api } from '../api'
import { useStore } from '../store'
import { isHostDown } from '../store/ui'

const FIRST_TRY_MS = 1_500
const MAX_WAIT_MS = 15_000

export function watchConnection(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  let wait = FIRST_TRY_MS
  const tryAgain = () => {
    timer = setTimeout(() => {
      timer = undefined
      api.counts({}).then(
        () => void useStore.getState().hostBack(),
        (err: unknown) => {
          if (isHostDown(err)) useStore.getState().reportError(err) // the message may change (a new address)
          wait = Math.min(MAX_WAIT_MS, wait * 1.5)
          if (useStore.getState().hostDown !== null) tryAgain()
        }
      )
    }, wait)
  }
  const stop = useStore.subscribe((state, prev) => {
    if (state.hostDown !== null && prev.hostDown === null && timer === undefined) {
      wait = FIRST_TRY_MS
      tryAgain()
    }
  })
  return () => {
    stop()
    if (timer !== undefined) clearTimeout(timer)
  }
}
