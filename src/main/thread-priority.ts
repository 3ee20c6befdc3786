/**
 * Background threads (For you's ranking, the full check of the library) run at the lowest CPU
 * priority, so on a machine with few cores the window, the host's answers and imports come first.
 * On Linux a thread's nice value is its own (setpriority on the calling thread), so only the worker
 * calling this yields. On macOS and Windows the call would lower the whole process: nothing is done
 * there. Plain Node.
 */
import { setPriority } from 'node:os'

/** The nice value background threads take (the lowest priority). */
export const BACKGROUND_NICE = 19

/** Lower the calling worker thread's CPU priority (Linux only); returns whether it did. */
export function lowerThisThreadsPriority(platform = process.platform): boolean {
  if (platform !== 'linux') return false
  try {
    setPriority(0, BACKGROUND_NICE)
    return true
  } catch {
    return false // not allowed here: the thread keeps its priority
  }
}
