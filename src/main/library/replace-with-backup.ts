/**
 * Restoring an automatic backup over the library (offered after a damaged library was set aside).
 * Plain Node: no electron import.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { LibraryError, type OpenOptions } from './db'
import { openLibrary, type Library } from './index'
import { peekLibrary } from './peek'
import { checkFile, explainOpenError, moveAside, SIDE_FILES, type SafeOpenOptions } from './open-safely'

/**
 * Replace the library at `file` with a copy of `backup` (checked first). The library must be closed.
 * The library being replaced is moved aside like a damaged one unless it is empty (no papers), so
 * nothing the user wrote is ever deleted. Returns the opened, restored library.
 */
export function replaceWithBackup(backup: string, file: string, options: SafeOpenOptions = {}): Library {
  const { now, ...rest } = options
  const open: OpenOptions = { nativeBinding: rest.nativeBinding, busyTimeout: rest.busyTimeout }
  const problem = checkFile(backup, open)
  if (problem) throw new LibraryError('bad-backup', `The backup ${backup} cannot be used: ${problem}`)
  if (existsSync(file)) {
    if (isEmptyLibrary(file, open)) {
      for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) rmSync(f, { force: true })
    } else {
      moveAside(file, now?.() ?? new Date())
    }
  }
  copyFileSync(backup, file)
  for (const side of ['-wal'] as const) {
    if (existsSync(backup + side)) copyFileSync(backup + side, file + side)
  }
  try {
    return openLibrary(file, open)
  } catch (err) {
    throw explainOpenError(file, err)
  }
}

function isEmptyLibrary(file: string, options: Pick<OpenOptions, 'nativeBinding'>): boolean {
  return peekLibrary(
    file,
    options,
    (db) => {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('papers', 'notes')")
        .pluck()
        .all() as string[]
      return tables.every((t) => !db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get())
    },
    false
  )
}
