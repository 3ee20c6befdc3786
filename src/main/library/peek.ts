/**
 * A look into a library file without opening it as a library: a read-only connection, no migration,
 * closed at once. For questions asked before opening (is it empty? written by an earlier Folio?);
 * any error (missing, not a database, locked) gives `otherwise`. Plain Node.
 */
import Database from 'better-sqlite3'
import type { OpenOptions } from './db'

export function peekLibrary<T>(
  file: string,
  options: Pick<OpenOptions, 'nativeBinding'>,
  read: (db: Database.Database) => T,
  otherwise: T
): T {
  let db: Database.Database | undefined
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
    return read(db)
  } catch {
    return otherwise
  } finally {
    db?.close()
  }
}
