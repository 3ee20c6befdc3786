/**
 * L2-regularised logistic regression on the papers' normalised TF-IDF vectors, by full-batch
 * gradient descent (Adam) over the slots the training papers use: positives are the user's
 * signals, negatives an even sample of every other paper, each counting little (positive-unlabelled
 * learning: most unlabelled papers are of no interest, a few are). Hand-written because it must be
 * sparse: the linear-model packages on npm use dense matrices, which at 2^21 slots take gigabytes.
 */
import { TF_OF, type FeatureMatrix } from './features'
import type { Example } from './model'
import { FEATURE_DIM } from './text'

/**
 * Tuned on the topic corpus (tests/bench/ranking-quality.ts; docs/ranking.md): 40 steps with a light
 * penalty ranked best (stopping early is itself a regulariser: weights stay near the centroid's).
 */
const NEGATIVES = 1500
const LAMBDA = 0.0001
const EPOCHS = 40
const STEP = 0.1

/** Every row that is neither labelled nor gone, thinned to at most `max` by an even stride. */
export function negativeSample(m: FeatureMatrix, labelled: Set<number>, max: number): number[] {
  const candidates = m.live - labelled.size
  const stride = Math.max(1, candidates / max)
  const out: number[] = []
  let next = 0
  let seen = 0
  for (let r = 0; r < m.rows && out.length < max; r++) {
    if (!m.alive(r) || labelled.has(r)) continue
    if (seen++ >= next) {
      out.push(r)
      next += stride
    }
  }
  return out
}

export function logistic(m: FeatureMatrix, positives: Example[]): Float32Array {
  const labelled = new Set(positives.map((p) => p.row))
  const negatives = negativeSample(m, labelled, NEGATIVES)
  const posTotal = positives.reduce((s, p) => s + p.weight, 0)
  const negWeight = negatives.length ? posTotal / negatives.length : 0
  const examples = [
    ...positives.map((p) => ({ row: p.row, y: 1, weight: p.weight })),
    ...negatives.map((row) => ({ row, y: 0, weight: negWeight }))
  ]
  // The slots in use, compacted to 0..n-1; the examples as sparse rows of normalised values.
  const index = new Map<number, number>()
  const exOffsets = new Uint32Array(examples.length + 1)
  const { offsets, slots, tf, idf, norms } = m
  for (let i = 0; i < examples.length; i++) {
    const row = examples[i]!.row
    exOffsets[i + 1] = exOffsets[i]! + offsets[row + 1]! - offsets[row]!
  }
  const cols = new Int32Array(exOffsets[examples.length]!)
  const vals = new Float64Array(cols.length)
  const ys = new Float64Array(examples.length)
  const weights = new Float64Array(examples.length)
  examples.forEach((e, i) => {
    ys[i] = e.y
    weights[i] = e.weight
    let j = exOffsets[i]!
    for (let k = offsets[e.row]!; k < offsets[e.row + 1]!; k++, j++) {
      const slot = slots[k]!
      let c = index.get(slot)
      if (c === undefined) index.set(slot, (c = index.size))
      cols[j] = c
      vals[j] = (TF_OF[tf[k]!]! * idf[slot]!) / norms[e.row]!
    }
  })
  const n = index.size + 1 // the last weight is the bias
  const w = new Float64Array(n)
  const grad = new Float64Array(n)
  const mom = new Float64Array(n)
  const vel = new Float64Array(n)
  const total = examples.reduce((s, e) => s + e.weight, 0) || 1
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    grad.fill(0)
    for (let i = 0; i < examples.length; i++) {
      let z = w[n - 1]!
      for (let k = exOffsets[i]!; k < exOffsets[i + 1]!; k++) z += w[cols[k]!]! * vals[k]!
      const g = (weights[i]! * (1 / (1 + Math.exp(-z)) - ys[i]!)) / total
      grad[n - 1]! += g
      for (let k = exOffsets[i]!; k < exOffsets[i + 1]!; k++) grad[cols[k]!]! += g * vals[k]!
    }
    const c1 = 1 - 0.9 ** epoch
    const c2 = 1 - 0.999 ** epoch
    for (let j = 0; j < n; j++) {
      const g = grad[j]! + (j < n - 1 ? LAMBDA * w[j]! : 0)
      mom[j] = 0.9 * mom[j]! + 0.1 * g
      vel[j] = 0.999 * vel[j]! + 0.001 * g * g
      w[j]! -= (STEP * (mom[j]! / c1)) / (Math.sqrt(vel[j]! / c2) + 1e-8)
    }
  }
  const out = new Float32Array(FEATURE_DIM)
  for (const [slot, c] of index) out[slot] = w[c]!
  return out
}
