/**
 * For you's behaviour on real library files: what it learns from (stars and notes, reading one at a
 * time; never a bulk mark-read), what it shows before it can learn, and how the feed pages it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ForYouPage } from '../../../src/shared/contract'
import { saveNote } from '../../../src/main/library/notes'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { setViewStatus } from '../../../src/main/library/view-status'
import { MIN_STRONG, Ranker, readSignals } from '../../../src/main/ranking/ranker'
import { FIRST, forYouPage, writeScores } from '../../../src/main/ranking/scores'
import { inProcessRanking } from '../../../src/main/ranking/service'
import { tempLibrary } from '../../helpers/temp'
import { fillTopicLibrary, papersOfTopic } from '../../helpers/topic-library'

let t: ReturnType<typeof tempLibrary>
beforeEach(() => {
  t = tempLibrary()
})
afterEach(() => t.cleanup())

const rankNow = (): void => inProcessRanking(t.lib.db).changed()
/** n more papers after the first `from`, with texts of their own. */
const fillMore = (from: number, n: number): void => {
  const insert = t.lib.db.prepare(
    "INSERT INTO papers (title_key, title, first_seen, digest_date) VALUES (?, ?, '2024-02-01', '2024-02-01') RETURNING id"
  )
  const abstract = t.lib.db.prepare('INSERT INTO paper_abstracts (paper_id, abstract) VALUES (?, ?)')
  for (let i = 0; i < n; i++) {
    const { id } = insert.get(`more ${from + i}`, `More paper ${from + i}`) as { id: number }
    abstract.run(id, `An abstract about sparse attention kernels number ${i}.`)
  }
}
const allPages = (): ForYouPage[] => {
  const pages = [forYouPage(t.lib.db, { limit: 50 })]
  while (pages[pages.length - 1]!.nextCursor)
    pages.push(forYouPage(t.lib.db, { limit: 50, cursor: pages[pages.length - 1]!.nextCursor! }))
  return pages
}
const topIds = (n: number): number[] => forYouPage(t.lib.db, { limit: n }).items.map((p) => p.id)

describe('For you', () => {
  it('an empty library ranks nothing and says how many stars it needs', () => {
    rankNow()
    const page = forYouPage(t.lib.db, { limit: 10 })
    expect(page).toMatchObject({ items: [], nextCursor: null, strong: 0, needed: MIN_STRONG })
    expect(new Ranker().similar(1, 5)).toEqual([])
  })

  it('a library without stars or notes shows nothing until the third star', () => {
    const topics = fillTopicLibrary(t.lib, 600)
    const [a, b, c] = papersOfTopic(topics, 2, 3)
    rankNow()
    expect(forYouPage(t.lib.db, { limit: 10 })).toMatchObject({ items: [], strong: 0 })
    setStarred(t.lib.db, [a!, b!], true)
    rankNow()
    expect(forYouPage(t.lib.db, { limit: 10 })).toMatchObject({ items: [], strong: 2 })
    setStarred(t.lib.db, [c!], true)
    rankNow()
    const page = forYouPage(t.lib.db, { limit: 10 })
    expect(page.strong).toBe(3)
    expect(page.items).toHaveLength(10)
  })

  it('ranks papers of the starred field first, says why, and pages every unread paper once', () => {
    const topics = fillTopicLibrary(t.lib, 1500)
    const starred = papersOfTopic(topics, 5, 10)
    setStarred(t.lib.db, starred, true)
    rankNow()
    const top = forYouPage(t.lib.db, { limit: 20 })
    const hits = top.items.filter((p) => topics.get(p.id)!.includes(5)).length
    expect(hits).toBeGreaterThanOrEqual(8) // the field is ~10% of the library: 2 of 20 by chance
    expect(top.items.some((p) => starred.includes(p.id))).toBe(false) // starred papers are not "for you" again
    expect(top.why[top.items[0]!.id]).toMatch(/like “/)

    const ids = allPages().flatMap((p) => p.items.map((i) => i.id))
    const unread = t.lib.db.prepare("SELECT count(*) FROM paper_status WHERE status = 'unread'").pluck().get() as number
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(unread - starred.length)
  })

  it('a new star changes the order', () => {
    const topics = fillTopicLibrary(t.lib, 1500)
    setStarred(t.lib.db, papersOfTopic(topics, 1, 4), true)
    rankNow()
    const before = topIds(30)
    setStarred(t.lib.db, papersOfTopic(topics, 7, 6), true)
    rankNow()
    const after = topIds(30)
    expect(after).not.toEqual(before)
    expect(after.filter((id) => topics.get(id)!.includes(7)).length).toBeGreaterThan(
      before.filter((id) => topics.get(id)!.includes(7)).length
    )
  })

  it('a note teaches like a star', () => {
    const topics = fillTopicLibrary(t.lib, 800)
    const [a, b, c] = papersOfTopic(topics, 3, 3)
    setStarred(t.lib.db, [a!, b!], true)
    saveNote(t.lib.db, c!, 'Read the related work section again.')
    expect(readSignals(t.lib.db).strong).toEqual([a, b, c].sort((x, y) => x! - y!))
  })

  it('papers dismissed unread are not negatives: a bulk mark-read leaves the other scores as they were', () => {
    const topics = fillTopicLibrary(t.lib, 1500)
    setStarred(t.lib.db, papersOfTopic(topics, 4, 6), true)
    rankNow()
    const scores = (): Map<number, number> =>
      new Map(t.lib.db.prepare('SELECT paper_id, score FROM paper_scores').raw().all() as [number, number][])
    const before = scores()
    // Mark read, in one go, 200 unread papers of the very field that was starred.
    const dismissed = papersOfTopic(topics, 4, 200, 6)
    setStatus(t.lib.db, dismissed, 'read')
    expect(readSignals(t.lib.db).weak).toEqual([])
    rankNow()
    const after = scores()
    for (const id of dismissed) expect(after.has(id)).toBe(false)
    for (const [id, s] of after) expect(s).toBeCloseTo(before.get(id)!, 6)
  })

  it('a paper read by itself (opened and read) is a weak positive; a whole view marked read is not', async () => {
    const topics = fillTopicLibrary(t.lib, 300)
    const [one] = papersOfTopic(topics, 0, 1)
    setStatus(t.lib.db, [one!], 'read')
    await new Promise((r) => setTimeout(r, 5)) // a person's next action: another millisecond
    setViewStatus(t.lib.db, { view: 'unread', query: undefined }, 'read')
    expect(readSignals(t.lib.db).weak).toEqual([one])
  })

  it('similar papers: the nearest by text, read or not, never the paper itself', () => {
    const topics = fillTopicLibrary(t.lib, 1500)
    const ranker = new Ranker()
    ranker.sync(t.lib.db)
    setStatus(t.lib.db, papersOfTopic(topics, 9, 40), 'read')
    let hits = 0
    for (const id of papersOfTopic(topics, 9, 5)) {
      const near = ranker.similar(id, 10)
      expect(near).toHaveLength(10)
      expect(near.map((s) => s.id)).not.toContain(id)
      for (let i = 1; i < near.length; i++) expect(near[i]!.score).toBeLessThanOrEqual(near[i - 1]!.score)
      hits += near.filter((s) => topics.get(s.id)!.includes(9)).length
    }
    expect(hits / 5).toBeGreaterThanOrEqual(3) // 1 of 10 by chance
  })

  it('a library emptied and filled again (a restore) is read afresh, not mixed with the old papers', () => {
    fillTopicLibrary(t.lib, 300, 1)
    const ranker = new Ranker()
    ranker.sync(t.lib.db)
    t.lib.db.prepare('DELETE FROM papers').run()
    ranker.sync(t.lib.db)
    expect(ranker.matrix.live).toBe(0)
    const topics = fillTopicLibrary(t.lib, 200, 2) // numbered from 1 again, other texts
    ranker.sync(t.lib.db)
    expect(ranker.matrix.live).toBe(200)
    const fresh = new Ranker()
    fresh.sync(t.lib.db)
    const [id] = papersOfTopic(topics, 4, 1)
    expect(ranker.similar(id!, 5)).toEqual(fresh.similar(id!, 5))
  })

  it('the worker keeps the features in the library: a new start reads them back and ranks the same', () => {
    const topics = fillTopicLibrary(t.lib, 800)
    setStarred(t.lib.db, papersOfTopic(topics, 5, 4), true)
    const worker = new Ranker(true)
    worker.sync(t.lib.db)
    expect(t.lib.db.prepare('SELECT count(*) FROM paper_features').pluck().get()).toBe(800)
    const before = worker.rank(t.lib.db).top.map((s) => s.id)
    // A new start: nothing tokenized (the abstracts could be gone), the same ranking.
    t.lib.db.prepare("UPDATE paper_abstracts SET abstract = 'changed words only'").run()
    const again = new Ranker(true)
    again.sync(t.lib.db)
    expect(again.rank(t.lib.db).top.map((s) => s.id)).toEqual(before)
    // Papers added since are tokenized and stored; a removed paper's features go with it.
    fillMore(800, 50)
    again.sync(t.lib.db)
    expect(t.lib.db.prepare('SELECT count(*) FROM paper_features').pluck().get()).toBe(850)
    t.lib.db.prepare('DELETE FROM papers WHERE id = 1').run()
    again.sync(t.lib.db)
    expect(again.matrix.live).toBe(849)
    expect(t.lib.db.prepare('SELECT count(*) FROM paper_features').pluck().get()).toBe(849)
  })

  it('the best scores are written first, in their own transaction, then the rest', () => {
    const n = FIRST + 1_000
    const ids = Int32Array.from({ length: n }, (_, i) => i + 1)
    const scores = Float64Array.from({ length: n }, (_, i) => Math.sin(i)) // not in id order
    const count = (): number => t.lib.db.prepare('SELECT count(*) FROM paper_scores').pluck().get() as number
    let atFirst = -1
    let lowestFirst = 0
    writeScores(t.lib.db, { ids, scores, top: [] }, () => {
      atFirst = count()
      lowestFirst = t.lib.db.prepare('SELECT min(score) FROM paper_scores').pluck().get() as number
    })
    expect(atFirst).toBe(FIRST)
    expect(lowestFirst).toBe([...scores].sort((a, b) => b - a)[FIRST - 1])
    expect(count()).toBe(n)
  })

  it('the view pages stored scores of unread papers only, and an empty ranking clears it', () => {
    const topics = fillTopicLibrary(t.lib, 300)
    const ids = papersOfTopic(topics, 0, 3)
    const scored = (list: number[]): Parameters<typeof writeScores>[1] => ({
      ids: Int32Array.from(list),
      scores: Float64Array.from(list, (_, i) => 1 - i / 10),
      top: list.length ? [{ id: list[0]!, score: 1, why: 'because' }] : []
    })
    writeScores(t.lib.db, scored(ids))
    expect(forYouPage(t.lib.db, { limit: 5 }).items).toHaveLength(0) // fewer than 3 stars: no view yet
    setStarred(t.lib.db, papersOfTopic(topics, 1, 3), true)
    expect(forYouPage(t.lib.db, { limit: 5 })).toMatchObject({ why: { [ids[0]!]: 'because' } })
    setStatus(t.lib.db, [ids[0]!], 'read')
    expect(forYouPage(t.lib.db, { limit: 5 }).items.map((p) => p.id)).toEqual(ids.slice(1))
    writeScores(t.lib.db, scored([]))
    expect(t.lib.db.prepare('SELECT count(*) FROM paper_scores').pluck().get()).toBe(0)
    expect(forYouPage(t.lib.db, { limit: 5 }).items).toEqual([])
  })
})
