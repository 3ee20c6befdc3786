/**
 * Undo slice: one history of status and star changes (the last UNDO_DEPTH), used by Ctrl+Z and by
 * the undo toast alike. Each entry has an id and its toast carries it: the toast undoes exactly its
 * own change, and an entry undone (or dropped) by any route takes its toast with it. It records and
 * pops entries; putting the old values back is triage's (revertChange).
 */
import type { Status } from '../../../shared/contract'
import type { SliceCreator } from './types'

/**
 * What to put back on undo: the values papers had before a change, and what the change was; for a
 * whole-view change, the library's id for it (`undoId`: the library kept what every paper had, and
 * `changes` may list only some of them).
 */
export type UndoChange =
  | { kind: 'status'; changes: { id: number; status: Status }[]; label: string; undoId?: number }
  | { kind: 'star'; changes: { id: number; starred: boolean }[]; label: string; undoId?: number }
export type UndoEntry = UndoChange & { id: number }

export const UNDO_DEPTH = 100

export interface UndoSlice {
  undoStack: UndoEntry[]
  /** Record a change (the oldest beyond UNDO_DEPTH goes) and offer to undo it in a toast. */
  pushUndo(change: UndoChange): void
  /**
   * Put back one change: the newest (Ctrl+Z), or the one with this id (its toast's Undo). An id no
   * longer in the history does nothing: that change was undone already.
   */
  undo(id?: number): Promise<void>
}

let nextEntryId = 1

export const createUndoSlice: SliceCreator<UndoSlice> = (set, get) => ({
  undoStack: [],

  pushUndo(change) {
    const entry: UndoEntry = { ...change, id: nextEntryId++ }
    const stack = get().undoStack
    const dropped = stack.length >= UNDO_DEPTH ? stack.slice(0, stack.length - (UNDO_DEPTH - 1)) : []
    set({ undoStack: [...stack.slice(-(UNDO_DEPTH - 1)), entry] })
    for (const old of dropped) get().dismissUndoToast(old.id)
    get().showUndoToast(entry.label, entry.id)
  },

  async undo(id) {
    const stack = get().undoStack
    const entry = id === undefined ? stack[stack.length - 1] : stack.find((e) => e.id === id)
    if (!entry) {
      if (id === undefined) get().showInfo('Nothing to undo')
      else get().dismissUndoToast(id)
      return
    }
    set({ undoStack: stack.filter((e) => e !== entry) })
    get().dismissUndoToast(entry.id)
    try {
      await get().revertChange(entry)
      get().showInfo(`Undone: ${entry.label}`)
    } catch (err) {
      get().reportError(err)
    }
  }
})
