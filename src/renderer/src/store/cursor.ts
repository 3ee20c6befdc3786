/**
 * Cursor slice: the current paper (the feed's cursor) and its detail, j/k moves (through the key
 * queue while the next page loads), and the bulk selection (shift/ctrl-click, `x`, select all in
 * view). The open paper's detail is written here only: others change it through patchPaper.
 */
import type { PaperDetail } from '../../../shared/contract'
import { api, errorMessage } from '../api'
import { createKeyQueue } from './key-queue'
import type { SliceCreator } from './types'

/** Keyboard moves closer together than this (a held j) load the paper once the keys stop. */
const FAST_MOVE_MS = 150
const NO_PICK: ReadonlySet<number> = new Set()

export interface CursorSlice {
  selectedId: number | null
  paper: PaperDetail | null
  /** Why the current paper could not be loaded (the pane says so instead of "Loading…"); else null. */
  paperError: string | null
  /** The bulk selection (empty: the current paper alone is the selection). */
  picked: ReadonlySet<number>
  /** Every paper in the view is selected (not only the loaded rows): actions go server-side. */
  allPicked: boolean
  /** Where a shift-click range starts. */
  anchorId: number | null
  /**
   * Select a paper (saving the previous paper's note first) and load it; `held`: one of a burst
   * of moves (a held j), load it once the burst pauses.
   */
  select(id: number | null, how?: { held?: boolean }): void
  /**
   * Move the selection by delta rows in the feed (j/k: ±1). Moves past the loaded rows wait for
   * the next page, which is requested well before the end.
   */
  moveSelection(delta: number): void
  /** Run fn now, or, while the cursor waits for the next page, after the keys before it (m, r, s, x). */
  whenSettled(fn: () => void): void
  loadPaper(id: number): Promise<void>
  /** Change the open paper's detail if paper `id` is open (status, star, tags changed elsewhere). */
  patchPaper(id: number, patch: (paper: PaperDetail) => PaperDetail): void
  /** Click on a row: plain (select), shift (range from the anchor), toggle (ctrl/cmd). */
  clickRow(id: number, how: { range?: boolean; toggle?: boolean }): void
  /** `x`: add the current paper to the bulk selection, or take it out. */
  togglePicked(id?: number): void
  pickAll(): void
  clearPicked(): void
}

export const createCursorSlice: SliceCreator<CursorSlice> = (set, get, store) => {
  const keys = createKeyQueue(store)
  let lastMove = 0
  let loadTimer: ReturnType<typeof setTimeout> | undefined

  return {
    selectedId: null,
    paper: null,
    paperError: null,
    picked: NO_PICK,
    allPicked: false,
    anchorId: null,

    select(id, how) {
      if (id === get().selectedId) return
      // Start saving the note being left before anything else changes (never drop a note).
      void get().flushNote()
      set({ selectedId: id, anchorId: id, paper: get().paper?.id === id ? get().paper : null, paperError: null })
      if (loadTimer !== undefined) clearTimeout(loadTimer)
      loadTimer = undefined
      if (id === null) {
        get().closeNote()
        return
      }
      // A held j (moves closer together than FAST_MOVE_MS): show the selection move at once;
      // fetch the paper and its note when the keys pause. The note editor switches to this paper
      // at once either way (read-only while it loads): no text can go to the wrong paper.
      if (how?.held) {
        get().awaitNote(id)
        loadTimer = setTimeout(() => {
          loadTimer = undefined
          if (get().selectedId !== id) return
          void get().loadNote(id)
          void get().loadPaper(id)
        }, FAST_MOVE_MS)
      } else {
        void get().loadNote(id)
        void get().loadPaper(id)
      }
    },

    moveSelection(delta) {
      const { rows, selectedId, nextCursor } = get()
      if (!rows.length || delta === 0) return
      if (keys.waiting) {
        keys.push(delta) // after the keys already waiting
        return
      }
      const at = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)
      const wanted = at === -1 ? (delta > 0 ? delta - 1 : rows.length + delta) : at + delta
      const last = rows.length - 1
      if (wanted > last && nextCursor) {
        // Past the end of what is loaded: keep the extra presses, move on when the next page arrives.
        keys.push(wanted - last)
        keys.waitForPage()
      }
      const next = Math.min(last, Math.max(0, wanted))
      const row = rows[next]
      const now = performance.now()
      if (row && next !== at) get().select(row.id, { held: now - lastMove < FAST_MOVE_MS })
      lastMove = now
      if (nextCursor && next >= rows.length - 40) void get().loadMore()
    },

    whenSettled(fn) {
      if (keys.waiting) keys.push(fn)
      else fn()
    },

    async loadPaper(id) {
      try {
        const paper = await api.getPaper({ id })
        if (get().selectedId !== id) return
        set({ paper, paperError: null })
        // Mark read on open (a setting): an ordinary, undoable status change.
        if (paper.status === 'unread' && get().settings?.markReadOnOpen) void get().setStatus([id], 'read')
      } catch (err) {
        if (get().selectedId !== id) return
        set({ paperError: errorMessage(err) })
        get().reportError(err)
      }
    },

    patchPaper(id, patch) {
      const paper = get().paper
      if (paper && paper.id === id) set({ paper: patch(paper) })
    },

    clickRow(id, how) {
      const { picked, selectedId, anchorId, rows, allPicked } = get()
      if (how.range) {
        const from = rows.findIndex((r) => r.id === (anchorId ?? selectedId ?? id))
        const to = rows.findIndex((r) => r.id === id)
        if (from === -1 || to === -1) return get().clickRow(id, {})
        const range = rows.slice(Math.min(from, to), Math.max(from, to) + 1).map((r) => r.id)
        const next = new Set(how.toggle && !allPicked ? picked : [])
        for (const r of range) next.add(r)
        const anchor = anchorId ?? selectedId
        get().select(id)
        set({ picked: next, allPicked: false, anchorId: anchor })
        return
      }
      if (how.toggle) {
        const next = new Set(
          allPicked ? rows.map((r) => r.id) : picked.size ? picked : selectedId !== null ? [selectedId] : []
        )
        if (next.has(id)) next.delete(id)
        else next.add(id)
        get().select(id)
        set({ picked: next, allPicked: false })
        return
      }
      if (picked.size || allPicked) set({ picked: NO_PICK, allPicked: false })
      get().select(id)
    },

    togglePicked(id) {
      const target = id ?? get().selectedId
      if (target === null || target === undefined) return
      const { picked, allPicked, rows } = get()
      const next = new Set(allPicked ? rows.map((r) => r.id) : picked)
      if (next.has(target)) next.delete(target)
      else next.add(target)
      set({ picked: next, allPicked: false, anchorId: target })
    },

    pickAll() {
      if (get().rows.length) set({ allPicked: true, picked: NO_PICK })
    },

    clearPicked() {
      if (get().picked.size || get().allPicked) set({ picked: NO_PICK, allPicked: false })
    }
  }
}
