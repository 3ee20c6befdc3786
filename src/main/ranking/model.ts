/**
 * What For you learns: a weight per feature slot, so that a paper's score is w·x over its
 * normalised TF-IDF vector x.
 *
 * The model is logistic regression (logistic.ts), the linear model arXiv-sanity ranks with: the
 * positives are the papers starred or annotated (weight 1) and those read one at a time or marked
 * reading (READ_WEIGHT); an even sample of every other paper stands for the negatives, each counting
 * little. Against the centroid of the positives (the baseline) the unlabelled papers teach it how
 * common each of the positives' subjects is in the whole library: a subject with two stars among
 * 300 papers ranks above one with two stars among 3,000. Measured in docs/ranking.md.
 *
 * Papers dismissed unread are unlabelled, like every unread paper: marking 500 papers read changes
 * nothing the model sees.
 */
import type { FeatureMatrix } from './features'
import { logistic } from './logistic'
import { FEATURE_DIM } from './text'

export interface Example {
  row: number
  weight: number
}

export const READ_WEIGHT = 0.3

/** The weighted mean of the examples' normalised vectors: the baseline. */
export function centroid(m: FeatureMatrix, examples: Example[]): Float32Array {
  const w = new Float32Array(FEATURE_DIM)
  let total = 0
  for (const p of examples) total += p.weight
  for (const p of examples) m.addTo(p.row, w, p.weight / (total || 1))
  return w
}

/** The k best rows by w·x, best first, leaving out `skip`. */
export function topRows(m: FeatureMatrix, w: Float32Array, k: number, skip: (row: number) => boolean): number[] {
  const best: { row: number; s: number }[] = []
  let floor = -Infinity
  for (let r = 0; r < m.rows; r++) {
    if (!m.alive(r) || skip(r)) continue
    const s = m.dot(r, w)
    if (best.length >= k && s <= floor) continue
    best.push({ row: r, s })
    if (best.length >= 2 * k) {
      best.sort((a, b) => b.s - a.s || a.row - b.row)
      best.length = k
      floor = best[k - 1]!.s
    }
  }
  best.sort((a, b) => b.s - a.s || a.row - b.row)
  return best.slice(0, k).map((b) => b.row)
}

/** The model; null without positives. */
export function train(m: FeatureMatrix, positives: Example[]): Float32Array | null {
  if (!positives.length || !m.live) return null
  return logistic(m, positives)
}
