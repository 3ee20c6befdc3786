/**
 * Search by identity (an arXiv id in its usual forms, a DOI, a doi.org link, arXiv's own DOI) and by
 * author (author:hinton, author:"geoffrey hinton", or the name as a plain word); and a search too
 * broad to rank, listed newest first with a note saying so, paged and filtered like any feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../../src/main/library/db'
import { feedPage } from '../../../src/main/library/feed'
import { RANK_AT_MOST } from '../../../src/main/library/search-plan'
import { setStatus } from '../../../src/main/library/status'
import { populateLibraryQuickly } from '../../helpers/generate'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

const ids = (db: DB, query: string, extra: object = {}): number[] =>
  feedPage(db, { query, limit: 100, ...extra }).items.map((r) => r.id)

describe('search by arXiv id, DOI and author', () => {
  let t: ReturnType<typeof tempLibrary>
  let attention: number
  let lecun: number
  let other: number
  beforeAll(() => {
    t = tempLibrary()
    ;[attention, lecun, other] = addDigest(t.lib, [
      paper('Attention Is All You Need', {
        arxivId: '1706.03762',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        abstract: 'The dominant sequence transduction models…'
      }),
      paper('Deep learning', {
        doi: '10.1038/nature14539',
        authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton']
      }),
      paper('Hinton diagrams for weights', { arxivId: 'hep-th/9901001', authors: ['Ada Lovelace'] })
    ]) as [number, number, number]
  })
  afterAll(() => t.cleanup())

  it.each([
    '1706.03762',
    '1706.03762v5',
    'arXiv:1706.03762',
    'https://arxiv.org/abs/1706.03762',
    'https://arxiv.org/pdf/1706.03762v7',
    '10.48550/arXiv.1706.03762'
  ])('finds the paper by its arXiv id written as %s', (query) => {
    expect(ids(t.lib.db, query)).toEqual([attention])
  })

  it('finds an old-style arXiv id, a DOI (any case, doi: or a doi.org link), and several ids at once', () => {
    expect(ids(t.lib.db, 'hep-th/9901001')).toEqual([other])
    for (const q of [
      '10.1038/nature14539',
      '10.1038/NATURE14539',
      'doi:10.1038/nature14539',
      'https://doi.org/10.1038/nature14539'
    ])
      expect(ids(t.lib.db, q)).toEqual([lecun])
    expect(ids(t.lib.db, '1706.03762 10.1038/nature14539').sort()).toEqual([attention, lecun].sort())
    // An id with words: the paper with that id, if the words match it too.
    expect(ids(t.lib.db, '1706.03762 attention')).toEqual([attention])
    expect(ids(t.lib.db, '1706.03762 hinton')).toEqual([])
    expect(ids(t.lib.db, '2401.99999')).toEqual([])
  })

  it('finds papers by author: the name as a word, author:name (a prefix as you type), author:"full name"', () => {
    expect(ids(t.lib.db, 'lecun')).toEqual([lecun])
    expect(ids(t.lib.db, 'hinton').sort()).toEqual([lecun, other].sort()) // a word: author or title
    expect(ids(t.lib.db, 'author:hinton')).toEqual([lecun]) // authors only, not the title "Hinton diagrams"
    expect(ids(t.lib.db, 'author:Hint')).toEqual([lecun])
    expect(ids(t.lib.db, 'author:"geoffrey hinton"')).toEqual([lecun])
    expect(ids(t.lib.db, 'authors:vaswani attention')).toEqual([attention])
    expect(ids(t.lib.db, 'author:"noam vaswani"')).toEqual([])
    expect(() => ids(t.lib.db, 'author:')).toThrow(/author: needs a name/)
  })
})

describe(`a search matching more than ${RANK_AT_MOST.toLocaleString('en')} papers`, () => {
  let t: ReturnType<typeof tempLibrary>
  const PAPERS = RANK_AT_MOST + 5_000
  beforeAll(async () => {
    t = tempLibrary()
    // Every paper's abstract reads "An abstract about Paper <i>"; paper i is in digest i % 100.
    await populateLibraryQuickly(t.lib, { papers: PAPERS, digests: 100 })
    setStatus(
      t.lib.db,
      t.lib.db.prepare('SELECT id FROM papers WHERE id % 50 = 0').pluck().all() as number[],
      'reading'
    )
  }, 60_000)
  afterAll(() => t.cleanup())

  it('lists the newest first, says so on the first page, and pages through every match once', () => {
    const db = t.lib.db
    const first = feedPage(db, { query: 'abstract', limit: 100 })
    expect(first.note).toMatch(/^Sorted by date added, newest first: more than 20,000 papers match/)
    const all = first.items.map((r) => r.id)
    expect(all).toEqual([...all].sort((a, b) => b - a))
    expect(all[0]).toBe(PAPERS)
    let cursor = first.nextCursor
    while (cursor) {
      const page = feedPage(db, { query: 'abstract', limit: 500, cursor })
      expect(page.note).toBeUndefined()
      for (const r of page.items) all.push(r.id)
      cursor = page.nextCursor
    }
    expect(all.length).toBe(PAPERS)
    expect(new Set(all).size).toBe(PAPERS)
  })

  it('a word being typed that is broad whole is listed whole, newest first; a selective search is ranked, no note', () => {
    const db = t.lib.db
    expect(feedPage(db, { query: 'abstr', limit: 5 }).note).toBeDefined() // the prefix itself is broad
    expect(feedPage(db, { query: 'about', limit: 5 }).note).toBeDefined()
    const ranked = feedPage(db, { query: 'paper 12345', limit: 5 })
    expect(ranked.note).toBeUndefined()
    expect(ranked.items[0]?.title).toBe('Paper 12345')
  })

  it('with the view filters: Reading (1 in 50), and a digest (1 in 100: the rest found in one query)', () => {
    const db = t.lib.db
    const reading = db
      .prepare("SELECT paper_id FROM paper_status WHERE status = 'reading' ORDER BY paper_id DESC")
      .pluck()
      .all() as number[]
    const walked: number[] = []
    let cursor: string | undefined
    do {
      const page = feedPage(db, { query: 'abstract', view: 'reading', limit: 100, cursor })
      for (const r of page.items) walked.push(r.id)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(walked).toEqual(reading)

    const digestId = db.prepare("SELECT id FROM digests WHERE content_hash = 'quick-7'").pluck().get() as number
    const inDigest = db
      .prepare('SELECT paper_id FROM digest_papers WHERE digest_id = ? ORDER BY paper_id DESC')
      .pluck()
      .all(digestId) as number[]
    const page = feedPage(db, { query: 'abstract', digestId, limit: 500 })
    expect(page.items.map((r) => r.id)).toEqual(inDigest)
    expect(feedPage(db, { query: 'abstract status:reading', digestId, limit: 500 }).items.map((r) => r.id)).toEqual(
      inDigest.filter((id) => reading.includes(id))
    )
  })
})
