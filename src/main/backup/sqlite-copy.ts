/**
 * A consistent copy of the library file through SQLite's online backup API (better-sqlite3's
 * db.backup()): safe while the app, the CLI or the browser host write (WAL). Written to a temp
 * file next to the destination and renamed into place; never onto the library itself.
 */
import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { DB } from '../library/db'
import { LibraryError } from '../library/db'

const real = (p: string): string => {
  const abs = resolve(p)
  try {
    return realpathSync(abs)
  } catch {
    return existsSync(dirname(abs)) ? join(realpathSync(dirname(abs)), basename(abs)) : abs
  }
}

/** Refuse a destination that is the library (or its WAL/SHM files). */
export function assertNotLibrary(libraryPath: string, dest: string): void {
  const lib = real(libraryPath)
  const target = real(dest)
  if ([lib, `${lib}-wal`, `${lib}-shm`, `${lib}-journal`].includes(target)) {
    throw new LibraryError('backup', `Refused to write a backup onto the library itself (${dest})`)
  }
}

export async function copyLibrary(db: DB, libraryPath: string, dest: string): Promise<{ file: string; bytes: number }> {
  assertNotLibrary(libraryPath, dest)
  const tmp = join(dirname(resolve(dest)), `.${basename(dest)}.${process.pid}.folio-tmp`)
  try {
    const result = await db.backup(tmp)
    renameSync(tmp, dest)
    return { file: dest, bytes: result.totalPages * (db.pragma('page_size', { simple: true }) as number) }
  } catch (err) {
    rmSync(tmp, { force: true })
    if (err instanceof LibraryError) throw err
    throw new LibraryError('backup', `Could not copy the library to ${dest}: ${(err as Error).message}`)
  }
}
