/**
 * Background threads yield the CPU: on Linux a worker thread that lowers its priority lowers its own
 * nice value only, never the thread serving the window (a real worker thread, real setpriority).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library/index'
import { startRankingWorker } from '../../src/main/ranking/service'
import { BACKGROUND_NICE, lowerThisThreadsPriority } from '../../src/main/thread-priority'
import { tempDir } from '../helpers/temp'

describe('lowerThisThreadsPriority', () => {
  it.runIf(process.platform === 'linux')('on Linux: the calling worker thread only', async () => {
    const before = getPriority(0)
    // The same call as the ranking worker makes, in a real worker thread (CommonJS, eval'd).
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads')
       const os = require('node:os')
       os.setPriority(0, ${BACKGROUND_NICE})
       parentPort.postMessage(os.getPriority(0))`,
      { eval: true }
    )
    const inWorker = await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(inWorker).toBe(BACKGROUND_NICE)
    expect(getPriority(0)).toBe(before) // this thread (the one serving) keeps its priority
  })

  it('does nothing where the call would lower the whole process (macOS, Windows)', () => {
    const before = getPriority(0)
    expect(lowerThisThreadsPriority('darwin')).toBe(false)
    expect(lowerThisThreadsPriority('win32')).toBe(false)
    expect(getPriority(0)).toBe(before)
  })
})

/** Nice values of this process's threads (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // Fields after the command name (which may hold spaces, in parentheses): state is field 3, nice 19.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return [Number(rest[16])]
    } catch {
      return [] // the thread ended meanwhile
    }
  })
}

describe('the ranking worker', () => {
  it.runIf(process.platform === 'linux')('runs at the background priority; the serving thread does not', async () => {
    const t = tempDir()
    const file = join(t.dir, 'library.sqlite')
    openLibrary(file).close()
    expect(threadNices()).not.toContain(BACKGROUND_NICE)
    const ranking = startRankingWorker({ libraryPath: file })
    try {
      await until(() => threadNices().includes(BACKGROUND_NICE), 'a thread at the background priority')
      expect(getPriority(0)).not.toBe(BACKGROUND_NICE)
    } finally {
      await ranking.close()
      t.cleanup()
    }
  })
})

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
