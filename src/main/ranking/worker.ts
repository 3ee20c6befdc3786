/**
 * Worker-thread entry: keeps For you's features in memory on its own library connection, and after
 * each change brings them up to date, learns again and writes the scores, so the thread that
 * serves the UI never computes a ranking. Changes that arrive during a run are merged into one
 * more run after it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openLibrary } from '../library/index'
import { lowerThisThreadsPriority } from '../thread-priority'
import type { RankReply, RankRequest, RankWorkerData } from './protocol'
import { Ranker, readSignals } from './ranker'
import { FIRST, writeScores } from './scores'

lowerThisThreadsPriority() // background work: the window and the host come first
const post = (m: RankReply): void => parentPort!.postMessage(m)
const req = workerData as RankWorkerData
const lib = openLibrary(req.libraryPath, req.nativeBinding ? { nativeBinding: req.nativeBinding } : {})
// The worker keeps the features in the library too: the next start reads them back.
const ranker = new Ranker(true, () => post({ type: 'wrote' }))
let dirty = true
let scheduled = false
/** What the last run learned from: a change that alters neither the papers nor the signals (a bulk mark-read) rescores nothing. */
let lastInput = ''

function run(): void {
  scheduled = false
  if (!dirty || !lib.db.open) return
  dirty = false
  const t0 = performance.now()
  try {
    ranker.sync(lib.db)
    const signals = readSignals(lib.db)
    const input = `${ranker.matrix.rows}/${ranker.matrix.live}/${signals.strong.join(',')}/${signals.weak.join(',')}`
    if (input === lastInput) return
    const result = ranker.rank(lib.db, signals)
    // The top of the view is rewritten first and announced at once; the rest follows, announced too
    // (the host then knows both writes were the ranking's own).
    const ranked = (): void =>
      post({ type: 'ranked', strong: result.strong, papers: result.ids.length, ms: performance.now() - t0 })
    writeScores(lib.db, result, ranked)
    if (result.ids.length > FIRST) ranked()
    lastInput = input
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
}

function schedule(): void {
  if (scheduled) return
  scheduled = true
  // A short pause gathers a burst of changes (j/k through papers, a multi-select star) into one run.
  setTimeout(run, 25)
}

parentPort!.on('message', (m: RankRequest) => {
  if (m.type === 'changed') {
    dirty = true
    schedule()
  } else if (m.type === 'similar') {
    try {
      ranker.sync(lib.db)
      post({ type: 'similar', requestId: m.requestId, ids: ranker.similar(m.paperId, m.limit).map((s) => s.id) })
    } catch (err) {
      post({ type: 'error', requestId: m.requestId, message: err instanceof Error ? err.message : String(err) })
    }
  } else if (m.type === 'stop') {
    lib.close()
    parentPort!.close()
  }
})
schedule()
