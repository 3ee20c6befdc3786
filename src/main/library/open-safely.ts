/**
 * Opening the user's library the way every door (Electron main, CLI, browser host) should:
 * check it first, and never let a damaged file stop Folio from starting.
 *
 * - A missing file: a fresh library is created.
 * - A damaged file (not a database, corrupt pages, PRAGMA quick_check not "ok"): the file and its
 *   -wal/-shm are moved aside next to it with a timestamp (kept, never deleted), a fresh library is
 *   opened in its place, and the caller gets a `Recovery` saying where the file went and which
 *   automatic backup is the newest usable one (the caller offers it; see `restoreBackup`).
 * - A library from a newer Folio: refused (LibraryError 'newer-library'), left untouched.
 * - A read-only file or folder, or an unreadable one: refused with a clear LibraryError, untouched.
 *
 * Plain Node: no electron import.
 */
import Database from 'better-sqlite3'
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'
import { isSealed, SEAL_SUFFIX } from './check-seal'
import { LibraryError, type OpenOptions } from './db'
import { openLibrary, type Library } from './index'

export const BACKUPS_DIR = 'backups'
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const

export interface Backup {
  path: string
  /** Last modification time of the backup file. */
  modified: Date
}

export interface Recovery {
  /** Why the library was set aside (SQLite's own words). */
  reason: string
  /** Where the damaged library file now is (its -wal/-shm, if any, sit next to it). */
  movedTo: string
  /** Every file that was moved (the library and its side files). */
  moved: string[]
  /** The newest automatic backup that opens and passes a quick check, if any. */
  backup: Backup | null
  /** A message for the user: what happened, where the file went, what they can do. */
  message: string
}

export interface SafeOpenOptions extends OpenOptions {
  /** Folder of automatic backups; default `<library folder>/backups`. */
  backupsDir?: string
  /**
   * 'quick' (default): PRAGMA quick_check, which reads every page (about a second per 100 MB; the
   * app and the host do it once per start). 'light': open and read the schema only, for the CLI's
   * short commands, and for the app and the host, which then run the full check off the user's
   * path (check-later.ts); damage found later still fails cleanly (SQLITE_CORRUPT is an error Reply).
   */
  check?: 'quick' | 'light'
  /** Clock, for the moved-aside file's timestamp (tests). */
  now?: () => Date
}

export interface SafeOpenResult {
  library: Library
  /**
   * How the file was checked: 'full' (PRAGMA quick_check), 'sealed' (unchanged since Folio last knew
   * it healthy: check-seal.ts), 'light' (opened and its schema read), 'none' (a new, empty library).
   */
  checkedBy: 'full' | 'sealed' | 'light' | 'none'
  /** Set when the library was damaged and set aside; the library returned is a fresh one. */
  recovery: Recovery | null
}

/** `<library folder>/backups`: where automatic backups of this library are kept. */
export function backupsDirFor(libraryPath: string): string {
  return join(dirname(libraryPath), BACKUPS_DIR)
}

const DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/

/** Is this error SQLite saying the file is damaged (as opposed to busy, read-only, missing…)? */
export function isDamageError(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: unknown } | null
  if (e && typeof e.code === 'string' && DAMAGE.test(e.code)) return true
  return !!e?.cause && isDamageError(e.cause)
}

function sqliteCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: unknown } | null
  if (e && typeof e.code === 'string' && e.code.startsWith('SQLITE_')) return e.code
  return e?.cause ? sqliteCode(e.cause) : ''
}

/**
 * Open `file` read-only and run PRAGMA quick_check. Returns null when healthy, else the reason.
 * Errors that are not damage (permissions, busy) are thrown.
 */
export function checkFile(
  file: string,
  options: Pick<OpenOptions, 'nativeBinding' | 'busyTimeout'> = {},
  check: 'quick' | 'light' = 'quick'
): string | null {
  let db: Database.Database | undefined
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      timeout: options.busyTimeout ?? 10_000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
    if (check === 'light') {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
      return null
    }
    const rows = db.pragma('quick_check(20)') as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    return problems.length ? `the integrity check failed: ${problems.join('; ').slice(0, 500)}` : null
  } catch (err) {
    if (isDamageError(err)) return (err as Error).message
    throw err
  } finally {
    db?.close()
  }
}

const stamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')

/**
 * Move `file` and its -wal/-shm/-journal aside: `library.sqlite` → `library.damaged-<time>.sqlite`
 * (+ `-wal`, `-shm`), in the same folder. Nothing is deleted but the full check's seal (check-seal.ts).
 * Returns the moved files' new paths.
 */
export function moveAside(file: string, now = new Date()): { movedTo: string; moved: string[] } {
  const ext = extname(file)
  const base = join(dirname(file), basename(file, ext))
  let target = `${base}.damaged-${stamp(now)}${ext}`
  for (let n = 2; [target, ...SIDE_FILES.map((s) => target + s)].some((p) => existsSync(p)); n++) {
    target = `${base}.damaged-${stamp(now)}-${n}${ext}`
  }
  const moved: string[] = []
  rmSync(file + SEAL_SUFFIX, { force: true }) // the full check's seal (check-seal.ts) spoke of this file: it goes
  renameSync(file, target)
  moved.push(target)
  for (const side of SIDE_FILES) {
    if (existsSync(file + side)) {
      renameSync(file + side, target + side)
      moved.push(target + side)
    }
  }
  return { movedTo: target, moved }
}

/** The newest file in `dir` that opens as a healthy SQLite database (by modification time). */
export function newestBackup(dir: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): Backup | null {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return null
  }
  const candidates = names
    .filter((n) => !SIDE_FILES.some((s) => n.endsWith(s)) && !n.startsWith('.'))
    .map((n) => {
      try {
        const st = statSync(join(dir, n))
        return st.isFile() && st.size > 0 ? { path: join(dir, n), modified: st.mtime } : null
      } catch {
        return null
      }
    })
    .filter((b): b is Backup => b !== null)
    .sort((a, b) => b.modified.getTime() - a.modified.getTime())
  for (const c of candidates) {
    try {
      if (checkFile(c.path, options) === null) return c
    } catch {
      /* unreadable: try the next one */
    }
  }
  return null
}

export function recoveryMessage(file: string, reason: string, movedTo: string, backup: Backup | null): string {
  const lines = [
    `Folio's library could not be read: ${reason}.`,
    `The damaged file was moved to ${movedTo} (it is kept, not deleted).`,
    'Folio started with a new, empty library.'
  ]
  if (backup) {
    lines.push(
      `The newest automatic backup is ${backup.path} (${backup.modified.toISOString().slice(0, 16).replace('T', ' ')} UTC). ` +
        `To use it, restore it, or quit Folio and copy it to ${file}.`
    )
  } else {
    lines.push('No automatic backup was found.')
  }
  return lines.join('\n')
}

/** A clear LibraryError for an error opening a library that is not damage. */
export function explainOpenError(file: string, err: unknown): Error {
  if (err instanceof LibraryError && err.code !== 'open') return err
  const code = sqliteCode(err)
  const errno = (err as NodeJS.ErrnoException | null)?.code ?? ''
  if (code.startsWith('SQLITE_READONLY') || errno === 'EROFS') {
    return new LibraryError(
      'read-only',
      `The library ${file} is read-only: Folio needs to write to the file and its folder (${dirname(file)}). ` +
        'Nothing was changed. Check the permissions, or choose another library with --library.'
    )
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || errno === 'EACCES' || errno === 'EPERM') {
    return new LibraryError(
      'cannot-open',
      `Folio cannot open the library ${file}: the file or its folder cannot be read or written (${dirname(file)}). ` +
        'Nothing was changed. Check the permissions, or choose another library with --library.'
    )
  }
  if (code.startsWith('SQLITE_FULL') || errno === 'ENOSPC') {
    return new LibraryError(
      'disk-full',
      `The disk holding ${file} is full: free some space and start Folio again. Nothing was changed.`
    )
  }
  return err instanceof Error ? err : new Error(String(err))
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode)
    return true
  } catch {
    return false
  }
}

/**
 * Folio writes the library file and, next to it, its -wal and -shm: both the file and its folder
 * must be writable. Checked before SQLite touches anything (SQLite would open a read-only file
 * "successfully" and fail on the first write). A folder that does not exist yet is created later.
 */
export function checkWritable(file: string): void {
  const dir = dirname(file)
  if (existsSync(file)) {
    if (!canAccess(file, constants.R_OK))
      throw explainOpenError(file, Object.assign(new Error('unreadable'), { code: 'EACCES' }))
    if (!canAccess(file, constants.W_OK))
      throw explainOpenError(file, Object.assign(new Error('read-only file'), { code: 'SQLITE_READONLY' }))
  }
  if (existsSync(dir) && !canAccess(dir, constants.W_OK)) {
    throw explainOpenError(file, Object.assign(new Error('read-only folder'), { code: 'SQLITE_READONLY' }))
  }
}

/**
 * A rollback journal left by a process that died inside a transaction (a big first import is written
 * under one: direct-writes.ts) is "hot": the next connection that may write rolls it back. A read-only
 * connection cannot, and SQLite refuses it (SQLITE_READONLY_ROLLBACK), so the library would look
 * read-only for good. Roll it back first, through a writable connection; damage found doing so is
 * the check's answer.
 */
function rollBackHotJournal(file: string, options: Pick<OpenOptions, 'nativeBinding' | 'busyTimeout'>): string | null {
  let size = 0
  try {
    size = statSync(`${file}-journal`).size
  } catch {
    return null // no journal: nothing to roll back
  }
  if (size === 0) return null
  let db: Database.Database | undefined
  try {
    db = new Database(file, {
      fileMustExist: true,
      timeout: options.busyTimeout ?? 10_000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
    db.prepare('SELECT count(*) FROM sqlite_master').get() // the first read rolls a hot journal back
    return null
  } catch (err) {
    if (isDamageError(err)) return (err as Error).message
    throw err
  } finally {
    db?.close()
  }
}

/** Open the library at `file`, checking it first; see the module comment for what happens when. */
export function openLibrarySafely(file: string, options: SafeOpenOptions = {}): SafeOpenResult {
  const { backupsDir, now, check, ...open } = options
  if (file !== ':memory:' && !open.readonly) checkWritable(file)
  let reason: string | null = null
  let checkedBy: SafeOpenResult['checkedBy'] = 'none'
  if (existsSync(file) && statSync(file).size > 0) {
    // A full check is skipped for a file sealed healthy and written by nothing since (check-seal.ts).
    checkedBy = isSealed(file) ? 'sealed' : (check ?? 'quick') === 'light' ? 'light' : 'full'
    try {
      reason =
        (open.readonly ? null : rollBackHotJournal(file, open)) ??
        checkFile(file, open, checkedBy === 'full' ? 'quick' : 'light')
    } catch (err) {
      throw explainOpenError(file, err)
    }
  }
  if (reason === null) {
    try {
      const library = openLibrary(file, open)
      library.checked = checkedBy !== 'light'
      return { library, checkedBy, recovery: null }
    } catch (err) {
      if (!isDamageError(err)) throw explainOpenError(file, err)
      reason = (err as Error).message
    }
  }
  return { ...replaceDamaged(file, reason, { ...open, backupsDir, now }), checkedBy: 'none' }
}

/**
 * `file` (closed) is damaged: move it and its -wal/-shm aside (kept, never deleted), open a fresh
 * library in its place and say where it went and which backup is the newest. At start-up
 * (openLibrarySafely) and when the full check finds damage later (check-later.ts).
 */
export function replaceDamaged(
  file: string,
  reason: string,
  options: OpenOptions & { backupsDir?: string; now?: () => Date } = {}
): { library: Library; recovery: Recovery } {
  const { backupsDir, now, ...open } = options
  const { movedTo, moved } = moveAside(file, now?.() ?? new Date())
  const backup = newestBackup(backupsDir ?? backupsDirFor(file), open)
  let library: Library
  try {
    library = openLibrary(file, open)
  } catch (err) {
    throw explainOpenError(file, err)
  }
  library.checked = true // new and empty
  return {
    library,
    recovery: { reason, movedTo, moved, backup, message: recoveryMessage(file, reason, movedTo, backup) }
  }
}
