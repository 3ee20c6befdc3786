/**
 * THE bridge contract. Every method the renderer can call is one entry here: its input schema
 * (validated at the boundary by whoever serves it: Electron's ipcMain or the browser host) and
 * its result type. Main (Electron's ipcMain and the browser host) registers handlers by iterating over
 * `contract`; the preload and the browser page build `window.api` from values.ts's METHOD_NAMES, which
 * the compiler checks against this contract (so neither carries zod); the renderer's types derive from it.
 *
 * No electron import here: this file is shared by main, the CLI and the tests (the renderer imports its types).
 */
import { z } from 'zod'
import { LOCATION_PURPOSES, settingsPatch, type PickResult, type Settings, type SettingsInfo } from './settings'
import {
  EXPORT_FORMATS,
  MAX_QUERY,
  SORTS,
  STATUSES,
  VIEWS,
  type EventName,
  type EventPayloads,
  type ExportFile,
  type BackupResult,
  type Counts,
  type DownloadFile,
  type FeedPage,
  type ForYouPage,
  type SimilarPapers,
  type ImportReport,
  type Note,
  type NoteRevision,
  type NoteSummary,
  type NotesExportResult,
  type PaperDetail,
  type RestoreResult,
  type StarChange,
  type StatusChange,
  type TagCount
} from './values'

// The contract's plain values and result types live in values.ts (no zod: the renderer imports
// them without carrying the validator); everyone else may keep importing them from here.
export * from './values'

// ---------- shared value schemas ----------

export const status = z.enum(STATUSES)
export const view = z.enum(VIEWS)
export const sort = z.enum(SORTS)
export const exportFormat = z.enum(EXPORT_FORMATS)

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const ids = z.array(id).min(1).max(200_000)
/** The most papers one feed page or search answers. */
export const MAX_FEED_PAGE = 500
const MAX_NOTE = 1_000_000 // characters; a note longer than a novel is refused, not truncated
/** Largest backup text the page may upload to restore (characters; a Folio backup is JSON Lines). */
export const MAX_RESTORE_CHARS = 256 * 1024 * 1024
const path = z.string().min(1).max(4_096)
/** What POST UPLOAD_PATH answered for a file the page sent (host/uploads.ts). */
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/)
const tagName = z.string().trim().min(1).max(100)

/** Opaque keyset cursor produced by the library; the renderer passes it back verbatim. */
const cursor = z.string().max(1_000)

// ---------- inputs ----------

export const feedQuery = z.strictObject({
  view: view.default('all'),
  digestId: id.optional(),
  tag: z.string().min(1).max(100).optional(),
  query: z.string().max(MAX_QUERY).optional(),
  sort: sort.default('digest'),
  cursor: cursor.optional(),
  limit: z.number().int().min(1).max(MAX_FEED_PAGE).default(100)
})
export type FeedQuery = z.input<typeof feedQuery>

/** A feed's filters without paging or sort: what a whole-view change applies to. */
const viewFilter = {
  view: view.default('all'),
  digestId: id.optional(),
  tag: z.string().min(1).max(100).optional(),
  query: z.string().max(MAX_QUERY).optional()
}

// ---------- the contract ----------

interface Method<I extends z.ZodType, O> {
  input: I
  /** Phantom: the result type. Never read at run time. */
  output: O
}
/** `method<Result>()(inputSchema)`: the result type is written, the input type is inferred. */
const method =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input, output: undefined as O })
const none = z.strictObject({}).optional()
const limit = (max: number, def: number) => z.number().int().min(1).max(max).default(def)

export const contract = {
  feedPage: method<FeedPage>()(feedQuery),
  search: method<FeedPage>()(
    z.strictObject({ query: z.string().min(1).max(MAX_QUERY), limit: limit(MAX_FEED_PAGE, 100) })
  ),
  getPaper: method<PaperDetail>()(z.strictObject({ id })),
  counts: method<Counts>()(none),
  setStatus: method<StatusChange>()(z.strictObject({ ids, status })),
  /** Undo: put each paper back to the status it had. */
  restoreStatus: method<StatusChange>()(
    z.strictObject({ changes: z.array(z.strictObject({ id, status })).min(1).max(200_000) })
  ),
  setStarred: method<StarChange>()(z.strictObject({ ids, starred: z.boolean() })),
  /**
   * Set the status of every paper in a view (smart view, digest, tag, search query: the feed's
   * filters, never ids) in one statement. "Mark all in this view read"; undo with undoViewChange.
   */
  setViewStatus: method<StatusChange>()(z.strictObject({ ...viewFilter, status })),
  /** Star or unstar every paper in a view; undo with undoViewChange. */
  setViewStarred: method<StarChange>()(z.strictObject({ ...viewFilter, starred: z.boolean() })),
  /** Undo a whole-view change (its `view.undoId`): every paper gets back what it had, in one statement. */
  undoViewChange: method<{ restored: number }>()(z.strictObject({ undoId: id })),
  getNote: method<Note>()(z.strictObject({ paperId: id })),
  saveNote: method<Note>()(z.strictObject({ paperId: id, body: z.string().max(MAX_NOTE) })),
  listNotes: method<NoteSummary[]>()(
    z.strictObject({
      query: z.string().max(MAX_QUERY).optional(),
      tag: tagName.optional(),
      status: status.optional(),
      limit: limit(1000, 200)
    })
  ),
  /** A note's revisions, newest first. */
  listRevisions: method<NoteRevision[]>()(z.strictObject({ paperId: id, limit: limit(1000, 200) })),
  /** Put a revision's text back as the note; the restore is itself a new revision. */
  restoreRevision: method<Note>()(z.strictObject({ paperId: id, revisionId: id })),
  /** Add and/or remove tags on papers; returns each paper's tags afterwards. */
  tagPapers: method<{ paperId: number; tags: string[] }[]>()(
    z.strictObject({ ids, add: z.array(tagName).max(50).default([]), remove: z.array(tagName).max(50).default([]) })
  ),
  /** Rename a tag everywhere (onto an existing name: merge). */
  renameTag: method<TagCount>()(z.strictObject({ from: tagName, to: tagName })),
  /** Remove a tag from every paper (papers and notes stay). */
  deleteTag: method<TagCount>()(z.strictObject({ name: tagName })),
  /** A reading list (any view, digest, tag or search: the feed's filters) as a file to download. */
  exportReadingList: method<ExportFile>()(
    z.strictObject({
      format: exportFormat,
      view: view.default('all'),
      digestId: id.optional(),
      tag: tagName.optional(),
      query: z.string().max(MAX_QUERY).optional()
    })
  ),
  /**
   * Browser host only: import files the page uploaded (POST UPLOAD_PATH, the File itself as the
   * body: nothing big in the page's memory), by the ids the uploads answered.
   */
  importUpload: method<ImportReport>()(
    z.strictObject({
      uploads: z
        .array(
          z.strictObject({
            id: uploadId,
            name: z.string().min(1).max(1_000),
            lastModified: z.number().int().nonnegative().optional()
          })
        )
        .min(1)
        .max(1_000)
    })
  ),
  /** Stop the running import: the file being read writes nothing, the files after it are not read. */
  cancelImport: method<{ cancelled: boolean }>()(none),
  /** Open an http(s) link in the user's browser (validated again where it is served). */
  openExternal: method<{ opened: boolean }>()(z.strictObject({ url: z.string().min(1).max(4_000) })),
  /** App only: import files and folders by path (dropped folders). The browser host refuses: it never reads paths. */
  importPaths: method<ImportReport>()(z.strictObject({ paths: z.array(path).min(1).max(1_000) })),
  getSettings: method<SettingsInfo>()(none),
  setSettings: method<Settings>()(settingsPatch),
  /** App only: pick a location with the OS dialog (watch folder; open, create or move the library). */
  pickLocation: method<PickResult>()(z.strictObject({ purpose: z.enum(LOCATION_PURPOSES) })),
  /** The renderer listens now: returns the reports of imports main ran before (files opened at start-up). */
  rendererReady: method<{ importReports: ImportReport[] }>()(none),
  /** The answer to the `flush` command: the pending note is saved, the window may close. */
  notesFlushed: method<{ ok: true }>()(none),
  /** App only: back up the library to a file the user chose (`.sqlite`: a SQLite copy; else a Folio backup). */
  backupToPath: method<BackupResult>()(z.strictObject({ path })),
  /** The library as a Folio backup file (JSON Lines), to download. */
  backupDownload: method<DownloadFile>()(none),
  /** App only: restore a Folio backup file into this library, which must be empty. */
  restoreFromPath: method<RestoreResult>()(z.strictObject({ path })),
  /**
   * Browser host only: restore a Folio backup the page uploaded (POST UPLOAD_PATH, streamed to disk)
   * into this library, which must be empty. `name` is the file's name, for messages.
   */
  restoreUpload: method<RestoreResult>()(z.strictObject({ id: uploadId, name: z.string().min(1).max(1_000) })),
  /** App only (over IPC): restore a Folio backup the window read (its text) into this library, which must be empty. */
  restoreFromFile: method<RestoreResult>()(
    z.strictObject({ name: z.string().min(1).max(1_000), text: z.string().min(1).max(MAX_RESTORE_CHARS) })
  ),
  /** App only: write every note as a Markdown file (front matter + the note) into a folder the user chose. */
  exportNotesToPath: method<NotesExportResult>()(z.strictObject({ dir: path })),
  /** The same Markdown files in a zip, to download. */
  exportNotesDownload: method<DownloadFile>()(none),
  /** For you: unread papers, best first, keyset-paged like feedPage. */
  forYouPage: method<ForYouPage>()(z.strictObject({ cursor: cursor.optional(), limit: limit(500, 100) })),
  /** The papers nearest to one by text (read or not). */
  similarPapers: method<SimilarPapers>()(z.strictObject({ id, limit: limit(100, 10) }))
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>
export type OutputOf<M extends MethodName> = Contract[M]['output']

/** What `window.api` is: one async function per contract method, plus event subscription. */
export type FolioApi = {
  [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>>
} & {
  /** Subscribe to an event; returns the unsubscribe function. Listeners get the payload only. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
  /**
   * Electron only (the preload, via webUtils.getPathForFile): the file system path of a dropped
   * File or folder, '' when it has none. Absent in the browser, which never sees paths.
   */
  pathForFile?(file: File): string
  /**
   * The browser page only: send files to the host as streams (POST UPLOAD_PATH), for importUpload.
   * `onProgress` hears the bytes sent; aborting `signal` stops the upload.
   */
  uploadFiles?(
    files: File[],
    onProgress: (p: { file: string; index: number; count: number; sent: number; total: number }) => void,
    signal: AbortSignal
  ): Promise<{ id: string; name: string; lastModified: number }[]>
}

export const methodNames = Object.keys(contract) as MethodName[]
