/**
 * The Electron side of a damaged library (library/open-safely.ts did the work): tell the user
 * where the damaged file went and offer the newest automatic backup. Takes the dialog module it
 * uses, so the shell tests drive it through the Electron stand-in.
 */
import type { Dialog } from 'electron'
import { openLibrary, type Library } from '../library/index'
import type { Recovery, SafeOpenOptions } from '../library/open-safely'
import { replaceWithBackup } from '../library/replace-with-backup'

export const RESTORE = 'Restore the backup'
export const START_EMPTY = 'Start with an empty library'

/** Shows the recovery message; returns the library to run on (the restored backup if chosen). */
export function offerRecovery(
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
  lib: Library,
  recovery: Recovery,
  options: SafeOpenOptions = {}
): Library {
  const buttons = recovery.backup ? [RESTORE, START_EMPTY] : ['OK']
  const choice = dialog.showMessageBoxSync({
    type: 'warning',
    title: 'Folio',
    message: "Folio's library was damaged and has been set aside",
    detail: recovery.message,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true
  })
  if (!recovery.backup || buttons[choice] !== RESTORE) return lib
  lib.close()
  try {
    return replaceWithBackup(recovery.backup.path, lib.path, options)
  } catch (err) {
    dialog.showMessageBoxSync({
      type: 'error',
      title: 'Folio',
      message: 'The backup could not be restored',
      detail: `${err instanceof Error ? err.message : String(err)}\nFolio continues with an empty library.`,
      buttons: ['OK']
    })
    return openLibrary(lib.path, options)
  }
}
