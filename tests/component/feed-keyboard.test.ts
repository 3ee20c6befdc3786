// @vitest-environment jsdom
/**
 * The feed's keyboard cursor (the store behind j/k) against a stand-in api whose pages arrive
 * when the test says: a held j runs past the loaded rows without losing or repeating a press,
 * and fetches the paper and its note once, when the keys pause.
 * The api is a stand-in because the store is what is under test here (the real renderer against
 * the real host is covered by the end-to-end tests).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { FolioApi } from '../../src/preload/api'

const TOTAL = 2_000
/** feedPage requests waiting for the test to answer them. */
const waiting: { cursor: number; limit: number; answer: () => void }[] = []
const calls = { getNote: [] as number[], getPaper: [] as number[] }
const row = (id: number) => ({ id, title: `Paper ${id}`, status: 'unread', starred: false, hasNote: false })

const fakeApi = {
  feedPage: vi.fn(
    ({ cursor, limit }: { cursor?: string; limit: number }) =>
      new Promise((resolve) => {
        const from = cursor ? Number(cursor) : 0
        const to = Math.min(TOTAL, from + limit)
        const items = Array.from({ length: to - from }, (_, i) => row(from + i + 1))
        waiting.push({ cursor: from, limit, answer: () => resolve({ items, nextCursor: to < TOTAL ? String(to) : null, terms: [] }) })
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
  counts: vi.fn(async () => ({ views: { all: TOTAL, unread: TOTAL, reading: 0, read: 0, starred: 0, notes: 0 }, digests: [], tags: [] })),
  on: () => () => {}
} as unknown as FolioApi

vi.mock('../../src/renderer/src/api', () => ({
  api: fakeApi,
  inBrowserHost: false,
  openExternal: async () => {},
  errorMessage: (e: unknown) => String(e)
}))

const { useStore } = await import('../../src/renderer/src/store')

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
    calls.getNote.length = 0
    calls.getPaper.length = 0
    useStore.getState().select(null)
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
})
