import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { counts } from '../../../src/main/library/counts'
import { feedPage } from '../../../src/main/library/feed'
import { getNote, listNotes, listRevisions, REVISION_BURST_MS, saveNote } from '../../../src/main/library/notes'
import { restoreStatus, setStarred, setStatus } from '../../../src/main/library/status'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('reading status, stars and undo', () => {
  let t: ReturnType<typeof tempLibrary>
  let ids: number[]
  beforeEach(() => {
    t = tempLibrary()
    ids = addDigest(
      t.lib,
      Array.from({ length: 10 }, (_, i) => paper(`Paper number ${i}`))
    )
  })
  afterEach(() => t.cleanup())

  it('changes status, reports only real changes with their previous status, and undoes them', () => {
    const first = setStatus(t.lib.db, ids.slice(0, 3), 'reading')
    expect(first.changed).toEqual(ids.slice(0, 3).map((id) => ({ id, status: 'unread' })))
    const bulk = setStatus(t.lib.db, ids, 'read')
    expect(bulk.changed).toHaveLength(10)
    expect(bulk.changed.filter((c) => c.status === 'reading')).toHaveLength(3)
    expect(counts(t.lib.db).views).toMatchObject({ all: 10, read: 10, unread: 0, reading: 0 })
    // Undo the bulk change: back to 3 reading, 7 unread.
    restoreStatus(t.lib.db, bulk.changed)
    expect(counts(t.lib.db).views).toMatchObject({ read: 0, unread: 7, reading: 3 })
    // Undo the first: all unread again.
    restoreStatus(t.lib.db, first.changed)
    expect(counts(t.lib.db).views).toMatchObject({ unread: 10, reading: 0 })
    // A no-op change reports nothing.
    expect(setStatus(t.lib.db, ids, 'unread').changed).toEqual([])
  })

  it('stars in bulk, counts per digest and view follow', () => {
    expect(setStarred(t.lib.db, ids.slice(0, 4), true).changed).toHaveLength(4)
    expect(setStarred(t.lib.db, ids.slice(0, 4), true).changed).toHaveLength(0)
    setStatus(t.lib.db, ids.slice(0, 2), 'read')
    const c = counts(t.lib.db)
    expect(c.views.starred).toBe(4)
    expect(c.digests).toHaveLength(1)
    expect(c.digests[0]).toMatchObject({ total: 10, unread: 8 })
    expect(
      feedPage(t.lib.db, { view: 'starred' })
        .items.map((r) => r.id)
        .sort()
    ).toEqual(ids.slice(0, 4).sort())
  })
})

describe('notes', () => {
  let t: ReturnType<typeof tempLibrary>
  let id: number
  beforeEach(() => {
    t = tempLibrary()
    ;[id] = addDigest(t.lib, [paper('Deep Residual Learning for Image Recognition')]) as [number]
  })
  afterEach(() => t.cleanup())

  it('saves, coalesces a typing burst into one revision, keeps later edits as new revisions', () => {
    const t0 = Date.parse('2026-01-01T10:00:00Z')
    saveNote(t.lib.db, id, 'first', new Date(t0).toISOString())
    saveNote(t.lib.db, id, 'first draft', new Date(t0 + 500).toISOString())
    expect(listRevisions(t.lib.db, id)).toHaveLength(1)
    saveNote(t.lib.db, id, 'first draft, revised', new Date(t0 + REVISION_BURST_MS + 1000).toISOString())
    const revs = listRevisions(t.lib.db, id)
    expect(revs.map((r) => r.body)).toEqual(['first draft, revised', 'first draft'])
    expect(getNote(t.lib.db, id).body).toBe('first draft, revised')
    // Saving the same text again is not a new revision.
    saveNote(t.lib.db, id, 'first draft, revised', new Date(t0 + 10 * REVISION_BURST_MS).toISOString())
    expect(listRevisions(t.lib.db, id)).toHaveLength(2)
  })

  it('notes are searchable and listed newest first; clearing a note keeps its history', () => {
    saveNote(t.lib.db, id, 'Residual connections are *the* trick.\n\nSecond paragraph.')
    expect(feedPage(t.lib.db, { query: 'trick' }).items.map((r) => r.id)).toEqual([id])
    expect(listNotes(t.lib.db, undefined, 10)).toMatchObject([
      { paperId: id, excerpt: 'Residual connections are the trick. Second paragraph.' }
    ])
    expect(listNotes(t.lib.db, 'trick', 10)).toHaveLength(1)
    expect(listNotes(t.lib.db, 'absent', 10)).toHaveLength(0)
    saveNote(t.lib.db, id, '')
    expect(counts(t.lib.db).views.notes).toBe(0)
    expect(feedPage(t.lib.db, { query: 'trick' }).items).toHaveLength(0)
    expect(listRevisions(t.lib.db, id).some((r) => r.body.includes('trick'))).toBe(true)
  })

  it('refuses a note on a paper that does not exist', () => {
    expect(() => saveNote(t.lib.db, 999999, 'x')).toThrow(/No paper with id 999999/)
  })
})
