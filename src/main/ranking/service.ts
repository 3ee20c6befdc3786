/**
 * For you for the doors that serve a UI (Electron main, the browser host): the ranking runs in a
 * worker thread (worker.ts); this side tells it when the library changed and asks it for similar
 * papers. `inProcessRanking` is the same interface on the calling thread, for the CLI and for a
 * dispatcher started without a worker.
 */
import { Worker } from 'node:worker_threads'
import { LibraryError, type DB } from '../library/db'
import { workerEntry, type WorkerEntry } from '../import/worker-entry'
import type { RankReply, RankRequest, RankWorkerData } from './protocol'
import { Ranker, readSignals } from './ranker'
import { writeScores } from './scores'

export interface Ranking {
  /** The library changed (a star, a note, a status, an import): rank again, in the background. */
  changed(): void
  /** Ids of the papers nearest to one by text, nearest first. */
  similar(paperId: number, limit: number): Promise<number[]>
  close(): Promise<void>
}

export interface RankingEvents {
  /** The scores were rewritten. */
  onRanked?(e: { strong: number; papers: number; ms: number }): void
  /** The worker committed stored features (its own write, not a change to show). */
  onWrote?(): void
  onError?(message: string): void
}

export function startRankingWorker(
  data: RankWorkerData,
  events: RankingEvents = {},
  entry: WorkerEntry = workerEntry('rank-worker')
): Ranking {
  const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv ?? [], argv: entry.argv ?? [] })
  // The ranking must never keep a closing process alive.
  worker.unref()
  const pending = new Map<number, { resolve(ids: number[]): void; reject(e: Error): void }>()
  let nextId = 1
  let exited = false
  const send = (m: RankRequest): void => {
    if (!exited) worker.postMessage(m)
  }
  const failAll = (message: string): void => {
    for (const p of pending.values()) p.reject(new LibraryError('ranking', message))
    pending.clear()
  }
  worker.on('message', (m: RankReply) => {
    if (m.type === 'ranked') events.onRanked?.(m)
    else if (m.type === 'wrote') events.onWrote?.()
    else if (m.type === 'similar') {
      pending.get(m.requestId)?.resolve(m.ids)
      pending.delete(m.requestId)
    } else if (m.requestId !== undefined) {
      pending.get(m.requestId)?.reject(new LibraryError('ranking', m.message))
      pending.delete(m.requestId)
    } else events.onError?.(m.message)
  })
  worker.on('error', (err) => events.onError?.(err.message))
  worker.on('exit', () => {
    exited = true
    failAll('the ranking stopped')
  })
  return {
    changed: () => send({ type: 'changed' }),
    similar(paperId, limit) {
      if (exited) return Promise.reject(new LibraryError('ranking', 'the ranking stopped'))
      const requestId = nextId++
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve, reject })
        send({ type: 'similar', requestId, paperId, limit })
      })
    },
    async close() {
      if (exited) return
      const done = new Promise<void>((ok) => worker.once('exit', () => ok()))
      send({ type: 'stop' })
      const timer = setTimeout(() => void worker.terminate(), 2_000)
      await done
      clearTimeout(timer)
    }
  }
}

/** The ranking on the calling thread: rank again at once on each change (the CLI, tests). */
export function inProcessRanking(db: DB, events: RankingEvents = {}): Ranking {
  const ranker = new Ranker()
  return {
    changed() {
      const t0 = performance.now()
      ranker.sync(db)
      const result = ranker.rank(db, readSignals(db))
      writeScores(db, result)
      events.onRanked?.({ strong: result.strong, papers: result.ids.length, ms: performance.now() - t0 })
    },
    similar(paperId, limit) {
      ranker.sync(db)
      return Promise.resolve(ranker.similar(paperId, limit).map((s) => s.id))
    },
    close: () => Promise.resolve()
  }
}
