/**
 * A Folio library: the one SQLite file every door (app, CLI, browser host, tests) opens.
 * Plain Node; never imports electron.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { sealFile } from './check-seal'
import { openDatabase, type DB, type OpenOptions } from './db'

export interface Library {
  readonly path: string
  readonly db: DB
  /**
   * Known healthy: checked whole (PRAGMA quick_check) or found sealed when opened
   * (openLibrarySafely), or checked later by the caller (check-later.ts). Closing it as the last
   * connection then seals the file, so the next command that writes need not check it again.
   */
  checked: boolean
  close(): void
}

export function openLibrary(path: string, options: OpenOptions = {}): Library {
  const db = openDatabase(path, options)
  const library: Library = {
    path,
    db,
    checked: false,
    close() {
      if (!db.open) return
      db.close()
      if (library.checked && path !== ':memory:' && !options.readonly) sealFile(path)
    }
  }
  return library
}

/**
 * The platform's user-data folder for Folio: the same folder Electron's app.getPath('userData')
 * gives the app (productName "Folio"), so the CLI and the app share one library by default.
 */
export function userDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Folio')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Folio')
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Folio')
}

export const LIBRARY_FILE = 'library.sqlite'

/** `--library PATH` beats FOLIO_LIBRARY beats the default in the user-data folder. */
export function resolveLibraryPath(flag?: string, env = process.env): string {
  return flag || env.FOLIO_LIBRARY || join(userDataDir(process.platform, env), LIBRARY_FILE)
}

export { LibraryError } from './db'
export type { DB } from './db'
