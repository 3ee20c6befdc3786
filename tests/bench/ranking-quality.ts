/**
 * Ranking quality on the topic corpus: for each field, star 10 of its papers, rank every other
 * paper and count how many of the top 30 are of that field (listed in it, cross-lists included).
 * The same features and the same ranking code as For you; the baseline is the TF-IDF centroid of
 * the 10 starred papers.
 */
import { FeatureMatrix } from '../../src/main/ranking/features'
import { centroid, train, type Example } from '../../src/main/ranking/model'
import { rng } from '../helpers/generate'
import { TOPICS, topicPaper, type TopicPaper } from '../helpers/topic-corpus'

export interface Quality {
  /** Mean precision@30 over fields and trials, 0..1. */
  model: number
  centroid: number
  random: number
}

export function buildCorpus(n: number, seed: number): { matrix: FeatureMatrix; papers: TopicPaper[] } {
  const matrix = new FeatureMatrix()
  const papers: TopicPaper[] = []
  for (let i = 0; i < n; i++) {
    const p = topicPaper(i, seed)
    papers.push(p)
    matrix.add(i + 1, p.title, p.abstract)
  }
  matrix.finish()
  return { matrix, papers }
}

function precisionAt(
  k: number,
  matrix: FeatureMatrix,
  w: Float32Array,
  exclude: Set<number>,
  relevant: (r: number) => boolean
): number {
  const scored: { r: number; s: number }[] = []
  for (let r = 0; r < matrix.rows; r++) if (!exclude.has(r)) scored.push({ r, s: matrix.dot(r, w) })
  scored.sort((a, b) => b.s - a.s || a.r - b.r)
  return scored.slice(0, k).filter((x) => relevant(x.r)).length / k
}

export function rankingQuality(n = 10_000, seeds = [1, 2], stars = 10, k = 30): Quality {
  let model = 0
  let base = 0
  let random = 0
  let trials = 0
  for (const seed of seeds) {
    const { matrix, papers } = buildCorpus(n, seed)
    const r = rng(seed * 31)
    for (let t = 0; t < TOPICS; t++) {
      const own = papers.map((p, i) => (p.topics[0] === t ? i : -1)).filter((i) => i >= 0)
      const picked = new Set<number>()
      while (picked.size < stars) picked.add(own[Math.floor(r() * own.length)]!)
      const positives: Example[] = [...picked].map((row) => ({ row, weight: 1 }))
      const relevant = (row: number): boolean => papers[row]!.topics.includes(t)
      model += precisionAt(k, matrix, train(matrix, positives)!, picked, relevant)
      base += precisionAt(k, matrix, centroid(matrix, positives), picked, relevant)
      random += papers.filter((p) => p.topics.includes(t)).length / papers.length
      trials++
    }
  }
  return { model: model / trials, centroid: base / trials, random: random / trials }
}
