/**
 * Numbered migrations keyed by PRAGMA user_version. All pending migrations run in one
 * transaction: a library is either fully at the new version or untouched. A library written
 * by a newer Folio (user_version above what we know) is refused and left alone.
 */
import type { DB, OpenOptions } from '../db'
import { LibraryError } from '../db'
import { peekLibrary } from '../peek'
import m0001 from './0001-initial'
import m0002 from './0002-fts-hashsize'
import m0003 from './0003-kept-counts-view-undo'
import m0004 from './0004-digest-changes'
import m0005 from './0005-ranking'
import m0006 from './0006-paper-status'

export interface Migration {
  version: number
  name: string
  up(db: DB): void
}

export const migrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006]
export const SCHEMA_VERSION = migrations.length

/** Throws 'newer-library' for a library from a newer Folio; called before anything is written. */
export function refuseNewer(db: DB, file = 'library'): number {
  const from = db.pragma('user_version', { simple: true }) as number
  if (from > SCHEMA_VERSION) {
    throw new LibraryError(
      'newer-library',
      `${file} was written by a newer version of Folio (schema ${from}; this Folio knows up to ${SCHEMA_VERSION}). ` +
        'Update Folio to open it; the library was not changed.'
    )
  }
  return from
}

export function migrate(db: DB, file = 'library'): { from: number; to: number } {
  const from = refuseNewer(db, file)
  if (from === SCHEMA_VERSION) return { from, to: from }
  // Re-read inside the write lock: another process may have migrated meanwhile.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number
    for (const m of migrations) {
      if (m.version > current) m.up(db)
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
  }).immediate()
  return { from, to: SCHEMA_VERSION }
}

/**
 * Whether opening `file` will upgrade it (a library of an earlier schema): a read-only look at its
 * version. False for a missing, unreadable or newer file: opening it says what is wrong.
 */
export function upgradePending(file: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): boolean {
  return peekLibrary(
    file,
    options,
    (db) => {
      const version = db.pragma('user_version', { simple: true }) as number
      return version > 0 && version < SCHEMA_VERSION
    },
    false
  )
}
