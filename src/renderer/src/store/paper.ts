/**
 * Selection + paper slice: the current paper (the feed's cursor) and its detail, the bulk
 * selection (shift/ctrl-click, `x`, select all in view), status/star changes single, bulk and
 * view-wide, and their undo (every change, at least 50 steps back).
 */
import type { PaperDetail, Status } from '../../../shared/contract'
import { api } from '../api'
import { STATUS_LABEL } from '../lib/format'
import { feedFilter, listKey } from './feed'
import type { SliceCreator } from './types'

/**
 * What to put back on undo: the values papers had before a change, or, for a whole-view change,
 * the library's id for it (`undoId`: the library kept what every paper had; `changes` may be empty).
 */
export type UndoEntry =
  | { kind: 'status'; changes: { id: number; status: Status }[]; label: string; undoId?: number }
  | { kind: 'star'; changes: { id: number; starred: boolean }[]; label: string; undoId?: number }

export const UNDO_DEPTH = 100
/** Keyboard moves closer together than this (a held j) load the paper once the keys stop. */
const FAST_MOVE_MS = 150
const NO_PICK: ReadonlySet<number> = new Set()

export interface PaperSlice {
  selectedId: number | null
  paper: PaperDetail | null
  undoStack: UndoEntry[]
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
  loadPaper(id: number): Promise<void>
  /** Click on a row: plain (select), shift (range from the anchor), toggle (ctrl/cmd). */
  clickRow(id: number, how: { range?: boolean; toggle?: boolean }): void
  /** `x`: add the current paper to the bulk selection, or take it out. */
  togglePicked(id?: number): void
  pickAll(): void
  clearPicked(): void
  setStatus(ids: number[], status: Status): Promise<void>
  /** The targets of m/r/s: the whole view, the bulk selection, else the current paper. */
  toggleRead(): Promise<void>
  toggleReading(): Promise<void>
  toggleStar(): Promise<void>
  /** Run fn now, or, while the cursor waits for the next page, after the keys before it (m, r, s, x). */
  whenSettled(fn: () => void): void
  /** Star or unstar these papers (undoable, like every star change). */
  setStarred(ids: number[], starred: boolean): Promise<void>
  /** Status for the bulk selection (or the whole view when all are selected). */
  setPickedStatus(status: Status): Promise<void>
  setPickedStarred(starred: boolean): Promise<void>
  /** Shift+A: every paper in this view (view, digest, tag, search) read, in one call. */
  markViewRead(): Promise<void>
  undo(): Promise<void>
}

const quoteTitle = (title: string): string => `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”`
const papers = (n: number): string => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`

export const createPaperSlice: SliceCreator<PaperSlice> = (set, get, store) => {
  let lastMove = 0
  /**
   * Keys that came while the cursor waited for the next page, in order: moves (rows) and actions
   * on the row the cursor is then on (m, r, s, x). Replayed in order when the page arrives, so an
   * `m` after a `j` marks the row that `j` reaches, not the one the cursor waited on.
   */
  let queue: (number | (() => void))[] = []
  let waitingForPage = false
  let loadTimer: ReturnType<typeof setTimeout> | undefined

  const replay = (items: (number | (() => void))[]) => {
    for (let i = 0; i < items.length; i++) {
      if (waitingForPage) {
        // eslint-disable-next-line no-restricted-syntax -- keys pressed while one page loads
        queue.push(...items.slice(i)) // a move reached the end again: the rest waits for the next page
        return
      }
      const item = items[i]!
      if (typeof item === 'number') get().moveSelection(item)
      else item()
    }
  }

  /**
   * Wait for the feed's next page, then replay the queue (dropped if another list is shown
   * meanwhile; kept across a refresh of the same list, which asks for the page again). It is
   * replayed after the store has told every listener: moving may start waiting again, and a
   * listener added while zustand is notifying would run in the same pass.
   */
  const waitForPage = () => {
    if (waitingForPage) return
    waitingForPage = true
    const key = listKey(get())
    const stop = store.subscribe((s, prev) => {
      const same = listKey(s) === key
      if (same && s.rows.length <= prev.rows.length && s.nextCursor) {
        // A refresh replaced the rows and dropped the page being loaded: ask for it again.
        if (prev.feedLoading && !s.feedLoading) queueMicrotask(() => void get().loadMore())
        return
      }
      stop()
      waitingForPage = false
      const items = queue
      queue = []
      if (same && items.length) queueMicrotask(() => replay(items))
    })
  }

  /** Apply known new values to the feed rows and the open paper, then refresh counts. */
  const applyStatus = (changes: { id: number; status: Status }[]) => {
    for (const status of ['unread', 'reading', 'read'] as const) {
      const ids = changes.filter((c) => c.status === status).map((c) => c.id)
      if (ids.length) get().patchRows(ids, (r) => ({ ...r, status }))
    }
    const paper = get().paper
    const mine = paper && changes.find((c) => c.id === paper.id)
    if (paper && mine) set({ paper: { ...paper, status: mine.status } })
    void get().refreshCounts()
  }
  const applyStar = (changes: { id: number; starred: boolean }[]) => {
    for (const starred of [true, false]) {
      const ids = changes.filter((c) => c.starred === starred).map((c) => c.id)
      if (ids.length) get().patchRows(ids, (r) => ({ ...r, starred }))
    }
    const paper = get().paper
    const mine = paper && changes.find((c) => c.id === paper.id)
    if (paper && mine) set({ paper: { ...paper, starred: mine.starred } })
    void get().refreshCounts()
  }
  const pushUndo = (entry: UndoEntry) => {
    set({ undoStack: [...get().undoStack.slice(-(UNDO_DEPTH - 1)), entry] })
    get().showUndoToast(entry.label)
  }
  const current = () => {
    const { selectedId, paper, rows } = get()
    if (selectedId === null) return null
    const row = rows.find((r) => r.id === selectedId)
    if (row) return { id: row.id, status: row.status, starred: row.starred, title: row.title }
    if (paper && paper.id === selectedId)
      return { id: paper.id, status: paper.status, starred: paper.starred, title: paper.title }
    return null
  }
  /** The bulk selection's loaded rows (in feed order). */
  const pickedRows = () => {
    const { rows, picked } = get()
    return rows.filter((r) => picked.has(r.id))
  }
  /** A name for the current view, for messages ("all 1,234 papers in Unread"). */
  const viewName = (): string => {
    const s = get()
    const base =
      s.digestId !== null
        ? 'this digest'
        : s.tag !== null
          ? `tag ${s.tag}`
          : { unread: 'Unread', reading: 'Reading', read: 'Read', starred: 'Starred', notes: 'With notes', all: 'All' }[
              s.view
            ]
    return s.query.trim() ? `${base} matching “${s.query.trim()}”` : base
  }

  const setViewStatus = async (status: Status) => {
    try {
      const change = await api.setViewStatus({ ...feedFilter(get()), status })
      const total = change.view?.total ?? change.changed.length
      // Too many to list: every loaded row is in the view, so every one changed.
      const ids = change.changed.length < total ? get().rows.map((r) => r.id) : change.changed.map((c) => c.id)
      applyStatus(ids.map((id) => ({ id, status })))
      if (total) {
        pushUndo({
          kind: 'status',
          changes: change.changed,
          undoId: change.view?.undoId,
          label: `Marked ${papers(total)} in ${viewName()} as ${STATUS_LABEL[status].toLowerCase()}`
        })
      } else {
        get().showInfo(`Every paper in ${viewName()} is already ${STATUS_LABEL[status].toLowerCase()}`)
      }
    } catch (err) {
      get().reportError(err)
    }
  }
  const setStarredFor = async (ids: number[] | 'view', starred: boolean) => {
    try {
      const change =
        ids === 'view'
          ? await api.setViewStarred({ ...feedFilter(get()), starred })
          : await api.setStarred({ ids, starred })
      const total = change.view?.total ?? change.changed.length
      const viewIds = change.changed.length < total ? get().rows.map((r) => r.id) : change.changed.map((c) => c.id)
      applyStar((ids === 'view' ? viewIds : ids).map((id) => ({ id, starred })))
      if (total) {
        const what = ids !== 'view' && ids.length === 1 ? '' : ` ${papers(total)}`
        pushUndo({
          kind: 'star',
          changes: change.changed,
          undoId: change.view?.undoId,
          label: `${starred ? 'Starred' : 'Unstarred'}${what}`
        })
      }
    } catch (err) {
      get().reportError(err)
    }
  }

  return {
    selectedId: null,
    paper: null,
    undoStack: [],
    picked: NO_PICK,
    allPicked: false,
    anchorId: null,

    select(id, how) {
      if (id === get().selectedId) return
      // Start saving the note being left before anything else changes (never drop a note).
      void get().flushNote()
      set({ selectedId: id, anchorId: id, paper: get().paper?.id === id ? get().paper : null })
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
      if (waitingForPage) {
        queue.push(delta) // after the keys already waiting
        return
      }
      const at = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)
      const wanted = at === -1 ? (delta > 0 ? delta - 1 : rows.length + delta) : at + delta
      const last = rows.length - 1
      if (wanted > last && nextCursor) {
        // Past the end of what is loaded: keep the extra presses, move on when the next page arrives.
        queue.push(wanted - last)
        waitForPage()
      }
      const next = Math.min(last, Math.max(0, wanted))
      const row = rows[next]
      const now = performance.now()
      if (row && next !== at) get().select(row.id, { held: now - lastMove < FAST_MOVE_MS })
      lastMove = now
      if (nextCursor && next >= rows.length - 40) void get().loadMore()
    },

    async loadPaper(id) {
      try {
        const paper = await api.getPaper({ id })
        if (get().selectedId !== id) return
        set({ paper })
        // Mark read on open (a setting): an ordinary, undoable status change.
        if (paper.status === 'unread' && get().settings?.markReadOnOpen) void get().setStatus([id], 'read')
      } catch (err) {
        if (get().selectedId === id) get().reportError(err)
      }
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
    },

    async setStatus(ids, status) {
      try {
        const change = await api.setStatus({ ids, status })
        applyStatus(ids.map((id) => ({ id, status })))
        if (change.changed.length) {
          const title =
            ids.length === 1 ? (get().rows.find((r) => r.id === ids[0])?.title ?? get().paper?.title) : undefined
          const what = title ? quoteTitle(title) : papers(change.changed.length)
          pushUndo({
            kind: 'status',
            changes: change.changed,
            label: `Marked ${what} as ${STATUS_LABEL[status].toLowerCase()}`
          })
        }
      } catch (err) {
        get().reportError(err)
      }
    },

    setStarred(ids, starred) {
      return setStarredFor(ids, starred)
    },

    whenSettled(fn) {
      if (waitingForPage) queue.push(fn)
      else fn()
    },

    async toggleRead() {
      if (get().allPicked) return get().setPickedStatus('read')
      const many = pickedRows()
      if (get().picked.size)
        return get().setPickedStatus(many.length && many.every((r) => r.status === 'read') ? 'unread' : 'read')
      const p = current()
      if (p) await get().setStatus([p.id], p.status === 'read' ? 'unread' : 'read')
    },

    async toggleReading() {
      if (get().allPicked) return get().setPickedStatus('reading')
      const many = pickedRows()
      if (get().picked.size)
        return get().setPickedStatus(many.length && many.every((r) => r.status === 'reading') ? 'unread' : 'reading')
      const p = current()
      if (p) await get().setStatus([p.id], p.status === 'reading' ? 'unread' : 'reading')
    },

    async toggleStar() {
      if (get().allPicked) return get().setPickedStarred(true)
      const many = pickedRows()
      if (get().picked.size) return get().setPickedStarred(!(many.length && many.every((r) => r.starred)))
      const p = current()
      if (p) await setStarredFor([p.id], !p.starred)
    },

    async setPickedStatus(status) {
      if (get().allPicked) return setViewStatus(status)
      const ids = [...get().picked]
      if (ids.length) await get().setStatus(ids, status)
    },

    async setPickedStarred(starred) {
      if (get().allPicked) return setStarredFor('view', starred)
      const ids = [...get().picked]
      if (ids.length) await setStarredFor(ids, starred)
    },

    markViewRead() {
      return setViewStatus('read')
    },

    async undo() {
      const stack = get().undoStack
      const entry = stack[stack.length - 1]
      if (!entry) {
        get().showInfo('Nothing to undo')
        return
      }
      set({ undoStack: stack.slice(0, -1) })
      try {
        if (entry.undoId !== undefined) {
          // A whole-view change: the library puts every paper back; the loaded rows are read again.
          await api.undoViewChange({ undoId: entry.undoId })
          await get().reloadFeed()
          void get().refreshCounts()
        } else if (entry.kind === 'status') {
          await api.restoreStatus({ changes: entry.changes })
          applyStatus(entry.changes)
        } else {
          for (const starred of [true, false]) {
            const ids = entry.changes.filter((c) => c.starred === starred).map((c) => c.id)
            if (ids.length) await api.setStarred({ ids, starred })
          }
          applyStar(entry.changes)
        }
        get().showInfo(`Undone: ${entry.label}`)
      } catch (err) {
        get().reportError(err)
      }
    }
  }
}
