/**
 * Settings → Library and Watch folder, in the app: the OS dialogs to pick a watch folder, open
 * another library, start a new one, or move this one (a consistent copy via SQLite's online
 * backup, then the app restarts on the copy; the old file is left where it was, never deleted).
 * Takes the dialog module it uses (type imports only), so the shell tests drive it.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { LocationPurpose, PickResult } from '../../shared/settings'
import type { Library } from '../library/index'
import type { SettingsStore } from '../settings'

export interface LocationDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>
  window(): BrowserWindow | null
  settings: SettingsStore
  lib: Library
  /** Set when --library or FOLIO_LIBRARY chose the library: the setting is saved but not used. */
  libraryOverride: string | null
  /** Restart the app (after the renderer has saved its note). */
  relaunch(): void
}

const SQLITE_FILTERS = [
  { name: 'Folio library', extensions: ['sqlite', 'db', 'sqlite3'] },
  { name: 'All files', extensions: ['*'] }
]

async function openDialog(deps: LocationDeps, options: OpenDialogOptions): Promise<string | null> {
  const win = deps.window()
  const r = win ? await deps.dialog.showOpenDialog(win, options) : await deps.dialog.showOpenDialog(options)
  return r.canceled || !r.filePaths[0] ? null : r.filePaths[0]
}

async function saveDialog(deps: LocationDeps, options: SaveDialogOptions): Promise<string | null> {
  const win = deps.window()
  const r = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options)
  return r.canceled || !r.filePath ? null : r.filePath
}

async function tell(deps: LocationDeps, message: string, detail: string): Promise<void> {
  const win = deps.window()
  const box = { type: 'info' as const, title: 'Folio', message, detail, buttons: ['OK'] }
  if (win) await deps.dialog.showMessageBox(win, box)
  else await deps.dialog.showMessageBox(box)
}

export async function pickLocation(purpose: LocationPurpose, deps: LocationDeps): Promise<PickResult> {
  const unchanged: PickResult = { changed: false, settings: deps.settings.get(), restarting: false }
  if (purpose === 'watchFolder') {
    const folder = await openDialog(deps, {
      title: 'Watch a folder for new digests',
      buttonLabel: 'Watch this folder',
      properties: ['openDirectory', 'createDirectory']
    })
    if (!folder) return unchanged
    return { changed: true, settings: deps.settings.update({ watchFolder: folder }), restarting: false }
  }

  let target: string | null
  if (purpose === 'openLibrary') {
    target = await openDialog(deps, {
      title: 'Open a Folio library',
      properties: ['openFile'],
      filters: SQLITE_FILTERS
    })
  } else {
    target = await saveDialog(deps, {
      title: purpose === 'newLibrary' ? 'Create a new Folio library' : 'Move the library to…',
      defaultPath: 'library.sqlite',
      buttonLabel: purpose === 'newLibrary' ? 'Create' : 'Move here',
      filters: SQLITE_FILTERS
    })
  }
  if (!target) return unchanged
  target = resolve(target)
  if (target === resolve(deps.lib.path)) return unchanged

  if (purpose === 'moveLibrary') {
    if (existsSync(target)) {
      await tell(deps, 'The library was not moved', `${target} already exists. Choose a new file name.`)
      return unchanged
    }
    // A consistent copy of the live library (WAL included), then the app reopens on it.
    await deps.lib.db.backup(target)
  }
  const settings = deps.settings.update({ libraryPath: target })
  if (deps.libraryOverride) {
    await tell(
      deps,
      'Saved for the next start without --library',
      `Folio was started on ${deps.libraryOverride} (--library or FOLIO_LIBRARY), which wins over this setting.`
    )
    return { changed: true, settings, restarting: false }
  }
  if (purpose === 'moveLibrary') {
    await tell(
      deps,
      'Library copied: Folio restarts on it',
      `The library is now ${target}.\nThe old file stays at ${deps.lib.path}: delete it when you are happy.`
    )
  }
  deps.relaunch()
  return { changed: true, settings, restarting: true }
}
