/**
 * Import: file -> bytes -> decode -> detect -> parse -> one transaction per file. A big file is
 * read, decoded and parsed in a worker thread while this thread writes its papers (digest-stream.ts).
 * A refused file changes nothing; the other files of the batch still import. Re-importing the
 * same bytes is a no-op (content hash). Status, stars, notes and tags are never touched.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { FileReport, ImportReport } from '../../shared/contract'
import type { EncodedPaper, PaperCore } from '../digests/encode'
import { DigestError } from '../digests/types'
import { writeDirectly } from '../library/direct-writes'
import {
  beginBulkIndex,
  deferIndexes,
  endBulkIndex,
  findDigestByHash,
  finishDigest,
  indexNewPapers,
  insertDigest,
  libraryIsEmpty,
  linkPaper,
  rebuildIndexes
} from '../library/digests'
import type { Library } from '../library/index'
import { resolveEncoded } from '../library/papers'
import { nowIso } from '../library/statements'
import { storageError } from '../library/storage-errors'
import { clearTimeLimit, ImportStopped, throwIfStopped, timeLimitMessage, type CancelFlag } from './cancel'
import { parsesInWorker, readDigest, readDigestFile, type DigestReader } from './digest-stream'
import { endSpareParseWorker } from './parse-worker-start'
import { summarize } from './report'
import { expandSources, MAX_FILE_BYTES, type FileEntry, type ImportSource } from './sources'

export interface ImportProgress {
  file: string
  fileIndex: number
  fileCount: number
  papers: number
}

export interface ImportOptions {
  /** Parse and resolve everything, report what would change, write nothing. */
  dryRun?: boolean
  onProgress?: (p: ImportProgress) => void
  maxBytes?: number
  /** Parse files at least this big in a worker thread (default: digest-stream's WORKER_MIN_BYTES). */
  workerMinBytes?: number
  /** A big file is read this many bytes at a time (default: file-pieces' CHUNK_BYTES). */
  chunkBytes?: number
  /** Set by whoever may stop the import (cancel.ts): looked at every paper and while waiting. */
  cancel?: CancelFlag
  /** The time limit per file its supervisor enforces (run-in-worker.ts), for the message of a file it stopped. */
  timeLimitMs?: number
  /** A file starts / is done (the supervisor times each file, and keeps the reports of finished ones). */
  onFileStart?(label: string, index: number, count: number): void
  onFileDone?(report: FileReport): void
}

class DryRunRollback extends Error {}

/** The page cache (KiB) of an import into an empty library (see importFile). */
const APPEND_CACHE_KIB = 4096

/** New papers are added to the search index this many at a time while the file is read (see indexNewPapers). */
const INDEX_EVERY = 500

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`

/** Open a digest file for reading: its descriptor, size and mtime (refusals as DigestError). */
function openFile(path: string, maxBytes: number): { fd: number; size: number; mtime: Date } {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new DigestError('file not found (it may have been moved or deleted)')
    if (code === 'EACCES' || code === 'EPERM') throw new DigestError('permission denied: the file cannot be read')
    throw new DigestError(`cannot open the file: ${(err as Error).message}`)
  }
  try {
    const st = fstatSync(fd)
    if (st.isDirectory()) throw new DigestError('is a folder that cannot be read')
    if (st.size > maxBytes) throw new DigestError(`file is ${mb(st.size)}; the limit is ${mb(maxBytes)}`)
    return { fd, size: st.size, mtime: st.mtime }
  } catch (err) {
    closeSync(fd)
    if (err instanceof DigestError) throw err
    throw new DigestError(`cannot read the file: ${(err as Error).message}`)
  }
}

function readAll(fd: number, size: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(size)
  let off = 0
  try {
    while (off < size) {
      const n = readSync(fd, bytes, off, size - off, off)
      if (n === 0) break
      off += n
    }
  } catch (err) {
    throw new DigestError(`cannot read the file: ${(err as Error).message}`)
  }
  return bytes.subarray(0, off)
}

/**
 * Start reading a file's papers: a big file on disk is read, decoded and parsed by a worker while this
 * thread hashes it; any other file is read here (parsed here, or by a worker when it is big bytes).
 */
function startReading(entry: FileEntry, options: ImportOptions): { reader: DigestReader; mtime?: Date; big: boolean } {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES
  const read = {
    fileName: entry.name,
    workerMinBytes: options.workerMinBytes,
    chunkBytes: options.chunkBytes,
    cancel: options.cancel
  }
  const source = entry.source
  if (source.kind === 'bytes') {
    if (source.bytes.length > maxBytes)
      throw new DigestError(`file is ${mb(source.bytes.length)}; the limit is ${mb(maxBytes)}`)
    return {
      reader: readDigest(source.bytes, { ...read, mtime: source.mtime }),
      mtime: source.mtime,
      big: parsesInWorker(source.bytes.length, read)
    }
  }
  const opened = openFile(source.path, maxBytes)
  const { fd, size } = opened
  // An upload's temp file is as new as the upload: the date is the one the browser gave, if any.
  const mtime = source.kind === 'upload' ? source.mtime : opened.mtime
  try {
    if (parsesInWorker(size, read))
      return { reader: readDigestFile(source.path, fd, { ...read, mtime }), mtime, big: true }
    return { reader: readDigest(readAll(fd, size), { ...read, mtime }), mtime, big: false }
  } finally {
    closeSync(fd)
  }
}

function describe(err: unknown): string {
  if (err instanceof DigestError) {
    const w = err.where
    const at = w?.line !== undefined ? ` (line ${w.line}${w.column !== undefined ? `, column ${w.column}` : ''})` : ''
    return `${err.message}${at && !err.message.includes('line ') ? at : ''}`
  }
  const storage = storageError(err)
  if (storage) return `not imported: ${storage.message}`
  return `import failed: ${(err as Error).message}`
}

export async function importFile(
  lib: Library,
  entry: FileEntry,
  options: ImportOptions = {},
  index = 0,
  count = 1
): Promise<FileReport> {
  const report: FileReport = { file: entry.label, ok: false, added: 0, merged: 0, papers: 0, warnings: [] }
  let reader: DigestReader | undefined
  try {
    const started = startReading(entry, options)
    const digest = (reader = started.reader)
    const mtime = started.mtime
    const hash = digest.hash
    const known = findDigestByHash(lib.db, hash)
    if (known) {
      return {
        ...report,
        ok: true,
        alreadyImported: true,
        warnings: [`already imported (same content as ${known.file_name})`]
      }
    }
    const { format, warnings: decodeWarnings } = await digest.open()
    throwIfStopped(options.cancel)
    report.format = format
    const now = nowIso()
    let cacheBefore: number | undefined
    const write = lib.db.transaction(() => {
      const seen = new Set<number>()
      let digestId = 0
      let position = 0
      let indexedUpTo = 0
      // The digest's date once the parser reports it (new papers are written with it); none until then
      // (finishDigest gives the papers the date the parse found, or none for an undated file).
      let digestDate = ''
      // Papers arrive sanitised (imported text is data: no control chars, only http(s) links).
      const onPaper = (paper: PaperCore, enc: EncodedPaper): void => {
        throwIfStopped(options.cancel) // a stopped import rolls this file's transaction back
        position += 1
        const { id, added } = resolveEncoded(lib.db, paper, enc, digestDate, now, format)
        if (linkPaper(lib.db, digestId, id, position, enc.extras, added) && !seen.has(id)) {
          if (added) report.added += 1
          else report.merged += 1
        }
        seen.add(id)
        report.papers = position
        if (position % INDEX_EVERY === 0) indexedUpTo = indexNewPapers(lib.db, indexedUpTo)
        if (options.onProgress && position % 500 === 0) {
          options.onProgress({ file: entry.label, fileIndex: index, fileCount: count, papers: position })
        }
      }
      // The digest row is created first (papers link to it); its date is filled in by finishDigest.
      const maxIdBefore = beginBulkIndex(lib.db)
      indexedUpTo = maxIdBefore
      const rebuild = deferIndexes(lib.db, maxIdBefore)
      // Into an empty library an import only appends: a small page cache does (a big one only costs
      // fresh memory: ~10% of a 20,000-paper import's time on a VM). Restored after the commit.
      if (rebuild.length > 0) {
        cacheBefore = lib.db.pragma('cache_size', { simple: true }) as number
        lib.db.pragma(`cache_size = -${APPEND_CACHE_KIB}`)
      }
      digestId = insertDigest(lib.db, {
        hash,
        meta: { format, warnings: [] },
        fileName: entry.name,
        sourcePath: entry.path,
        importedAt: now
      })
      const meta = digest.parse({ fileName: entry.name, mtime, onDate: (date) => (digestDate = date) }, onPaper)
      if (position === 0) throw new DigestError('no papers found')
      report.warnings = [...decodeWarnings, ...meta.warnings]
      finishDigest(lib.db, digestId, { ...meta, warnings: report.warnings }, position, report.added, maxIdBefore)
      endBulkIndex(lib.db, indexedUpTo)
      rebuildIndexes(lib.db, rebuild)
      if (options.dryRun) throw new DryRunRollback()
    })
    // A big file into an empty library nobody else has open: written straight into the file (direct-writes.ts).
    const backToWal = !options.dryRun && started.big && libraryIsEmpty(lib.db) ? writeDirectly(lib.db) : undefined
    try {
      write.immediate()
    } catch (err) {
      if (!(err instanceof DryRunRollback)) throw err
    } finally {
      if (cacheBefore !== undefined) lib.db.pragma(`cache_size = ${cacheBefore}`)
      backToWal?.()
    }
    return { ...report, ok: true }
  } catch (err) {
    if (err instanceof ImportStopped && err.reason === 'cancelled') throw err
    if (err instanceof ImportStopped) {
      clearTimeLimit(options.cancel)
      const limit = timeLimitMessage(options.timeLimitMs ?? 0)
      return { ...report, ok: false, added: 0, merged: 0, error: `${entry.label}: ${limit}` }
    }
    return { ...report, ok: false, added: 0, merged: 0, error: `${entry.label}: ${describe(err)}` }
  } finally {
    reader?.close()
  }
}

/**
 * Import files one after the other (each in its own transaction). Cancelled (options.cancel), it stops
 * at once: the file being imported is rolled back, files imported before it stay, the report says
 * `cancelled` and lists only the files finished before.
 */
export async function importSources(
  lib: Library,
  sources: ImportSource[],
  options: ImportOptions = {}
): Promise<ImportReport> {
  const files: FileReport[] = []
  let cancelled = false
  try {
    const entries = await expandSources(sources, options.cancel)
    for (const [i, e] of entries.entries()) {
      throwIfStopped(options.cancel)
      options.onFileStart?.(e.label, i, entries.length)
      const file = await importFile(lib, e, options, i, entries.length)
      files.push(file)
      options.onFileDone?.(file)
    }
  } catch (err) {
    if (!(err instanceof ImportStopped && err.reason === 'cancelled')) throw err
    cancelled = true
  } finally {
    endSpareParseWorker()
  }
  return summarize(files, cancelled)
}
