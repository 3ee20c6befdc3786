import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { feedPage } from '../../../src/main/library/feed'
import { parseQuery } from '../../../src/main/library/search'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { tagPapers } from '../../../src/main/library/tags'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('feed paging', () => {
  let t: ReturnType<typeof tempLibrary>
  let older: number[]
  let newer: number[]
  beforeAll(() => {
    t = tempLibrary()
    older = addDigest(
      t.lib,
      Array.from({ length: 120 }, (_, i) => paper(`Older paper ${i}`)),
      '2024-06-05'
    )
    newer = addDigest(
      t.lib,
      Array.from({ length: 130 }, (_, i) => paper(`Newer paper ${i}`)),
      '2024-06-06'
    )
  })
  afterAll(() => t.cleanup())

  it('walks every paper exactly once with keyset cursors, newest digest first', () => {
    const seen: number[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = feedPage(t.lib.db, { limit: 37, cursor })
      seen.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor)
    expect(pages).toBe(Math.ceil(250 / 37))
    expect(new Set(seen).size).toBe(250)
    expect(seen.slice(0, 130).every((id) => newer.includes(id))).toBe(true)
    expect(seen.slice(130).every((id) => older.includes(id))).toBe(true)
  })

  it('sorts by title and filters by digest in listing order', () => {
    const byTitle = feedPage(t.lib.db, { sort: 'title', limit: 3 }).items.map((r) => r.title)
    expect(byTitle).toEqual(['Newer paper 0', 'Newer paper 1', 'Newer paper 10'])
    const digestId = t.lib.db.prepare("SELECT id FROM digests WHERE digest_date = '2024-06-05'").pluck().get() as number
    const page = feedPage(t.lib.db, { digestId, limit: 5 })
    expect(page.items.map((r) => r.id)).toEqual(older.slice(0, 5))
    const next = feedPage(t.lib.db, { digestId, limit: 5, cursor: page.nextCursor! })
    expect(next.items.map((r) => r.id)).toEqual(older.slice(5, 10))
  })

  it('status views in every sort order return exactly that status, paged, with filters (index hints hold)', () => {
    const reading = [...older.slice(0, 7), ...newer.slice(3, 9)]
    setStatus(t.lib.db, reading, 'reading')
    setStatus(t.lib.db, older.slice(50, 60), 'read')
    tagPapers(t.lib.db, reading.slice(0, 4), ['deep'], [])
    for (const sort of ['digest', 'firstSeen', 'title'] as const) {
      const first = feedPage(t.lib.db, { view: 'reading', sort, limit: 5 })
      const rest = feedPage(t.lib.db, { view: 'reading', sort, limit: 50, cursor: first.nextCursor! })
      expect([...first.items, ...rest.items].map((r) => r.id).sort()).toEqual([...reading].sort())
      expect(
        feedPage(t.lib.db, { view: 'reading', sort, tag: 'deep' })
          .items.map((r) => r.id)
          .sort()
      ).toEqual(reading.slice(0, 4).sort())
      expect(
        feedPage(t.lib.db, { view: 'read', sort })
          .items.map((r) => r.id)
          .sort()
      ).toEqual(older.slice(50, 60).sort())
    }
    const titles = feedPage(t.lib.db, { view: 'reading', sort: 'title' }).items.map((r) => r.title)
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())))
    setStatus(t.lib.db, [...reading, ...older.slice(50, 60)], 'unread')
  })

  it('a status view pages in sort order whether its papers are few (index and sort) or many (the sort index)', () => {
    const db = t.lib.db
    const all = [...newer, ...older]
    const reference = (ids: number[], sort: 'digest' | 'firstSeen' | 'title'): number[] => {
      const order = { digest: 'digest_date DESC, id', firstSeen: 'first_seen DESC, id', title: 'title_key, id' }[sort]
      return db
        .prepare(`SELECT id FROM papers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ${order}`)
        .pluck()
        .all(JSON.stringify(ids)) as number[]
    }
    // limit 10 of 250 papers: up to 52 papers of a status count as few (52² ≤ 11 × 250).
    for (const n of [4, 30, 200]) {
      const chosen = all.filter((_, i) => (i * 7) % 250 < n)
      setStatus(db, chosen, 'reading')
      for (const sort of ['digest', 'firstSeen', 'title'] as const) {
        const seen: number[] = []
        let cursor: string | undefined
        do {
          const page = feedPage(db, { view: 'reading', sort, limit: 10, cursor })
          seen.push(...page.items.map((r) => r.id))
          cursor = page.nextCursor ?? undefined
        } while (cursor)
        expect(seen, `${n} reading, by ${sort}`).toEqual(reference(chosen, sort))
      }
      setStatus(db, chosen, 'unread')
    }
  })

  it('rejects a forged cursor with a clear error', () => {
    expect(() => feedPage(t.lib.db, { cursor: 'not-a-cursor' })).toThrow(/Invalid feed cursor/)
  })
})

describe('search', () => {
  let t: ReturnType<typeof tempLibrary>
  let ids: number[]
  beforeAll(() => {
    t = tempLibrary()
    ids = addDigest(t.lib, [
      paper('Light Schrödinger Bridge', {
        abstract: 'Schr\\"odinger bridges for generative modelling.',
        authors: ['Alexander Korotin']
      }),
      paper('Diffusion Models Beat GANs', {
        abstract: 'Diffusion wins on image synthesis.',
        authors: ['Prafulla Dhariwal']
      }),
      paper('Denoising Diffusion Probabilistic Models', {
        abstract: 'A generative model using diffusion.',
        authors: ['Jonathan Ho']
      })
    ])
    setStatus(t.lib.db, [ids[1]!], 'read')
    setStarred(t.lib.db, [ids[2]!], true)
  })
  afterAll(() => t.cleanup())
  afterEach(() => undefined)

  const find = (query: string): number[] => feedPage(t.lib.db, { query }).items.map((r) => r.id)

  it('ranks title matches first, folds diacritics, prefix-matches the last word', () => {
    expect(find('diffusion')[0]).not.toBe(ids[0])
    expect(find('diffusion').sort()).toEqual([ids[1], ids[2]].sort())
    expect(find('schrodinger')).toEqual([ids[0]])
    expect(find('probabil')).toEqual([ids[2]])
    expect(find('dhariwal')).toEqual([ids[1]])
    expect(feedPage(t.lib.db, { query: 'diffusion models' }).terms).toEqual(['diffusion', 'models'])
  })

  it('combines filters and phrases', () => {
    expect(find('diffusion status:unread')).toEqual([ids[2]])
    expect(find('diffusion starred')).toEqual([ids[2]])
    expect(find('"models beat"')).toEqual([ids[1]])
    expect(find('status:read')).toEqual([ids[1]])
  })

  it('never lets FTS5 syntax through: malformed input is safe or a friendly error', () => {
    for (const q of [
      '"unclosed',
      'AND OR NOT',
      '(((',
      'title:',
      '*',
      'NEAR(a b',
      "'; DROP TABLE papers; --",
      '^start',
      '-'
    ]) {
      expect(() => feedPage(t.lib.db, { query: q })).not.toThrow()
    }
    expect(() => feedPage(t.lib.db, { query: 'status:maybe' })).toThrow(/Unknown status "maybe"/)
    expect(() => feedPage(t.lib.db, { query: 'digest:yesterday' })).toThrow(/digest: needs a date/)
    expect(parseQuery('AND OR').match).toBe('"AND" "OR"*')
  })
})

describe('filters that contradict the view, and filters that are not filters', () => {
  let t: ReturnType<typeof tempLibrary>
  let ids: number[]
  beforeAll(() => {
    t = tempLibrary()
    ids = addDigest(t.lib, [paper('Mamba: Linear-Time Sequence Modeling'), paper('Attention Is All You Need')])
    setStatus(t.lib.db, [ids[1]!], 'read')
    setStatus(t.lib.db, [ids[0]!], 'reading')
    tagPapers(t.lib.db, [ids[0]!], ['ssm'], [])
  })
  afterAll(() => t.cleanup())

  it('a status: filter over a view of another status searches the whole library, and says so', () => {
    for (const sort of ['digest', 'firstSeen', 'title'] as const) {
      for (const view of ['unread', 'reading'] as const) {
        const page = feedPage(t.lib.db, { view, sort, query: 'status:read' })
        expect(page.items.map((r) => r.id)).toEqual([ids[1]])
        expect(page.notice).toBe(
          `status:read searches Read — showing All, not ${view === 'unread' ? 'Unread' : 'Reading'}`
        )
      }
    }
    const ranked = feedPage(t.lib.db, { view: 'unread', query: 'attention status:read' })
    expect(ranked.items.map((r) => r.id)).toEqual([ids[1]])
    expect(ranked.notice).toMatch(/^status:read searches Read/)
    // No contradiction, no note: the same status, or a view that is not a status.
    expect(feedPage(t.lib.db, { view: 'read', query: 'status:read' }).notice).toBeUndefined()
    expect(feedPage(t.lib.db, { view: 'starred', query: 'status:read' }).items).toEqual([])
  })

  it('explains a name:value that is no filter, an unknown tag and a wrong is:, like a malformed filter', () => {
    expect(() => feedPage(t.lib.db, { query: 'title:x' })).toThrow(/"title:" is not a filter: use status:, tag:/)
    expect(() => feedPage(t.lib.db, { query: 'tag:nonexistent' })).toThrow(/No tag is named "nonexistent"/)
    expect(() => feedPage(t.lib.db, { query: 'is:read' })).toThrow(/is: takes only "starred"/)
    expect(feedPage(t.lib.db, { query: 'tag:ssm' }).items.map((r) => r.id)).toEqual([ids[0]])
    // A title's colon and identifiers stay words.
    expect(feedPage(t.lib.db, { query: 'Mamba: linear' }).items.map((r) => r.id)).toEqual([ids[0]])
    expect(() => feedPage(t.lib.db, { query: 'arXiv:1706.03762' })).not.toThrow()
    expect(() => feedPage(t.lib.db, { query: 'https://arxiv.org/abs/1706.03762' })).not.toThrow()
  })
})
