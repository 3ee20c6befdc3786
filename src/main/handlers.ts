/**
 * The contract's handlers, in plain Node. Electron's ipcMain (ipc.ts) and the browser host
 * (host/) both serve exactly these through `createDispatcher`: validate input with the
 * contract's schema, run the handler, return a Reply (errors are data, never thrown across).
 */
import {
  contract,
  isReadMethod,
  type EventName,
  type EventPayloads,
  type MethodName,
  type OutputOf,
  type ParsedInputOf,
  type Reply
} from '../shared/contract'
import type { ImportProgressEvent, ImportReport, RestoreResult } from '../shared/contract'
import type { ImportSource } from './import/sources'
import { runLibraryJob, type RunJob } from './backup/jobs'
import { checkpointWhenIdle } from './library/checkpoints'
import { counts } from './library/counts'
import { LibraryError } from './library/db'
import { feedPage, search } from './library/feed'
import type { Library } from './library/index'
import { exportReadingList } from './export/reading-list'
import { getNote, listNotes, listRevisions, restoreRevision, saveNote } from './library/notes'
import { getPaper } from './library/papers'
import { storageError } from './library/storage-errors'
import { restoreStatus, setStarred, setStatus } from './library/status'
import { deleteTag, renameTag, tagPapers } from './library/tags'
import { setViewStarred, setViewStatus, undoViewChange } from './library/view-status'
import { forYouPage } from './ranking/scores'
import { inProcessRanking, type Ranking } from './ranking/service'
import { isLikeQuery, likePage, similarPapers, type SimilarIds } from './ranking/similar'
import { safeExternalUrl } from './safe-url'
import type { LocationPurpose, PickResult, Settings, SettingsInfo, SettingsPatch } from '../shared/settings'

export interface Services {
  /** Open a validated URL in the user's browser; false when this door cannot (the browser opens it itself). */
  openExternal(url: string): Promise<boolean> | boolean
  /** Send an event to every renderer (Electron windows, browser pages). */
  emit?<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Run an import batch off the serving thread (a worker), streaming progress; default: in-process. */
  runImport?(sources: ImportSource[], onProgress: (p: ImportProgressEvent) => void): Promise<ImportReport>
  /** Settings (the app: <userData>/settings.json; the browser host: next to the library). */
  settings?: { get(): SettingsInfo; set(patch: SettingsPatch): Settings }
  /** Browser host only: import files the page uploaded (host/uploads.ts), by upload id. */
  importUploads?(
    uploads: { id: string; name: string; lastModified?: number }[],
    onProgress: (p: ImportProgressEvent) => void
  ): Promise<ImportReport>
  /** Browser host only: restore a backup the page uploaded (host/uploads.ts), by upload id. */
  restoreUpload?(id: string, name: string): Promise<RestoreResult>
  /** Stop the running import(s); whether there was one. */
  cancelImport?(): boolean
  /** App only: import by path (dropped folders). Absent in the browser host, which never reads paths. */
  importPaths?(paths: string[]): Promise<ImportReport> | ImportReport
  /**
   * Run a backup, restore or notes export (backup/jobs.ts) off the serving thread (a worker on its
   * own connection); default: in-process on this connection.
   */
  runJob?: RunJob
  /** App only: the backup, restore and notes-export methods that take a path the user chose in an OS dialog. */
  pathsFromDialogs?: boolean
  /** App only: the OS dialogs for the watch folder and the library location. */
  pickLocation?(purpose: LocationPurpose): Promise<PickResult>
  /** The renderer is listening; returns imports main ran before it was. */
  rendererReady?(): { importReports: ImportReport[] }
  /** The renderer saved its pending note (the answer to the `flush` command). */
  notesFlushed?(): void
  /**
   * For you's ranking, in a worker (ranking/service.ts): told after every change, asked for similar
   * papers. Without it the scores are not rewritten and similar papers are computed on this thread.
   */
  ranking?: Ranking
}

const unsupported = (what: string): LibraryError => new LibraryError('unsupported', what)

type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> }

export function createHandlers(lib: Library, services: Services): Handlers {
  const db = lib.db
  let local: Ranking | null = null
  const similar: SimilarIds = (id, limit) => (services.ranking ?? (local ??= inProcessRanking(db))).similar(id, limit)
  const runJob: RunJob = services.runJob ?? ((job) => runLibraryJob(lib, job))
  const withPaths = (what: string): void => {
    if (!services.pathsFromDialogs)
      throw unsupported(
        `${what} to a path works only in the Folio app: the browser version never reads or writes paths`
      )
  }
  const restored = <T>(result: T): T => {
    services.emit?.('libraryChanged', {})
    return result
  }
  return {
    feedPage: (q) => (isLikeQuery(q.query) ? likePage(db, similar, q) : feedPage(db, q)),
    search: ({ query, limit }) =>
      isLikeQuery(query) ? likePage(db, similar, { query, limit }) : search(db, query, limit),
    forYouPage: (q) => forYouPage(db, q),
    similarPapers: ({ id, limit }) => similarPapers(db, similar, id, limit),
    getPaper: ({ id }) => getPaper(db, id),
    counts: () => counts(db),
    setStatus: ({ ids, status }) => setStatus(db, ids, status),
    restoreStatus: ({ changes }) => restoreStatus(db, changes),
    setStarred: ({ ids, starred }) => setStarred(db, ids, starred),
    setViewStatus: ({ status, ...filter }) => setViewStatus(db, filter, status),
    setViewStarred: ({ starred, ...filter }) => setViewStarred(db, filter, starred),
    undoViewChange: ({ undoId }) => undoViewChange(db, undoId),
    getNote: ({ paperId }) => getNote(db, paperId),
    saveNote: ({ paperId, body }) => saveNote(db, paperId, body),
    listNotes: ({ limit, ...filter }) => listNotes(db, filter, limit),
    listRevisions: ({ paperId, limit }) => listRevisions(db, paperId, limit),
    restoreRevision: ({ paperId, revisionId }) => restoreRevision(db, paperId, revisionId),
    tagPapers: ({ ids, add, remove }) => tagPapers(db, ids, add, remove),
    renameTag: ({ from, to }) => renameTag(db, from, to),
    deleteTag: ({ name }) => deleteTag(db, name),
    exportReadingList: ({ format, ...filter }) => exportReadingList(db, format, filter),
    importUpload: ({ uploads }) => {
      if (!services.importUploads) {
        throw unsupported('Uploading files works only in the browser version: the app imports files by path.')
      }
      return services.importUploads(uploads, (p) => services.emit?.('importProgress', p))
    },
    cancelImport: () => ({ cancelled: services.cancelImport?.() ?? false }),
    importPaths: ({ paths }) => {
      if (!services.importPaths) {
        throw unsupported(
          'Importing by path works only in the Folio app: the browser version never reads files by path. Drop or pick the files instead.'
        )
      }
      return services.importPaths(paths)
    },
    getSettings: () => {
      if (!services.settings) throw unsupported('Settings are not available here')
      return services.settings.get()
    },
    setSettings: (patch) => {
      if (!services.settings) throw unsupported('Settings are not available here')
      return services.settings.set(patch)
    },
    pickLocation: ({ purpose }) => {
      if (!services.pickLocation) throw unsupported('Choosing folders and library files works only in the Folio app')
      return services.pickLocation(purpose)
    },
    backupToPath: ({ path }) => {
      withPaths('Backing up')
      return runJob({ kind: 'backupToPath', path })
    },
    backupDownload: () => runJob({ kind: 'backupDownload' }),
    restoreFromPath: async ({ path }) => {
      withPaths('Restoring')
      return restored(await runJob({ kind: 'restoreFromPath', path }))
    },
    restoreFromFile: async ({ name, text }) => restored(await runJob({ kind: 'restoreFromFile', name, text })),
    restoreUpload: async ({ id, name }) => {
      if (!services.restoreUpload) {
        throw unsupported('Uploading files works only in the browser version: the app restores files by path.')
      }
      return restored(await services.restoreUpload(id, name))
    },
    exportNotesToPath: ({ dir }) => {
      withPaths('Exporting notes')
      return runJob({ kind: 'exportNotesToPath', dir })
    },
    exportNotesDownload: () => runJob({ kind: 'exportNotesDownload' }),
    rendererReady: () => services.rendererReady?.() ?? { importReports: [] },
    notesFlushed: () => {
      services.notesFlushed?.()
      return { ok: true as const }
    },
    openExternal: async ({ url }) => {
      const safe = safeExternalUrl(url)
      if (!safe)
        throw new LibraryError('bad-url', `Refused to open "${url.slice(0, 200)}": only http(s) and mailto links open`)
      return { opened: await services.openExternal(safe) }
    }
  }
}

export type Dispatch = (method: string, input: unknown) => Promise<Reply<unknown>>

export function createDispatcher(lib: Library, services: Services): Dispatch {
  const handlers = createHandlers(lib, services) as Record<MethodName, (input: unknown) => unknown>
  // This connection serves a UI: its writes do not wait for checkpoints (checkpoints.ts).
  const checkpoints = checkpointWhenIdle(lib.db)
  return async (method, input) => {
    if (!Object.hasOwn(contract, method)) {
      return {
        ok: false,
        error: { code: 'unknown-method', message: `Unknown method "${String(method).slice(0, 100)}"` }
      }
    }
    const name = method as MethodName
    const parsed = contract[name].input.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? issue.path.join('.') : 'input'
      return {
        ok: false,
        error: { code: 'invalid-input', message: `${name}: invalid ${where}: ${issue?.message ?? 'bad input'}` }
      }
    }
    try {
      const value = await handlers[name](parsed.data)
      if (!isReadMethod(name)) {
        checkpoints.wrote()
        services.ranking?.changed()
      }
      return { ok: true, value }
    } catch (err) {
      if (err instanceof LibraryError) return { ok: false, error: { code: err.code, message: err.message } }
      const storage = storageError(err)
      if (storage) return { ok: false, error: { code: storage.code, message: `${name}: ${storage.message}` } }
      const message = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${message}` } }
    }
  }
}
