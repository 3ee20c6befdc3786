/**
 * SQLite's storage failures in words a user can act on. Used wherever a write can fail: the
 * import (one message per refused file) and the dispatcher (an error Reply, never a crash).
 * In every case the failed transaction was rolled back: nothing was half-written.
 */
export interface StorageError {
  code: 'disk-full' | 'read-only' | 'busy' | 'damaged'
  message: string
}

export function storageError(err: unknown): StorageError | null {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') {
    return { code: 'disk-full', message: 'the disk is full: nothing was written; free some space and try again' }
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return {
      code: 'read-only',
      message: 'the library is read-only: nothing was written; check the permissions of the library file and its folder'
    }
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      code: 'busy',
      message: 'the library is busy (another program is writing to it): nothing was written; try again'
    }
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_IOERR')) {
    return {
      code: 'damaged',
      message: `the library could not be written (${code}): nothing was written; restart Folio to check the library`
    }
  }
  return null
}
