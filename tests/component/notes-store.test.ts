// @vitest-environment jsdom
/**
 * The notes slice against a stand-in api: autosave after 500 ms, one save per burst, and a
 * paper switch saves the previous paper's text before loading the next (never dropped).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { storeWithApi } from './store-with-api'

const calls: string[] = []
const bodies = new Map<number, string>()
const fakeApi = {
  getNote: vi.fn(async ({ paperId }: { paperId: number }) => {
    calls.push(`getNote ${paperId}`)
    return { paperId, body: bodies.get(paperId) ?? '', updatedAt: null }
  }),
  saveNote: vi.fn(async ({ paperId, body }: { paperId: number; body: string }) => {
    calls.push(`saveNote ${paperId} ${body}`)
    bodies.set(paperId, body)
    return { paperId, body, updatedAt: new Date().toISOString() }
  }),
  getPaper: vi.fn(async () => new Promise(() => {})),
  counts: vi.fn(async () => ({
    views: { all: 2, unread: 2, reading: 0, read: 0, starred: 0, notes: 0 },
    digests: [],
    tags: []
  })),
  listNotes: vi.fn(async () => [])
}

const { useStore } = await storeWithApi(fakeApi)
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

describe('notes autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    calls.length = 0
    bodies.clear()
  })
  afterEach(() => vi.useRealTimers())

  it('saves once, 500 ms after the last keystroke', async () => {
    useStore.getState().select(1)
    await flush()
    const s = useStore.getState()
    s.editNote('a')
    s.editNote('ab')
    vi.advanceTimersByTime(400)
    s.editNote('abc')
    vi.advanceTimersByTime(499)
    expect(calls.filter((c) => c.startsWith('saveNote'))).toEqual([])
    expect(useStore.getState().noteState).toBe('dirty')
    vi.advanceTimersByTime(1)
    await flush()
    expect(calls.filter((c) => c.startsWith('saveNote'))).toEqual(['saveNote 1 abc'])
    expect(useStore.getState().noteState).toBe('saved')
  })

  it('switching papers saves the previous text first, and coming back shows it', async () => {
    useStore.getState().select(1)
    await flush()
    useStore.getState().editNote('note for one')
    useStore.getState().select(2)
    expect(calls.slice(-2)).toEqual(['saveNote 1 note for one', 'getNote 2'])
    await flush()
    expect(useStore.getState().draft).toBe('')
    useStore.getState().select(1)
    await flush()
    expect(useStore.getState().draft).toBe('note for one')
    vi.advanceTimersByTime(1000)
    await flush()
    expect(calls.filter((c) => c.startsWith('saveNote'))).toEqual(['saveNote 1 note for one'])
  })

  it('flushNote starts the request synchronously (for pagehide/beforeunload)', async () => {
    useStore.getState().select(3)
    await flush()
    useStore.getState().editNote('last words')
    void useStore.getState().flushNote()
    expect(calls.at(-1)).toBe('saveNote 3 last words')
  })

  it('a failed save after switching keeps the text as a draft for that paper', async () => {
    useStore.getState().select(4)
    await flush()
    vi.mocked(fakeApi.saveNote).mockRejectedValueOnce(new Error('disk full'))
    useStore.getState().editNote('precious')
    useStore.getState().select(5)
    await flush()
    expect(useStore.getState().unsavedDrafts[4]).toBe('precious')
    expect(useStore.getState().toasts.some((t) => t.kind === 'error' && t.message.includes('disk full'))).toBe(true)
    useStore.getState().select(4)
    await flush()
    expect(useStore.getState().draft).toBe('precious')
    expect(useStore.getState().noteState).toBe('dirty')
    vi.advanceTimersByTime(500)
    await flush()
    expect(bodies.get(4)).toBe('precious')
    expect(useStore.getState().unsavedDrafts[4]).toBeUndefined()
  })
})
