// @vitest-environment jsdom
/**
 * A refresh that arrives while another view is still loading (libraryChanged, right after a click
 * on Starred): it must load the new view, not "refresh" the old one. It did: the reload counted as a
 * refresh of the list being shown (its key was taken when the first page was asked for, not when it
 * arrived), so the paper open in Unread was kept in Starred's empty list (seen in the end-to-end
 * test of a star undone in Starred, about one run in six). Stand-in api: the store is under test.
 */
import { describe, expect, it, vi } from 'vitest'
import { storeWithApi } from './store-with-api'

const row = (id: number) => ({ id, title: `Paper ${id}`, status: 'unread', starred: false, hasNote: false })
/** Starred pages answer when the test says so; every other view at once. */
const pendingStarred: (() => void)[] = []
const fakeApi = {
  feedPage: vi.fn(async ({ view }: { view?: string }) => {
    if (view === 'starred') await new Promise<void>((go) => pendingStarred.push(go))
    return { items: view === 'starred' ? [] : [row(1), row(2), row(3)], nextCursor: null, terms: [] }
  }),
  getPaper: vi.fn(async ({ id }: { id: number }) => ({ ...row(id), authors: [], digests: [], tags: [] })),
  getNote: vi.fn(async () => null),
  counts: vi.fn(async () => ({
    views: { all: 3, unread: 3, reading: 0, read: 0, starred: 0, notes: 0 },
    digests: [],
    tags: []
  }))
}

const { useStore } = await storeWithApi(fakeApi)

describe('a refresh during a view switch', () => {
  it('shows the new view, without the paper open in the old one', async () => {
    const s = useStore.getState
    s().setView('unread')
    await vi.waitFor(() => expect(s().rows.map((r) => r.id)).toEqual([1, 2, 3]))
    s().select(2)
    s().setView('starred') // its page is on its way…
    const refresh = s().reloadFeed() // …when the library says it changed
    await vi.waitFor(() => expect(pendingStarred.length).toBe(2))
    for (const go of pendingStarred.splice(0)) go()
    await refresh
    await vi.waitFor(() => expect(s().feedLoading).toBe(false))
    expect(s().view).toBe('starred')
    expect(s().rows).toEqual([])
  })
})
