/** Selection + paper slice: the selected paper, its detail, status/star changes and their undo. */
import type { PaperDetail, Status } from '../../../preload/api'
import { api } from '../api'
import { STATUS_LABEL } from '../lib/format'
import type { SliceCreator } from './types'

/** What to put back on undo: the values papers had before a change. */
export type UndoEntry =
  | { kind: 'status'; changes: { id: number; status: Status }[]; label: string }
  | { kind: 'star'; changes: { id: number; starred: boolean }[]; label: string }

const UNDO_DEPTH = 50

export interface PaperSlice {
  selectedId: number | null
  paper: PaperDetail | null
  undoStack: UndoEntry[]
  /** Select a paper (saving the previous paper's note first) and load it. */
  select(id: number | null): void
  /** Move the selection by delta rows in the feed (j/k); loads the next page at the end. */
  moveSelection(delta: 1 | -1): void
  loadPaper(id: number): Promise<void>
  setStatus(ids: number[], status: Status): Promise<void>
  toggleRead(): Promise<void>
  toggleReading(): Promise<void>
  toggleStar(): Promise<void>
  undo(): Promise<void>
}

export const createPaperSlice: SliceCreator<PaperSlice> = (set, get) => {
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
    if (paper && paper.id === selectedId) return { id: paper.id, status: paper.status, starred: paper.starred, title: paper.title }
    return null
  }

  return {
    selectedId: null,
    paper: null,
    undoStack: [],

    select(id) {
      if (id === get().selectedId) return
      // Start saving the note being left before anything else changes (never drop a note).
      void get().flushNote()
      set({ selectedId: id, paper: get().paper?.id === id ? get().paper : null })
      if (id === null) {
        get().closeNote()
        return
      }
      void get().loadPaper(id)
      void get().loadNote(id)
    },

    moveSelection(delta) {
      const { rows, selectedId, nextCursor } = get()
      if (!rows.length) return
      const at = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)
      const next = at === -1 ? (delta === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta))
      const row = rows[next]
      if (row) get().select(row.id)
      if (nextCursor && next >= rows.length - 5) void get().loadMore()
    },

    async loadPaper(id) {
      try {
        const paper = await api.getPaper({ id })
        if (get().selectedId === id) set({ paper })
      } catch (err) {
        if (get().selectedId === id) get().reportError(err)
      }
    },

    async setStatus(ids, status) {
      try {
        const change = await api.setStatus({ ids, status })
        applyStatus(ids.map((id) => ({ id, status })))
        if (change.changed.length) {
          const title = ids.length === 1 ? get().rows.find((r) => r.id === ids[0])?.title ?? get().paper?.title : undefined
          const what = title ? `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”` : `${change.changed.length} papers`
          pushUndo({ kind: 'status', changes: change.changed, label: `Marked ${what} as ${STATUS_LABEL[status].toLowerCase()}` })
        }
      } catch (err) {
        get().reportError(err)
      }
    },

    async toggleRead() {
      const p = current()
      if (p) await get().setStatus([p.id], p.status === 'read' ? 'unread' : 'read')
    },

    async toggleReading() {
      const p = current()
      if (p) await get().setStatus([p.id], p.status === 'reading' ? 'unread' : 'reading')
    },

    async toggleStar() {
      const p = current()
      if (!p) return
      try {
        const starred = !p.starred
        const change = await api.setStarred({ ids: [p.id], starred })
        applyStar([{ id: p.id, starred }])
        if (change.changed.length) {
          pushUndo({ kind: 'star', changes: change.changed, label: starred ? 'Starred' : 'Unstarred' })
        }
      } catch (err) {
        get().reportError(err)
      }
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
        if (entry.kind === 'status') {
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
