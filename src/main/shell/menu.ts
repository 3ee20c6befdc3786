/**
 * The application menu. File → Import Digests… / Import Folder… hand the chosen paths to the
 * app's import (the same importSources the CLI uses, in a worker thread, with progress in the
 * window); the window then shows the import report, every refused file with its reason. View (the
 * smart views, sidebar), Go (next/previous unread, search), Settings… and Help → Keyboard Shortcuts
 * send app commands to the renderer (the `command` event, names in preload/commands.ts); Edit, zoom
 * and Window are Electron roles.
 * Accelerators that are plain letters are left to the renderer (they must not fire while typing).
 */
import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions, type OpenDialogOptions } from 'electron'
import { VIEW_LABELS, type InputOf, type MethodName, type OutputOf, type View } from '../../shared/contract'
import { COMMANDS, VIEW_COMMANDS, type AppCommand } from '../../shared/commands'
import { dataMenuItems } from './menu-data'
import { DIGEST_EXTENSIONS } from './digest-types'

export interface MenuDeps {
  /** The Folio window, if open (dialogs are modal to it). */
  window(): BrowserWindow | null
  /** A contract call, served by the window's dispatcher; rejects with the reply's error message. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>
  /** Import these files and folders as the app does (worker, progress, the report in the window). */
  importPaths(paths: string[]): void
  isMac: boolean
  isDev: boolean
  /** Send an app command to the renderer (emit('command', …)); shows the window first. */
  command?(command: AppCommand): void
}

/** View menu: the views in sidebar order, their labels in title case as menus have them (CmdOrCtrl+1…6). */
export const VIEW_ITEMS: { view: View; label: string }[] = (Object.keys(VIEW_LABELS) as View[]).map((view) => ({
  view,
  label: VIEW_LABELS[view].replace(/\b\w/g, (c) => c.toUpperCase())
}))

const DIGEST_FILTERS = [
  { name: 'Digests', extensions: [...DIGEST_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] }
]

async function pickAndImport(deps: MenuDeps, folder: boolean): Promise<void> {
  const win = deps.window()
  const options: OpenDialogOptions = folder
    ? { title: 'Import a folder of digests', properties: ['openDirectory'] }
    : { title: 'Import digests', properties: ['openFile', 'multiSelections'], filters: DIGEST_FILTERS }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  if (picked.canceled || picked.filePaths.length === 0) return
  deps.importPaths(picked.filePaths)
}

export function menuTemplate(deps: MenuDeps): MenuItemConstructorOptions[] {
  const importItem = (label: string, folder: boolean, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => {
      pickAndImport(deps, folder).catch((err: unknown) => {
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
          ? ([
              { type: 'separator' },
              { role: 'reload' },
              { role: 'forceReload' },
              { role: 'toggleDevTools' }
            ] as MenuItemConstructorOptions[])
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
        ...(deps.isMac
          ? []
          : [
              { type: 'separator' } as MenuItemConstructorOptions,
              { label: 'About Folio', role: 'about' } as MenuItemConstructorOptions
            ])
      ]
    }
  ]
}

export function installMenu(deps: MenuDeps): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(deps)))
}
