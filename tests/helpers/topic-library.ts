/**
 * A library of topic-corpus papers (topic-corpus.ts) on disk, written with plain SQL in one
 * transaction per 20,000 papers (the search index built at the end, as a bulk import does), and
 * the topics of each paper id for judging a ranking.
 */
import type { Library } from '../../src/main/library/index'
import { beginBulkIndex, endBulkIndex } from '../../src/main/library/digests'
import { topicPaper } from './topic-corpus'

/**
 * Adds n papers (ids 1..n in a fresh library); returns each id's topics. Without `searchIndex` the
 * search index is left empty (the ranking benchmark's million papers need none).
 */
export function fillTopicLibrary(
  lib: Library,
  n: number,
  seed = 1,
  { searchIndex = true }: { searchIndex?: boolean } = {}
): Map<number, number[]> {
  const db = lib.db
  const topics = new Map<number, number[]>()
  const paper = db.prepare(
    `INSERT INTO papers (arxiv_id, title_key, title, first_seen, digest_date) VALUES (?, ?, ?, ?, ?) RETURNING id`
  )
  const abstract = db.prepare('INSERT INTO paper_abstracts (paper_id, abstract) VALUES (?, ?)')
  for (let start = 0; start < n; start += 20_000) {
    db.transaction(() => {
      const before = beginBulkIndex(db)
      for (let i = start; i < Math.min(n, start + 20_000); i++) {
        const p = topicPaper(i, seed)
        const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 500) * 86_400_000).toISOString()
        const { id } = paper.get(
          `${2401 + Math.floor(i / 90_000)}.${String(10_000 + (i % 90_000)).padStart(5, '0')}`,
          `${p.title.toLowerCase()} ${i}`,
          p.title,
          day,
          day.slice(0, 10)
        ) as { id: number }
        abstract.run(id, p.abstract)
        topics.set(id, p.topics)
      }
      if (searchIndex) endBulkIndex(db, before)
      else db.prepare('UPDATE import_state SET bulk = 0').run()
    })()
  }
  return topics
}

/** Ids of the first `k` papers whose own (first) topic is `topic`. */
export function papersOfTopic(topics: Map<number, number[]>, topic: number, k: number, skip = 0): number[] {
  return [...topics]
    .filter(([, t]) => t[0] === topic)
    .slice(skip, skip + k)
    .map(([id]) => id)
}
