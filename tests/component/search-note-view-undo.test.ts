// @vitest-environment jsdom
/**
 * The store's side of two library answers (a stand-in api: the store is under test; the real
 * renderer against the real host is what the end-to-end tests cover): a search listed newest first
 * shows the library's note until the next search; a whole-view change too big to list is undone
 * by its id (undoViewChange), never by sending every paper back.
 */
import { describe, expect, it, vi } from 'vitest'
import { storeWithApi } from './store-with-api'

const NOTE = 'Sorted by date added, newest first: more than 20,000 papers in the library match…'
const row = (id: number) => ({ id, title: `Paper ${id}`, status: 'unread', starred: false, hasNote: false })

const fakeApi = {
  feedPage: vi.fn(async ({ query }: { query?: string }) => ({
    items: [row(1), row(2), row(3)],
    nextCursor: null,
    terms: query ? [query] : [],
    ...(query === 'learning' ? { note: NOTE } : {})
  })),
  setViewStatus: vi.fn(async () => ({ changed: [], view: { total: 680_000, undoId: 7 } })),
  undoViewChange: vi.fn(async () => ({ restored: 680_000 })),
  restoreStatus: vi.fn(async () => ({ changed: [] })),
  counts: vi.fn(async () => ({
    views: { all: 3, unread: 3, reading: 0, read: 0, starred: 0, notes: 0 },
    digests: [],
    tags: []
  }))
}

const { useStore } = await storeWithApi(fakeApi)
const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

describe('search note and whole-view undo in the store', () => {
  it('keeps the note of a search listed newest first, and drops it for the next search', async () => {
    useStore.getState().setQuery('learning')
    await vi.waitFor(() => expect(useStore.getState().searchNote).toBe(NOTE))
    useStore.getState().setQuery('quantization')
    await vi.waitFor(() => expect(useStore.getState().terms).toEqual(['quantization']))
    expect(useStore.getState().searchNote).toBeNull()
  })

  it('marks a view of 680,000 papers read and undoes it by its id', async () => {
    useStore.getState().setQuery('')
    await vi.waitFor(() => expect(useStore.getState().rows.length).toBe(3))
    await useStore.getState().markViewRead()
    const entry = useStore.getState().undoStack.at(-1)!
    expect(entry.undoId).toBe(7)
    expect(entry.label).toMatch(/^Marked 680,000 papers in /)
    // Too many to list: every loaded row is in the view, so every one shows read.
    expect(useStore.getState().rows.map((r) => r.status)).toEqual(['read', 'read', 'read'])
    await useStore.getState().undo()
    await settle()
    expect(fakeApi.undoViewChange).toHaveBeenCalledWith({ undoId: 7 })
    expect(fakeApi.restoreStatus).not.toHaveBeenCalled()
  })
})
