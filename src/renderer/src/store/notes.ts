/**
 * Notes slice: the note editor's text and its save state. Autosave 500 ms after the last
 * keystroke, and flushed on blur, paper switch and page hide. A save is always started with
 * the paper id and text captured at that moment, so switching papers can never save the wrong
 * text or drop the old one; a save that fails after the user moved on is kept as a draft.
 */
import type { NoteSummary, Status } from '../../../shared/contract'
import { api } from '../api'
import type { SliceCreator } from './types'

export const AUTOSAVE_MS = 500

export type NoteState = 'idle' | 'loading' | 'dirty' | 'saving' | 'saved' | 'error'

/** The Notes view's search (in the notes' text) and filters. */
export interface NotesFilter {
  query: string
  tag: string | null
  status: Status | null
}

export interface NotesSlice {
  noteId: number | null
  draft: string
  /** The text the library is known to hold for noteId. */
  savedBody: string
  noteState: NoteState
  noteError: string | null
  /** Texts whose save failed after the user switched papers, by paper id (restored on return). */
  unsavedDrafts: Record<number, string>
  notesList: NoteSummary[] | null
  notesFilter: NotesFilter
  loadNote(paperId: number): Promise<void>
  /** Show paperId's note as loading (read-only) without asking for it yet: loadNote follows. */
  awaitNote(paperId: number): void
  closeNote(): void
  editNote(text: string): void
  /** Save now if there are unsaved changes. The request starts synchronously (safe in pagehide). */
  flushNote(): Promise<void>
  loadNotesList(): Promise<void>
  /** j/k in the Notes view: the next (1) or previous (-1) note's paper; the view stays. */
  moveInNotes(delta: 1 | -1): void
  setNotesFilter(patch: Partial<NotesFilter>): void
  /**
   * Put an older revision back as the open note. Unsaved typing is saved first (so it becomes a
   * revision too); the restore is itself a new revision. Resolves true when restored.
   */
  restoreRevision(revisionId: number): Promise<boolean>
}

export const createNotesSlice: SliceCreator<NotesSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The latest save started, per paper: skip starting an identical one. */
  const sending = new Map<number, string>()

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  const schedule = () => {
    cancelTimer()
    timer = setTimeout(() => void get().flushNote(), AUTOSAVE_MS)
  }

  return {
    noteId: null,
    draft: '',
    savedBody: '',
    noteState: 'idle',
    noteError: null,
    unsavedDrafts: {},
    notesList: null,
    notesFilter: { query: '', tag: null, status: null },

    awaitNote(paperId) {
      cancelTimer()
      set({
        noteId: paperId,
        draft: get().unsavedDrafts[paperId] ?? '',
        savedBody: '',
        noteState: 'loading',
        noteError: null
      })
    },

    async loadNote(paperId) {
      get().awaitNote(paperId)
      const stashed = get().unsavedDrafts[paperId]
      try {
        const note = await api.getNote({ paperId })
        if (get().noteId !== paperId || get().noteState !== 'loading') return
        if (stashed !== undefined && stashed !== note.body) {
          set({ savedBody: note.body, noteState: 'dirty' })
          schedule()
        } else {
          set({ draft: note.body, savedBody: note.body, noteState: 'idle' })
        }
      } catch (err) {
        if (get().noteId !== paperId) return
        set({ noteState: 'error', noteError: 'Could not load the note' })
        get().reportError(err)
      }
    },

    closeNote() {
      cancelTimer()
      set({ noteId: null, draft: '', savedBody: '', noteState: 'idle', noteError: null })
    },

    editNote(text) {
      if (get().noteId === null || get().noteState === 'loading') return
      set({ draft: text, noteState: text === get().savedBody ? 'saved' : 'dirty' })
      schedule()
    },

    flushNote() {
      cancelTimer()
      const { noteId: paperId, draft: body, savedBody, noteState } = get()
      if (paperId === null || noteState === 'loading') return Promise.resolve()
      if (body === savedBody || sending.get(paperId) === body) return Promise.resolve()
      sending.set(paperId, body)
      set({ noteState: 'saving', noteError: null })
      // api.saveNote runs synchronously up to its fetch/IPC send: the request is on its way
      // before this function returns, which is what pagehide/beforeunload need.
      return api.saveNote({ paperId, body }).then(
        (note) => {
          if (sending.get(paperId) === body) sending.delete(paperId)
          const drafts = get().unsavedDrafts
          if (drafts[paperId] === body) {
            const { [paperId]: _saved, ...rest } = drafts
            set({ unsavedDrafts: rest })
          }
          const hasNote = note.body.trim() !== ''
          get().patchRows([paperId], (r) => ({ ...r, hasNote }))
          void get().refreshCounts()
          if (get().mode === 'notes') void get().loadNotesList()
          if (get().noteId !== paperId) return
          const still = get().draft === body
          set({ savedBody: body, noteState: still ? 'saved' : 'dirty' })
          if (!still) schedule()
        },
        (err: unknown) => {
          if (sending.get(paperId) === body) sending.delete(paperId)
          if (get().noteId === paperId) {
            set({ noteState: 'error', noteError: 'Not saved' })
          } else {
            set({ unsavedDrafts: { ...get().unsavedDrafts, [paperId]: body } })
          }
          get().reportError(err, 'Could not save the note')
        }
      )
    },

    moveInNotes(delta) {
      const list = get().notesList
      if (!list?.length) return
      const at = list.findIndex((n) => n.paperId === get().selectedId)
      const next = at === -1 ? (delta > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + delta))
      get().select(list[next]!.paperId)
    },

    async loadNotesList() {
      const f = get().notesFilter
      try {
        const list = await api.listNotes({
          query: f.query.trim() || undefined,
          tag: f.tag ?? undefined,
          status: f.status ?? undefined
        })
        if (get().notesFilter === f) set({ notesList: list })
      } catch (err) {
        get().reportError(err)
      }
    },

    setNotesFilter(patch) {
      set({ notesFilter: { ...get().notesFilter, ...patch } })
      void get().loadNotesList()
    },

    async restoreRevision(revisionId) {
      const paperId = get().noteId
      if (paperId === null) return false
      await get().flushNote()
      if (get().noteId !== paperId || get().draft !== get().savedBody) {
        get().showInfo('The note has unsaved changes; not restored')
        return false
      }
      try {
        const note = await api.restoreRevision({ paperId, revisionId })
        if (get().noteId === paperId) {
          cancelTimer()
          set({ draft: note.body, savedBody: note.body, noteState: 'saved', noteError: null })
        }
        get().patchRows([paperId], (r) => ({ ...r, hasNote: note.body.trim() !== '' }))
        void get().refreshCounts()
        if (get().mode === 'notes') void get().loadNotesList()
        get().showInfo('Revision restored (the text it replaced is kept in the history)')
        return true
      } catch (err) {
        get().reportError(err, 'Could not restore the revision')
        return false
      }
    }
  }
}
