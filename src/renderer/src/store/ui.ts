/** UI slice: mode (feed or notes list), counts, toasts, import, dialogs. */
import type { Counts, ImportReport } from '../../../shared/contract'
import { FolioError } from '../../../shared/values'
import { HOST_REPLACED, HOST_STOPPED } from '../../../shared/transport-fetch'
import { api, errorMessage } from '../api'
import type { UploadProgress } from '../lib/upload'
import type { SliceCreator } from './types'

export interface Toast {
  id: number
  kind: 'error' | 'info' | 'undo'
  message: string
  /** An undo toast: the history entry its Undo puts back. */
  undoId?: number
}

export interface UiSlice {
  mode: 'feed' | 'notes'
  counts: Counts | null
  toasts: Toast[]
  importing: boolean
  /** While picked or dropped files are sent to the browser host: the bytes sent (then the papers: importProgress events). */
  uploadProgress: UploadProgress | null
  importReport: ImportReport | null
  shortcutsOpen: boolean
  /** Why the host does not answer ("Folio's server stopped — …"), shown once until it is back; else null. */
  hostDown: string | null
  /** The host answers again: drop the message, save what waited, and refresh everything. */
  hostBack(): Promise<void>
  refreshCounts(): Promise<void>
  /** Refresh everything (library changed elsewhere): counts, feed, open paper, notes list. */
  refreshAll(): Promise<void>
  showFeed(): void
  showNotes(): void
  /**
   * Import picked or dropped files: in the app by their paths (api.pathForFile); in the browser,
   * which never sees paths, sent to the host as streams (api.uploadFiles), then imported there.
   */
  importFiles(files: File[]): Promise<void>
  /** Stop the running import (the upload, then the import itself): nothing of the file being read is written. */
  cancelImport(): Promise<void>
  /** Import files and folders by path (Electron only: api.pathForFile). */
  importPaths(paths: string[]): Promise<void>
  /** Show the report of an import main ran by itself (the watched folder, a file opened with Folio). */
  showImportReport(report: ImportReport): void
  closeImportReport(): void
  setShortcutsOpen(open: boolean): void
  reportError(err: unknown, context?: string): void
  showInfo(message: string): void
  /** Offer to undo history entry `undoId` (one undo toast at a time: it replaces the previous). */
  showUndoToast(message: string, undoId: number): void
  /** Take away the toast of this history entry (undone, or gone from the history). */
  dismissUndoToast(undoId: number): void
  dismissToast(id: number): void
}

/** An api call failed because the host did not answer (or no longer knows this page). */
export const isHostDown = (err: unknown): err is FolioError =>
  err instanceof FolioError && (err.code === HOST_STOPPED || err.code === HOST_REPLACED)

let nextToastId = 1
const TOAST_MS = { error: 10_000, info: 4_000, undo: 8_000 } as const

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => {
  const addToast = (kind: Toast['kind'], message: string, undoId?: number) => {
    const id = nextToastId++
    // One undo toast at a time: the newest replaces the previous.
    const keep = get()
      .toasts.filter((t) => kind !== 'undo' || t.kind !== 'undo')
      .slice(-4)
    set({ toasts: [...keep, { id, kind, message, undoId }] })
    setTimeout(() => get().dismissToast(id), TOAST_MS[kind])
  }
  /** The running import's upload, if any (Cancel aborts it). */
  let uploading: AbortController | null = null
  /** One import at a time in the UI: busy while it runs, then its report and a refresh of everything. */
  const runImport = async (importing: () => Promise<ImportReport>) => {
    set({ importing: true })
    try {
      const report = await importing()
      if (report.cancelled) {
        const kept = report.files.filter((f) => f.ok && !f.alreadyImported).length
        get().showInfo(
          kept
            ? `Import cancelled: ${kept} file${kept > 1 ? 's' : ''} imported before kept`
            : 'Import cancelled: nothing was written'
        )
      }
      if (!report.cancelled || report.files.length) set({ importReport: report })
      await get().refreshAll()
    } catch (err) {
      if ((err as { code?: string }).code === 'cancelled') get().showInfo('Import cancelled: nothing was written')
      else get().reportError(err, 'Import failed')
    } finally {
      uploading = null
      set({ importing: false, uploadProgress: null })
    }
  }

  return {
    mode: 'feed',
    counts: null,
    toasts: [],
    importing: false,
    uploadProgress: null,
    importReport: null,
    shortcutsOpen: false,
    hostDown: null,

    async hostBack() {
      if (get().hostDown === null) return
      set({ hostDown: null })
      await Promise.all([get().flushNote(), get().refreshAll()])
    },

    async refreshCounts() {
      try {
        set({ counts: await api.counts({}) })
      } catch (err) {
        get().reportError(err)
      }
    },

    async refreshAll() {
      const { selectedId, mode } = get()
      await Promise.all([
        get().refreshCounts(),
        get().reloadFeed(),
        selectedId !== null ? get().loadPaper(selectedId) : null,
        mode === 'notes' ? get().loadNotesList() : null
      ])
    },

    showFeed() {
      set({ mode: 'feed' })
    },

    showNotes() {
      set({ mode: 'notes' })
      void get().loadNotesList()
    },

    async importFiles(files) {
      if (!files.length) return
      if (api.pathForFile) {
        // The app imports by path: nothing is read in the page.
        const paths = files.map((f) => api.pathForFile!(f))
        const without = files.filter((_, i) => paths[i] === '')
        if (without.length)
          get().reportError(
            new Error(`${without.map((f) => f.name).join(', ')}: not a file on disk; save it first, then import it`),
            'Import'
          )
        return get().importPaths(paths.filter((p) => p !== ''))
      }
      const upload = api.uploadFiles
      if (!upload) return get().reportError(new Error('This page cannot send files to Folio'), 'Import')
      const controller = (uploading = new AbortController())
      await runImport(async () => {
        const uploads = await upload(files, (p) => set({ uploadProgress: p }), controller.signal)
        uploading = null // sent: from now on Cancel stops the import itself
        set({ uploadProgress: null })
        return api.importUpload({ uploads })
      })
    },

    async cancelImport() {
      if (uploading) uploading.abort()
      else if (get().importing) await api.cancelImport({}).catch((err: unknown) => get().reportError(err, 'Cancel'))
    },

    async importPaths(paths) {
      if (!paths.length) return
      await runImport(() => api.importPaths({ paths }))
    },

    showImportReport(report) {
      set({ importReport: report })
    },

    closeImportReport() {
      set({ importReport: null })
    },

    setShortcutsOpen(open) {
      set({ shortcutsOpen: open })
    },

    reportError(err, context) {
      // The host is gone: one message that stays until it is back, not a toast per failed call.
      if (isHostDown(err)) {
        if (get().hostDown !== err.message) set({ hostDown: err.message })
        return
      }
      const message = errorMessage(err)
      addToast('error', context ? `${context}: ${message}` : message)
    },
    showInfo(message) {
      addToast('info', message)
    },
    showUndoToast(message, undoId) {
      addToast('undo', message, undoId)
    },
    dismissUndoToast(undoId) {
      if (get().toasts.some((t) => t.undoId === undoId))
        set({ toasts: get().toasts.filter((t) => t.undoId !== undoId) })
    },
    dismissToast(id) {
      if (get().toasts.some((t) => t.id === id)) set({ toasts: get().toasts.filter((t) => t.id !== id) })
    }
  }
}
