import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { feedPage } from '../../../src/main/library/feed'
import { getNote, listRevisions, REVISION_BURST_MS, restoreRevision, saveNote } from '../../../src/main/library/notes'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('restoring a note revision', () => {
  let t: ReturnType<typeof tempLibrary>
  let id: number
  let other: number
  const at = (ms: number): string => new Date(Date.parse('2026-03-01T09:00:00Z') + ms).toISOString()
  beforeEach(() => {
    t = tempLibrary()
    ;[id, other] = addDigest(t.lib, [paper('Attention Is All You Need'), paper('Another paper')]) as [number, number]
  })
  afterEach(() => t.cleanup())

  it('puts the old text back as a new revision, keeping the text it replaced', () => {
    saveNote(t.lib.db, id, 'version one: positional encodings', at(0))
    saveNote(t.lib.db, id, 'version two: multi-head attention', at(2 * REVISION_BURST_MS))
    const [v2, v1] = listRevisions(t.lib.db, id)
    expect(v1!.body).toBe('version one: positional encodings')
    // Restored within the burst window of the last save: still a new revision, v2 is not overwritten.
    const note = restoreRevision(t.lib.db, id, v1!.id, at(2 * REVISION_BURST_MS + 1000))
    expect(note.body).toBe('version one: positional encodings')
    expect(getNote(t.lib.db, id).body).toBe('version one: positional encodings')
    const revs = listRevisions(t.lib.db, id)
    expect(revs.map((r) => r.body)).toEqual([
      'version one: positional encodings',
      'version two: multi-head attention',
      'version one: positional encodings'
    ])
    expect(revs[1]!.id).toBe(v2!.id)
    // The search index follows the restored text.
    expect(feedPage(t.lib.db, { query: 'positional' }).items.map((r) => r.id)).toEqual([id])
    expect(feedPage(t.lib.db, { query: 'multi head' }).items).toEqual([])
    // Restoring the text the note already has changes nothing.
    restoreRevision(t.lib.db, id, revs[0]!.id, at(3 * REVISION_BURST_MS))
    expect(listRevisions(t.lib.db, id)).toHaveLength(3)
  })

  it('refuses a revision of another paper or one that does not exist, changing nothing', () => {
    saveNote(t.lib.db, id, 'mine', at(0))
    saveNote(t.lib.db, other, 'theirs', at(0))
    const theirs = listRevisions(t.lib.db, other)[0]!
    expect(() => restoreRevision(t.lib.db, id, theirs.id)).toThrow(/no revision/)
    expect(() => restoreRevision(t.lib.db, 999999, theirs.id)).toThrow(/No paper with id 999999/)
    expect(getNote(t.lib.db, id).body).toBe('mine')
    expect(listRevisions(t.lib.db, id)).toHaveLength(1)
  })
})
