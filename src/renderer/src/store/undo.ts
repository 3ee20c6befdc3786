/**
 * Undo slice: one history of status and star changes (the last UNDO_DEPTH), used by Ctrl+Z and by
 * the undo toast alike. It records and pops entries; putting the old values back is triage's
 * (revertChange).
 */
import type { Status } from '../../../shared/contract'
import type { SliceCreator } from './types'

/** What to put back on undo: the values papers had before a change. */
export type UndoEntry =
  | { kind: 'status'; changes: { id: number; status: Status }[]; label: string }
  | { kind: 'star'; changes: { id: number; starred: boolean }[]; label: string }

export const UNDO_DEPTH = 100

export interface UndoSlice {
  undoStack: UndoEntry[]
  /** Record a change (the oldest beyond UNDO_DEPTH goes) and offer to undo it in a toast. */
  pushUndo(entry: UndoEntry): void
  /** Put back the newest change still in the history. */
  undo(): Promise<void>
}

export const createUndoSlice: SliceCreator<UndoSlice> = (set, get) => ({
  undoStack: [],

  pushUndo(entry) {
    set({ undoStack: [...get().undoStack.slice(-(UNDO_DEPTH - 1)), entry] })
    get().showUndoToast(entry.label)
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
      await get().revertChange(entry)
      get().showInfo(`Undone: ${entry.label}`)
    } catch (err) {
      get().reportError(err)
    }
  }
})
