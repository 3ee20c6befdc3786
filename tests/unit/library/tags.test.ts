import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { counts } from '../../../src/main/library/counts'
import { feedPage } from '../../../src/main/library/feed'
import { getNote, listNotes, saveNote } from '../../../src/main/library/notes'
import { getPaper } from '../../../src/main/library/papers'
import { setStatus } from '../../../src/main/library/status'
import { deleteTag, listTags, normalizeTag, renameTag, tagPapers } from '../../../src/main/library/tags'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('tags', () => {
  let t: ReturnType<typeof tempLibrary>
  let ids: number[]
  beforeEach(() => {
    t = tempLibrary()
    ids = addDigest(
      t.lib,
      Array.from({ length: 6 }, (_, i) => paper(`Tagged paper ${i}`))
    )
  })
  afterEach(() => t.cleanup())
  const feedIds = (q: Parameters<typeof feedPage>[1]): number[] =>
    feedPage(t.lib.db, q)
      .items.map((r) => r.id)
      .sort((a, b) => a - b)

  it('adds and removes tags; names are normalised and case-insensitive; unused tags disappear', () => {
    expect(normalizeTag('  #reward  models ')).toBe('reward-models')
    expect(() => normalizeTag('   ')).toThrow(/empty/)
    expect(() => normalizeTag('x'.repeat(101))).toThrow(/at most 100/)
    tagPapers(t.lib.db, ids.slice(0, 3), ['RLHF', 'to read'])
    const [res] = tagPapers(t.lib.db, [ids[0]!], ['rlhf']) // same tag, other case: no duplicate
    expect(res!.tags).toEqual(['RLHF', 'to-read'])
    expect(getPaper(t.lib.db, ids[0]!).tags).toEqual(['RLHF', 'to-read'])
    expect(listTags(t.lib.db)).toEqual([
      { name: 'RLHF', count: 3 },
      { name: 'to-read', count: 3 }
    ])
    tagPapers(t.lib.db, ids.slice(0, 3), [], ['TO-READ'])
    expect(listTags(t.lib.db)).toEqual([{ name: 'RLHF', count: 3 }])
    expect(counts(t.lib.db).tags).toEqual([{ name: 'RLHF', count: 3 }])
    expect(() => tagPapers(t.lib.db, [999999], ['x'])).toThrow(/No paper with id 999999/)
    expect(listTags(t.lib.db).map((x) => x.name)).not.toContain('x')
  })

  it('filters the feed by tag, by tag: in the search box, combined with views and words', () => {
    tagPapers(t.lib.db, ids.slice(0, 3), ['rlhf'])
    tagPapers(t.lib.db, ids.slice(2, 5), ['vision'])
    setStatus(t.lib.db, [ids[0]!], 'read')
    expect(feedIds({ tag: 'rlhf' })).toEqual(ids.slice(0, 3))
    expect(feedIds({ tag: 'RLHF' })).toEqual(ids.slice(0, 3))
    expect(feedIds({ query: 'tag:vision' })).toEqual(ids.slice(2, 5))
    expect(feedIds({ view: 'unread', tag: 'rlhf' })).toEqual(ids.slice(1, 3))
    expect(feedIds({ query: 'tag:rlhf paper 2' })).toEqual([ids[2]!])
  })

  it('renames a tag everywhere, merging into an existing tag; renames case only', () => {
    tagPapers(t.lib.db, ids.slice(0, 3), ['rl'])
    tagPapers(t.lib.db, ids.slice(2, 5), ['reinforcement'])
    expect(renameTag(t.lib.db, 'rl', 'Reinforcement')).toEqual({ name: 'reinforcement', papers: 5 })
    expect(listTags(t.lib.db)).toEqual([{ name: 'reinforcement', count: 5 }])
    expect(feedIds({ tag: 'reinforcement' })).toEqual(ids.slice(0, 5))
    expect(renameTag(t.lib.db, 'reinforcement', 'Reinforcement')).toEqual({ name: 'Reinforcement', papers: 5 })
    expect(listTags(t.lib.db)).toEqual([{ name: 'Reinforcement', count: 5 }])
    expect(renameTag(t.lib.db, 'Reinforcement', 'rl-all')).toEqual({ name: 'rl-all', papers: 5 })
    expect(feedIds({ tag: 'Reinforcement' })).toEqual([])
    expect(() => renameTag(t.lib.db, 'nope', 'x')).toThrow(/No tag "nope"/)
  })

  it('deleting a tag keeps the papers and their notes', () => {
    tagPapers(t.lib.db, ids.slice(0, 2), ['later'])
    saveNote(t.lib.db, ids[0]!, 'A note I wrote')
    expect(deleteTag(t.lib.db, 'LATER')).toEqual({ name: 'LATER', papers: 2 })
    expect(listTags(t.lib.db)).toEqual([])
    expect(getPaper(t.lib.db, ids[0]!).tags).toEqual([])
    expect(getNote(t.lib.db, ids[0]!).body).toBe('A note I wrote')
    expect(counts(t.lib.db).views.all).toBe(6)
    expect(() => deleteTag(t.lib.db, 'later')).toThrow(/No tag "later"/)
  })

  it('the notes list filters by tag, status and full-text search in the notes', () => {
    saveNote(t.lib.db, ids[0]!, 'reward hacking is real', '2026-01-01T10:00:00.000Z')
    saveNote(t.lib.db, ids[1]!, 'reward models and more', '2026-01-02T10:00:00.000Z')
    saveNote(t.lib.db, ids[2]!, 'vision transformers', '2026-01-03T10:00:00.000Z')
    tagPapers(t.lib.db, [ids[0]!, ids[2]!], ['keep'])
    setStatus(t.lib.db, [ids[1]!], 'read')
    const of = (f: Parameters<typeof listNotes>[1]): number[] => listNotes(t.lib.db, f, 100).map((n) => n.paperId)
    expect(of(undefined)).toEqual([ids[2], ids[1], ids[0]]) // newest edited first
    expect(of({ query: 'reward' })).toEqual([ids[1], ids[0]])
    expect(of({ query: 'Tagged' })).toEqual([]) // titles are not notes
    expect(of({ tag: 'keep' })).toEqual([ids[2], ids[0]])
    expect(of({ status: 'read' })).toEqual([ids[1]])
    expect(of({ query: 'reward', tag: 'keep', status: 'unread' })).toEqual([ids[0]])
  })
})
