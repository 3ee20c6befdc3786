/**
 * For you's work waits for the user to pause: the ranking worker does not start while calls keep
 * coming, starts once they stop, and a request for similar papers is answered after the pause. Real
 * ranking worker, real library file.
 */
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/library/index'
import { startRankingWorker } from '../../src/main/ranking/service'
import { rankWhenIdle, type IdleRanking } from '../../src/main/ranking/when-idle'
import { populateLibraryQuickly } from '../helpers/generate'
import { tempDir } from '../helpers/temp'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

describe('rankWhenIdle', () => {
  let t: ReturnType<typeof tempDir>
  let file: string
  let gate: IdleRanking | undefined
  beforeEach(async () => {
    t = tempDir()
    file = join(t.dir, 'library.sqlite')
    const lib = openLibrary(file)
    await populateLibraryQuickly(lib, { papers: 2_000, digests: 5 })
    lib.close()
  })
  afterEach(async () => {
    await gate?.close()
    t.cleanup()
  })

  it('starts the worker only once the calls pause, and answers similar papers then', async () => {
    let started = 0
    let ranked = 0
    gate = rankWhenIdle(() => {
      started++
      return startRankingWorker({ libraryPath: file }, { onRanked: () => void ranked++ })
    }, 300)
    // A user busy for 1.2 s (a call every 50 ms): nothing starts, the similar request waits.
    let answer: number[] | undefined
    const asked = gate.similar(1, 5).then((ids) => (answer = ids))
    for (let i = 0; i < 24; i++) {
      gate.busy()
      await sleep(50)
    }
    expect(started).toBe(0)
    expect(answer).toBeUndefined()
    // The pause: the worker starts, answers, and ranks.
    await asked
    expect(started).toBe(1)
    expect(Array.isArray(answer)).toBe(true)
    const end = Date.now() + 20_000
    while (ranked === 0 && Date.now() < end) await sleep(50)
    expect(ranked).toBeGreaterThan(0)
    // Later calls and changes never start a second worker.
    gate.changed()
    gate.busy()
    await sleep(500)
    expect(started).toBe(1)
  }, 30_000)

  it('a client that never pauses holds it back no longer than the longest wait', async () => {
    let started = 0
    gate = rankWhenIdle(
      () => {
        started++
        return startRankingWorker({ libraryPath: file })
      },
      300,
      800
    )
    const t0 = Date.now()
    while (started === 0 && Date.now() - t0 < 5_000) {
      gate.busy() // a call every 50 ms, for ever
      await sleep(50)
    }
    expect(started).toBe(1)
    expect(Date.now() - t0).toBeLessThan(2_000)
  })

  it('closing before it started starts nothing, and a waiting request is refused cleanly', async () => {
    let started = 0
    gate = rankWhenIdle(() => {
      started++
      return startRankingWorker({ libraryPath: file })
    }, 10_000)
    const asked = gate.similar(1, 5)
    await gate.close()
    await expect(asked).rejects.toThrow(/ranking stopped/)
    expect(started).toBe(0)
  })
})
