// @vitest-environment jsdom
/**
 * The feed's keyboard cursor (the store behind j/k) against a stand-in api whose pages arrive
 * when the test says: a held j runs past the loaded rows without losing or repeating a press,
 * and fetches the paper and its note once, when the keys pause.
 * The api is a stand-in because the store is what is under test here (the real renderer against
 * the real host is covered by the end-to-end tests).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { storeWithApi } from './store-with-api'

const TOTAL = 2_000
/** feedPage requests waiting for the test to answer them. */
const waiting: { cursor: number; limit: number; answer: () => void }[] = []
const calls = { getNote: [] as number[], getPaper: [] as number[] }
/** Papers that no longer belong to the list (read, in Unread). */
const gone = new Set<number>()
const row = (id: number) => ({ id, title: `Paper ${id}`, status: 'unread', starred: false, hasNote: false })

const fakeApi = {
  feedPage: vi.fn(
    ({ cursor, limit }: { cursor?: string; limit: number }) =>
      new Promise((resolve) => {
        // Keyset paging on the id: the cursor is the last id of the previous page.
        const after = cursor ? Number(cursor) : 0
        const items: ReturnType<typeof row>[] = []
        for (let id = after + 1; id <= TOTAL && items.length < limit; id++) if (!gone.has(id)) items.push(row(id))
        const last = items.at(-1)?.id ?? TOTAL
        waiting.push({
          cursor: after,
          limit,
          answer: () => resolve({ items, nextCursor: last < TOTAL ? String(last) : null, terms: [] })
        })
      })
  ),
  getNote: vi.fn(async ({ paperId }: { paperId: number }) => {
    calls.getNote.push(paperId)
    return { paperId, body: '', updatedAt: null }
  }),
  getPaper: vi.fn(async ({ id }: { id: number }) => {
    calls.getPaper.push(id)
    return { ...row(id), authors: [], links: {}, digests: [], tags: [] }
  }),
  counts: vi.fn(async () => ({
    views: { all: TOTAL, unread: TOTAL, reading: 0, read: 0, starred: 0, notes: 0 },
    digests: [],
    tags: []
  }))
}

const { useStore } = await storeWithApi(fakeApi)

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}
/** Answer every waiting page request (and the ones those answers cause) until none is left. */
const answerPages = async () => {
  for (let guard = 0; guard < 100; guard++) {
    await settle()
    const next = waiting.shift()
    if (!next) return
    next.answer()
  }
  throw new Error('the feed kept asking for pages')
}
const selectedIndex = () => {
  const s = useStore.getState()
  return s.rows.findIndex((r) => r.id === s.selectedId)
}

describe('feed keyboard cursor', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] })
    waiting.length = 0
    gone.clear()
    calls.getNote.length = 0
    calls.getPaper.length = 0
    useStore.getState().select(null)
    // Another list shown first: 'all' is then a new list, not a refresh of the last test's.
    useStore.getState().setView('reading')
    await answerPages()
    useStore.getState().setView('all')
    await answerPages()
    expect(useStore.getState().rows).toHaveLength(50)
  })
  afterEach(() => vi.useRealTimers())

  it('a held j runs past several pages while they load: every press counts once', async () => {
    // 600 presses in a burst, pages held back: the cursor stops at the last loaded row...
    for (let i = 0; i < 600; i++) useStore.getState().moveSelection(1)
    expect(selectedIndex()).toBe(49)
    expect(waiting).toHaveLength(1)
    // ...and walks on as each page arrives (50 + 150 + 150 + 150 + 150 rows hold row 600).
    await answerPages()
    expect(useStore.getState().rows.length).toBeGreaterThanOrEqual(600)
    expect(selectedIndex()).toBe(599)
    expect(useStore.getState().rows[599]!.id).toBe(600)
    // Back up and forward again: plain moves within the loaded rows.
    useStore.getState().moveSelection(-1)
    useStore.getState().moveSelection(-1)
    useStore.getState().moveSelection(1)
    expect(selectedIndex()).toBe(598)
  })

  it('presses waiting for a page are dropped when the feed changes', async () => {
    for (let i = 0; i < 80; i++) useStore.getState().moveSelection(1)
    useStore.getState().setView('unread') // a different list before the page arrives
    await answerPages()
    expect(useStore.getState().view).toBe('unread')
    expect(useStore.getState().rows).toHaveLength(50)
    expect(selectedIndex()).toBe(49) // where the cursor was: no late moves
  })

  it('presses waiting for a page survive a refresh of the same list (another process wrote)', async () => {
    for (let i = 0; i < 80; i++) useStore.getState().moveSelection(1)
    expect(selectedIndex()).toBe(49)
    void useStore.getState().reloadFeed() // libraryChanged: the same list, reloaded
    await answerPages()
    expect(selectedIndex()).toBe(79)
    expect(useStore.getState().rows[79]!.id).toBe(80)
  })

  it('keys after a j that waits for the next page act on the row that j reaches, in order', async () => {
    const marked: number[] = []
    for (let i = 0; i < 60; i++) {
      useStore.getState().moveSelection(1)
      useStore.getState().whenSettled(() => marked.push(useStore.getState().selectedId!))
    }
    await answerPages()
    expect(marked).toEqual(Array.from({ length: 60 }, (_, i) => i + 1)) // not row 50 again and again
    expect(selectedIndex()).toBe(59)
  })

  it('a held j fetches the paper and note once, when the keys pause; the note is read-only meanwhile', async () => {
    vi.advanceTimersByTime(10_000)
    useStore.getState().moveSelection(1) // a single press loads at once
    await settle()
    expect(calls.getPaper).toEqual([1])
    expect(calls.getNote).toEqual([1])
    vi.advanceTimersByTime(1_000)
    for (let i = 0; i < 30; i++) {
      useStore.getState().moveSelection(1)
      vi.advanceTimersByTime(30) // key repeat: 30 ms apart
      const s = useStore.getState()
      if (i > 0) {
        expect(s.noteId).toBe(s.selectedId) // the editor follows the cursor at once…
        expect(s.noteState).toBe('loading') // …read-only until the note arrives
      }
    }
    await settle()
    expect(calls.getNote).toEqual([1, 2]) // the first press of the burst still loads at once
    vi.advanceTimersByTime(200)
    await settle()
    expect(calls.getPaper).toEqual([1, 2, 31])
    expect(calls.getNote).toEqual([1, 2, 31])
    expect(useStore.getState().noteState).toBe('idle')
    expect(useStore.getState().paper?.id).toBe(31)
  })

  it('a refresh of the same list keeps the rows loaded, and the current paper even when it left the list', async () => {
    for (let i = 0; i < 300; i++) useStore.getState().moveSelection(1)
    await answerPages()
    expect(selectedIndex()).toBe(299)
    const loaded = useStore.getState().rows.length
    // Paper 300 (the current one), the ten before it and 9 others were read elsewhere: the list is refreshed.
    for (const id of [5, 6, 7, 8, 9, 10, 11, 12, 13]) gone.add(id)
    for (let id = 290; id <= 300; id++) gone.add(id)
    const refreshed = useStore.getState().reloadFeed()
    await answerPages()
    await refreshed
    const rows = useStore.getState().rows
    expect(rows.length).toBeGreaterThanOrEqual(loaded - 20)
    expect(rows.some((r) => r.id === 5 || r.id === 299)).toBe(false)
    expect(selectedIndex()).toBe(rows.findIndex((r) => r.id === 289) + 1) // still there, where it was
    useStore.getState().moveSelection(1)
    expect(useStore.getState().selectedId).toBe(301)
    // Another list: the paper that left is gone.
    useStore.getState().setView('unread')
    await answerPages()
    expect(useStore.getState().rows.some((r) => r.id === 300)).toBe(false)
  })
})
