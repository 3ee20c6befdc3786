/**
 * The contract's plain values and result types: the enumerations, what methods answer, the events,
 * the reply envelope and its error. No zod here, so the renderer can import these without carrying
 * the validator (inputs are validated where they are served: main and the browser host). api.ts
 * (the contract itself) builds its schemas from these lists and re-exports all of them.
 *
 * No electron import here.
 */
import type { MethodName } from './contract'

export const STATUSES = ['unread', 'reading', 'read'] as const
export type Status = (typeof STATUSES)[number]

export const VIEWS = ['all', 'unread', 'reading', 'read', 'starred', 'notes'] as const
export type View = (typeof VIEWS)[number]

/** What the user reads for each status and view (sidebar, menus, messages, exports): written once. */
export const STATUS_LABELS = { unread: 'Unread', reading: 'Reading', read: 'Read' } as const satisfies Record<
  Status,
  string
>
/** In the sidebar's (and the View menu's) order. */
export const VIEW_LABELS = {
  unread: 'Unread',
  reading: 'Reading',
  starred: 'Starred',
  notes: 'With notes',
  read: 'Read',
  all: 'All'
} as const satisfies Record<View, string>
/** The longest search query the api takes (characters). */
export const MAX_QUERY = 500

export const SORTS = ['digest', 'firstSeen', 'title'] as const
export type Sort = (typeof SORTS)[number]

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
  /** Why the list is not exactly the view asked for ("status:read searches Read — showing All, not Unread"). */
  notice?: string
  /**
   * Set when a search's order is not relevance: it matched too many papers to rank, so they are
   * listed newest first. A sentence for the user ("Sorted by date added, newest first — 912,345 papers match…").
   */
  note?: string
}

/** A page of For you: unread papers, best first, by what the user's stars, notes and reading taught. */
export interface ForYouPage extends FeedPage {
  /** Papers starred or annotated: For you ranks once there are `needed`. */
  strong: number
  needed: number
  /** A few words on why, by paper id (the best-ranked papers). */
  why: Record<number, string>
}

/** The papers nearest to one by text, any status, nearest first. */
export interface SimilarPapers {
  items: PaperRow[]
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
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** A file the renderer can offer as a download (browser host) or main can write (Electron menu). */
export interface ExportFile {
  fileName: string
  mimeType: string
  text: string
  papers: number
}

/** A backup written to a path the user chose (the app's File → Backup…). */
export interface BackupResult {
  file: string
  /** 'jsonl': a Folio backup file; 'sqlite': a consistent SQLite copy of the library. */
  kind: 'jsonl' | 'sqlite'
  papers: number
  digests: number
  tags: number
}

/** What a restore put into the (empty) library. */
export interface RestoreResult {
  papers: number
  digests: number
  tags: number
  notes: number
  revisions: number
}

/** Notes written as Markdown files into a folder the user chose. */
export interface NotesExportResult {
  dir: string
  written: number
}

/** A file the page offers as a download (the browser version's backup and notes export). */
export interface DownloadFile {
  fileName: string
  mimeType: string
  /** 'utf8': `data` is the text; 'base64': `data` is the bytes in base64 (a zip). */
  encoding: 'utf8' | 'base64'
  data: string
  /** What it holds, for the page to say ("61 papers, 2 digests and 1 tag"). */
  summary: string
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
  /**
   * The import was cancelled: the file it was reading wrote nothing, and the files after it were not
   * read; `files` lists those finished before (kept).
   */
  cancelled?: boolean
}

/**
 * A whole-view change (setViewStatus, setViewStarred): how many papers changed, and the id that
 * undoViewChange takes to put them all back (the library kept what each had; no ids cross the bridge).
 */
export interface ViewChange {
  total: number
  undoId: number
}

export interface StatusChange {
  /**
   * Papers whose status actually changed, with what they were before (for undo). A whole-view
   * change lists them only when there are at most 5,000 (else empty: see `view.total`).
   */
  changed: { id: number; status: Status }[]
  view?: ViewChange
}

export interface StarChange {
  changed: { id: number; starred: boolean }[]
  view?: ViewChange
}

// ---------- settings values (settings.ts holds their schema) ----------

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const TEXT_SIZES = ['small', 'medium', 'large', 'x-large'] as const
export type TextSize = (typeof TEXT_SIZES)[number]

export const SIDEBAR_MIN = 160
export const SIDEBAR_MAX = 480
export const SIDEBAR_DEFAULT = 240

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
  /** For you's scores were rewritten: a For you view on screen reloads. */
  rankingChanged: { strong: number }
}
export type EventName = keyof EventPayloads
/** Every event, once: a map, so the compiler refuses one missing or one too many. */
const EVENTS = {
  libraryChanged: true,
  importProgress: true,
  command: true,
  imported: true,
  rankingChanged: true
} as const satisfies Record<EventName, true>
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[]

/** The one channel namespace. Channel strings are derived, never written twice. */
export const CHANNEL_PREFIX = 'folio:'
export const eventChannelOf = (e: EventName): string => `${CHANNEL_PREFIX}event:${e}`
export const isEventName = (e: unknown): e is EventName => typeof e === 'string' && Object.hasOwn(EVENTS, e)

/**
 * Every method of the contract, once, with what it does to the library: 'read' methods change
 * nothing in it (main skips the badge recount and the checkpoint after them; the browser client
 * sends them as ordinary requests), 'write' ones may (sent with fetch keepalive, so they outlive a
 * closing page). `satisfies Record<MethodName, …>`: a method missing here, or one the contract does
 * not have, does not compile. The preload and the browser page build `window.api` from these names.
 */
export const METHOD_ACCESS = {
  feedPage: 'read',
  search: 'read',
  getPaper: 'read',
  counts: 'read',
  setStatus: 'write',
  restoreStatus: 'write',
  setStarred: 'write',
  setViewStatus: 'write',
  setViewStarred: 'write',
  undoViewChange: 'write',
  getNote: 'read',
  saveNote: 'write',
  listNotes: 'read',
  listRevisions: 'read',
  restoreRevision: 'write',
  tagPapers: 'write',
  renameTag: 'write',
  deleteTag: 'write',
  exportReadingList: 'read',
  importUpload: 'write',
  cancelImport: 'read',
  openExternal: 'write',
  importPaths: 'write',
  getSettings: 'read',
  setSettings: 'write',
  pickLocation: 'write',
  rendererReady: 'read',
  notesFlushed: 'read',
  backupToPath: 'read',
  backupDownload: 'read',
  restoreFromPath: 'write',
  restoreFromFile: 'write',
  restoreUpload: 'write',
  exportNotesToPath: 'read',
  exportNotesDownload: 'read',
  forYouPage: 'read',
  similarPapers: 'read'
} as const satisfies Record<MethodName, 'read' | 'write'>
export const METHOD_NAMES = Object.keys(METHOD_ACCESS) as MethodName[]
export const channelOf = (m: MethodName): string => `${CHANNEL_PREFIX}${m}`
export const isReadMethod = (m: string): boolean =>
  Object.hasOwn(METHOD_ACCESS, m) && METHOD_ACCESS[m as MethodName] === 'read'

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
