/**
 * Triage slice: status and star changes on one paper, on the bulk selection and on the whole view
 * (m, r, s, Shift+A, the bulk bar), each recorded in the undo history; and putting recorded
 * values back for undo. It holds no state of its own: the feed's rows and the open paper follow
 * through patchRows and patchPaper.
 */
import type { Status } from '../../../shared/contract'
import { VIEW_LABELS } from '../../../shared/values'
import { api } from '../api'
import { STATUS_LABEL } from '../lib/format'
import { feedFilter, type FeedSlice } from './feed'
import type { SliceCreator } from './types'
import type { UndoEntry } from './undo'

export interface TriageSlice {
  setStatus(ids: number[], status: Status): Promise<void>
  /** Star or unstar these papers (undoable, like every star change). */
  setStarred(ids: number[], starred: boolean): Promise<void>
  /** The targets of m/r/s: the whole view, the bulk selection, else the current paper. */
  toggleRead(): Promise<void>
  toggleReading(): Promise<void>
  toggleStar(): Promise<void>
  /** Status for the bulk selection (or the whole view when all are selected). */
  setPickedStatus(status: Status): Promise<void>
  setPickedStarred(starred: boolean): Promise<void>
  /** Shift+A: every paper in this view (view, digest, tag, search) read, in one call. */
  markViewRead(): Promise<void>
  /** Give papers back the values an undo entry recorded (rejects when the library refuses). */
  revertChange(entry: UndoEntry): Promise<void>
}

const quoteTitle = (title: string): string => `“${title.length > 60 ? `${title.slice(0, 59)}…` : title}”`
const papers = (n: number): string => `${n.toLocaleString('en')} paper${n === 1 ? '' : 's'}`

/** A name for the current view, for messages ("all 1,234 papers in Unread"). */
function viewName(s: Pick<FeedSlice, 'view' | 'digestId' | 'tag' | 'query'>): string {
  const base = s.digestId !== null ? 'this digest' : s.tag !== null ? `tag ${s.tag}` : VIEW_LABELS[s.view]
  return s.query.trim() ? `${base} matching “${s.query.trim()}”` : base
}

export const createTriageSlice: SliceCreator<TriageSlice> = (_set, get) => {
  /** Apply known new values to the feed rows and the open paper, then refresh counts. */
  const applyStatus = (changes: { id: number; status: Status }[]) => {
    for (const status of ['unread', 'reading', 'read'] as const) {
      const ids = changes.filter((c) => c.status === status).map((c) => c.id)
      if (ids.length) get().patchRows(ids, (r) => ({ ...r, status }))
    }
    const paper = get().paper
    const mine = paper && changes.find((c) => c.id === paper.id)
    if (mine) get().patchPaper(mine.id, (p) => ({ ...p, status: mine.status }))
    void get().refreshCounts()
  }
  const applyStar = (changes: { id: number; starred: boolean }[]) => {
    for (const starred of [true, false]) {
      const ids = changes.filter((c) => c.starred === starred).map((c) => c.id)
      if (ids.length) get().patchRows(ids, (r) => ({ ...r, starred }))
    }
    const paper = get().paper
    const mine = paper && changes.find((c) => c.id === paper.id)
    if (mine) get().patchPaper(mine.id, (p) => ({ ...p, starred: mine.starred }))
    void get().refreshCounts()
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
  /** What a change touched, for its toast: one paper by its title, else how many. */
  const named = (ids: readonly number[], changed: number): string => {
    const { rows, paper } = get()
    const title =
      ids.length === 1
        ? (rows.find((r) => r.id === ids[0])?.title ?? (paper && paper.id === ids[0] ? paper.title : undefined))
        : undefined
    return title ? quoteTitle(title) : papers(changed)
  }
  /** The bulk selection's loaded rows (in feed order). */
  const pickedRows = () => {
    const { rows, picked } = get()
    return rows.filter((r) => picked.has(r.id))
  }

  const setViewStatus = async (status: Status) => {
    try {
      const change = await api.setViewStatus({ ...feedFilter(get()), status })
      const total = change.view?.total ?? change.changed.length
      // Too many to list: every loaded row is in the view, so every one changed.
      const ids = change.changed.length < total ? get().rows.map((r) => r.id) : change.changed.map((c) => c.id)
      applyStatus(ids.map((id) => ({ id, status })))
      if (total) {
        get().pushUndo({
          kind: 'status',
          changes: change.changed,
          undoId: change.view?.undoId,
          label: `Marked ${papers(total)} in ${viewName(get())} as ${STATUS_LABEL[status].toLowerCase()}`
        })
      } else {
        get().showInfo(`Every paper in ${viewName(get())} is already ${STATUS_LABEL[status].toLowerCase()}`)
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
        const what = ids === 'view' ? papers(total) : named(ids, total)
        get().pushUndo({
          kind: 'star',
          changes: change.changed,
          undoId: change.view?.undoId,
          label: `${starred ? 'Starred' : 'Unstarred'} ${what}`
        })
      }
    } catch (err) {
      get().reportError(err)
    }
  }

  return {
    async setStatus(ids, status) {
      try {
        const change = await api.setStatus({ ids, status })
        applyStatus(ids.map((id) => ({ id, status })))
        if (change.changed.length) {
          get().pushUndo({
            kind: 'status',
            changes: change.changed,
            label: `Marked ${named(ids, change.changed.length)} as ${STATUS_LABEL[status].toLowerCase()}`
          })
        }
      } catch (err) {
        get().reportError(err)
      }
    },

    setStarred(ids, starred) {
      return setStarredFor(ids, starred)
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

    async revertChange(entry) {
      if (entry.undoId !== undefined) {
        // A whole-view change: the library puts every paper back; the loaded rows are read again.
        await api.undoViewChange({ undoId: entry.undoId })
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
      // Papers an undo puts back into this view (a star undone while Starred is shown) appear in it.
      await get().reloadFeed()
    }
  }
}
