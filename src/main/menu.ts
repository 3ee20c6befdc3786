/**
 * The application menu. File → Import Digests… / Import Folder… run the same importSources
 * the CLI uses, tell the renderer the library changed, and summarise the ImportReport
 * (including every refused file's reason). View (the smart views, sidebar), Go (next/previous
 * unread, search), Settings… and Help → Keyboard Shortcuts send app commands to the renderer
 * (the `command` event, names in preload/commands.ts); Edit, zoom and Window are Electron roles.
 * Accelerators that are plain letters are left to the renderer (they must not fire while typing).
 */
import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions, type OpenDialogOptions } from 'electron'
import type { ImportReport, View } from '../preload/api'
import { COMMANDS, VIEW_COMMANDS, type AppCommand } from '../preload/commands'
import { importSources } from './import/import-files'
import type { ImportSource } from './import/sources'
import type { Library } from './library/index'
import { dataMenuItems } from './menu-data'

export interface MenuDeps {
  lib: Library
  /** The Folio window, if open (dialogs are modal to it). */
  window(): BrowserWindow | null
  /** Tell the renderer(s) the library changed (the libraryChanged event). */
  notifyChanged(): void
  isMac: boolean
  isDev: boolean
  /** Send an app command to the renderer (emit('command', …)); shows the window first. */
  command?(command: AppCommand): void
}

/** View menu: label, command, accelerator (CmdOrCtrl+1…6, in sidebar order). */
export const VIEW_ITEMS: { view: View; label: string }[] = [
  { view: 'unread', label: 'Unread' },
  { view: 'reading', label: 'Reading' },
  { view: 'starred', label: 'Starred' },
  { view: 'notes', label: 'With Notes' },
  { view: 'read', label: 'Read' },
  { view: 'all', label: 'All Papers' }
]

const DIGEST_FILTERS = [
  { name: 'Digests', extensions: ['txt', 'json', 'xml', 'atom', 'rss', 'bib', 'ris', 'eml'] },
  { name: 'All files', extensions: ['*'] }
]

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** The message box text for an import: counts first, then each refused file with its reason. */
export function summarizeImport(report: ImportReport): { title: string; message: string; detail: string; type: 'info' | 'warning' } {
  const imported = report.files.filter((f) => f.ok && !f.alreadyImported).length
  const already = report.files.filter((f) => f.alreadyImported).length
  const lines = [
    `${plural(report.added, 'new paper')}, ${plural(report.merged, 'paper')} already in the library.`,
    `${plural(imported, 'file')} imported${already ? `, ${plural(already, 'file')} already imported` : ''}${
      report.rejected ? `, ${plural(report.rejected, 'file')} refused` : ''
    }.`
  ]
  const refused = report.files.filter((f) => !f.ok).map((f) => `• ${f.error ?? `${f.file}: refused`}`)
  const warned = report.files
    .filter((f) => f.ok && f.warnings.length)
    .flatMap((f) => f.warnings.slice(0, 3).map((w) => `• ${f.file}: ${w}`))
  const detail = [
    ...lines,
    ...(refused.length ? ['', 'Refused:', ...refused] : []),
    ...(warned.length ? ['', 'Notes:', ...warned] : [])
  ].join('\n')
  return {
    type: report.rejected ? 'warning' : 'info',
    title: 'Import',
    message: report.files.length === 0 ? 'No files to import.' : report.rejected ? 'Import finished with problems' : 'Import finished',
    detail
  }
}

async function runImport(deps: MenuDeps, folder: boolean): Promise<void> {
  const win = deps.window()
  const options: OpenDialogOptions = folder
    ? { title: 'Import a folder of digests', properties: ['openDirectory'] }
    : { title: 'Import digests', properties: ['openFile', 'multiSelections'], filters: DIGEST_FILTERS }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  if (picked.canceled || picked.filePaths.length === 0) return
  const sources: ImportSource[] = picked.filePaths.map((path) => ({ kind: 'path', path }))
  let report: ImportReport
  try {
    report = await importSources(deps.lib, sources)
  } catch (err) {
    dialog.showErrorBox('Import failed', err instanceof Error ? err.message : String(err))
    return
  }
  if (report.files.some((f) => f.ok && !f.alreadyImported)) deps.notifyChanged()
  const summary = summarizeImport(report)
  const box = { ...summary, buttons: ['OK'] }
  if (win) await dialog.showMessageBox(win, box)
  else await dialog.showMessageBox(box)
}

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const importItem = (label: string, folder: boolean, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => {
      runImport(deps, folder).catch((err: unknown) => {
        dialog.showErrorBox('Import failed', err instanceof Error ? err.message : String(err))
      })
    }
  })
  const send = (label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => deps.command?.(command)
  })
  const settingsItem = send(deps.isMac ? 'Settings…' : '&Settings…', COMMANDS.settings, 'CmdOrCtrl+,')
  return [
    ...(deps.isMac
      ? [
          {
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              settingsItem,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' }
            ]
          } as MenuItemConstructorOptions
        ]
      : []),
    {
      label: '&File',
      submenu: [
        importItem('Import Digests…', false, 'CmdOrCtrl+O'),
        importItem('Import Folder…', true, 'CmdOrCtrl+Shift+O'),
        { type: 'separator' },
        ...dataMenuItems(deps),
        { type: 'separator' },
        ...(deps.isMac ? [] : [settingsItem, { type: 'separator' } as MenuItemConstructorOptions]),
        deps.isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        ...VIEW_ITEMS.map((v, i) => send(v.label, VIEW_COMMANDS[v.view], `CmdOrCtrl+${i + 1}`)),
        { type: 'separator' },
        send('Toggle Sidebar', COMMANDS.toggleSidebar, deps.isMac ? 'Cmd+Ctrl+S' : 'Ctrl+Shift+B'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(deps.isDev
          ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
          : [])
      ]
    },
    {
      label: '&Go',
      submenu: [
        send('Next Unread', COMMANDS.nextUnread, 'CmdOrCtrl+]'),
        send('Previous Unread', COMMANDS.previousUnread, 'CmdOrCtrl+['),
        { type: 'separator' },
        send('Search', COMMANDS.search, 'CmdOrCtrl+F')
      ]
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        send('Keyboard Shortcuts', COMMANDS.shortcuts, 'CmdOrCtrl+/'),
        ...(deps.isMac ? [] : [{ type: 'separator' } as MenuItemConstructorOptions, { label: 'About Folio', role: 'about' } as MenuItemConstructorOptions])
      ]
    }
  ]
}

export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)))
}
