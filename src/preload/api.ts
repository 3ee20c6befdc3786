/**
 * THE bridge contract. Every method the renderer can call is one entry here: its input schema
 * (validated at the boundary by whoever serves it: Electron's ipcMain or the browser host) and
 * its result type. Main registers handlers by iterating over `contract`; the preload and the
 * browser client build `window.api` by iterating over it; the renderer's types derive from it.
 *
 * No electron import here: this file is shared by main, preload, renderer, CLI and tests.
 */
import { z } from 'zod'
import { LOCATION_PURPOSES, settingsPatch, type PickResult, type Settings, type SettingsInfo } from './settings'

// ---------- shared value schemas ----------

export const STATUSES = ['unread', 'reading', 'read'] as const
export const status = z.enum(STATUSES)
export type Status = z.infer<typeof status>

export const VIEWS = ['all', 'unread', 'reading', 'read', 'starred', 'notes'] as const
export const view = z.enum(VIEWS)
export type View = z.infer<typeof view>

export const SORTS = ['digest', 'firstSeen', 'title'] as const
export const sort = z.enum(SORTS)
export type Sort = z.infer<typeof sort>

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const ids = z.array(id).min(1).max(200_000)
const MAX_QUERY = 500
const MAX_NOTE = 1_000_000 // characters; a note longer than a novel is refused, not truncated
const MAX_IMPORT_BYTES = 256 * 1024 * 1024
const tagName = z.string().trim().min(1).max(100)

/** Opaque keyset cursor produced by the library; the renderer passes it back verbatim. */
const cursor = z.string().max(1_000)

// ---------- result types ----------

export interface PaperLinks {
  abs?: string
  pdf?: string
  code?: string
  project?: string
  doi?: string
  hf?: string
  url?: string
}

/** One row of the feed: what a list row needs, nothing more (no abstract). */
export interface PaperRow {
  id: number
  title: string
  authors: string[] // first authors only (at most 3) in feed rows
  authorCount: number
  arxivId: string | null
  digestDate: string | null // newest digest date it appeared in (YYYY-MM-DD)
  /** The digest date's year (or whole date) was inferred, not read from the file. */
  digestDateInferred: boolean
  firstSeen: string // ISO timestamp
  status: Status
  starred: boolean
  hasNote: boolean
  hasCode: boolean
  seenIn: number // number of digests it appeared in
}

export interface DigestRef {
  id: number
  fileName: string
  format: string
  date: string | null
  dateInferred: boolean
  position: number
  extras: Record<string, unknown>
}

export interface PaperDetail extends Omit<PaperRow, 'authors'> {
  authors: string[]
  abstract: string
  doi: string | null
  version: string | null
  categories: string[]
  published: string | null
  links: PaperLinks
  statusChangedAt: string | null
  digests: DigestRef[]
  tags: string[]
}

export interface FeedPage {
  items: PaperRow[]
  nextCursor: string | null
  /** Words and phrases a search matched on, for highlighting (empty when not searching). */
  terms: string[]
}

export interface DigestCount {
  id: number
  fileName: string
  format: string
  date: string | null
  dateInferred: boolean
  importedAt: string
  total: number
  unread: number
}

export interface Counts {
  views: Record<View, number>
  digests: DigestCount[]
  tags: { name: string; count: number }[]
}

export interface Note {
  paperId: number
  body: string
  updatedAt: string | null
}

export interface NoteRevision {
  id: number
  body: string
  savedAt: string
}

export interface TagCount {
  name: string
  /** Papers carrying the tag. */
  papers: number
}

export const EXPORT_FORMATS = ['md', 'bib', 'csv', 'json'] as const
export const exportFormat = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof exportFormat>

/** A file the renderer can offer as a download (browser host) or main can write (Electron menu). */
export interface ExportFile {
  fileName: string
  mimeType: string
  text: string
  papers: number
}

export interface NoteSummary {
  paperId: number
  title: string
  excerpt: string
  updatedAt: string
  status: Status
}

export interface FileReport {
  file: string
  ok: boolean
  format?: string
  /** Why the file was refused (names the file; line/position where it applies). */
  error?: string
  added: number
  merged: number
  /** Content already imported: nothing to do. */
  alreadyImported?: boolean
  papers: number
  warnings: string[]
}

export interface ImportReport {
  files: FileReport[]
  added: number
  merged: number
  rejected: number
}

export interface StatusChange {
  /** Papers whose status actually changed, with what they were before (for undo). */
  changed: { id: number; status: Status }[]
}

export interface StarChange {
  changed: { id: number; starred: boolean }[]
}

// ---------- inputs ----------

export const feedQuery = z.strictObject({
  view: view.default('all'),
  digestId: id.optional(),
  tag: z.string().min(1).max(100).optional(),
  query: z.string().max(MAX_QUERY).optional(),
  sort: sort.default('digest'),
  cursor: cursor.optional(),
  limit: z.number().int().min(1).max(500).default(100)
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
  search: method<FeedPage>()(z.strictObject({ query: z.string().min(1).max(MAX_QUERY), limit: limit(500, 100) })),
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
   * filters, never ids) in one statement. "Mark all in this view read"; undo with restoreStatus.
   */
  setViewStatus: method<StatusChange>()(z.strictObject({ ...viewFilter, status })),
  /** Star or unstar every paper in a view; undo with setStarred on the returned ids. */
  setViewStarred: method<StarChange>()(z.strictObject({ ...viewFilter, starred: z.boolean() })),
  getNote: method<Note>()(z.strictObject({ paperId: id })),
  saveNote: method<Note>()(z.strictObject({ paperId: id, body: z.string().max(MAX_NOTE) })),
  listNotes: method<NoteSummary[]>()(
    z.strictObject({ query: z.string().max(MAX_QUERY).optional(), tag: tagName.optional(), status: status.optional(), limit: limit(1000, 200) })
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
  /** Import files whose bytes the renderer read (file picker, drag and drop). */
  importFiles: method<ImportReport>()(
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().min(1).max(1_000),
            base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
            lastModified: z.number().int().nonnegative().optional()
          })
        )
        .min(1)
        .max(1_000)
    })
  ),
  /** Open an http(s) link in the user's browser (validated again where it is served). */
  openExternal: method<{ opened: boolean }>()(z.strictObject({ url: z.string().min(1).max(4_000) })),
  /** App only: import files and folders by path (dropped folders). The browser host refuses: it never reads paths. */
  importPaths: method<ImportReport>()(z.strictObject({ paths: z.array(z.string().min(1).max(4_096)).min(1).max(1_000) })),
  getSettings: method<SettingsInfo>()(none),
  setSettings: method<Settings>()(settingsPatch),
  /** App only: pick a location with the OS dialog (watch folder; open, create or move the library). */
  pickLocation: method<PickResult>()(z.strictObject({ purpose: z.enum(LOCATION_PURPOSES) })),
  /** The renderer listens now: returns the reports of imports main ran before (files opened at start-up). */
  rendererReady: method<{ importReports: ImportReport[] }>()(none),
  /** The answer to the `flush` command: the pending note is saved, the window may close. */
  notesFlushed: method<{ ok: true }>()(none)
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>
export type OutputOf<M extends MethodName> = Contract[M]['output']

// ---------- events: main (or the host) -> renderer ----------

export interface ImportProgressEvent {
  file: string
  fileIndex: number
  fileCount: number
  papers: number
}

/** Every event the renderer can subscribe to, with its payload (plain data only). */
export interface EventPayloads {
  /** The library changed outside this renderer (menu import, watched folder, CLI, another window). */
  libraryChanged: Record<string, never>
  /** An import in progress (emitted every few hundred papers). */
  importProgress: ImportProgressEvent
  /** An app command from the menu or the OS (e.g. `view:unread`, `go:nextUnread`). */
  command: { command: string }
  /** Main imported files by itself (opened with Folio, watched folder): show the report. */
  imported: ImportReport
}
export type EventName = keyof EventPayloads
export const EVENT_NAMES = ['libraryChanged', 'importProgress', 'command', 'imported'] as const satisfies readonly EventName[]

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
}

/** The one channel namespace. Channel strings are derived, never written twice. */
export const CHANNEL_PREFIX = 'folio:'
export const channelOf = (m: MethodName): string => `${CHANNEL_PREFIX}${m}`
export const eventChannelOf = (e: EventName): string => `${CHANNEL_PREFIX}event:${e}`
export const isEventName = (e: unknown): e is EventName => (EVENT_NAMES as readonly unknown[]).includes(e)
export const methodNames = Object.keys(contract) as MethodName[]

/** Every reply crosses the boundary as a plain result object: errors are data, not exceptions. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

export class FolioError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'FolioError'
  }
}

export function unwrap<T>(reply: Reply<T>): T {
  if (reply.ok) return reply.value
  throw new FolioError(reply.error.code, reply.error.message)
}
