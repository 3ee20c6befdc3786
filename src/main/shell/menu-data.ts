/**
 * File menu items for the library's data: Export Notes…, Export Reading List…, Backup…, Restore….
 * Electron's dialogs choose the path; the work is a contract call (deps.call), served by the same
 * dispatcher as the window's calls: backup, restore and notes export run in a worker thread on
 * their own connection, the badge and the window hear of a restore, and the browser version
 * offers the same methods (as downloads and an upload).
 */
import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { dialog, type MenuItemConstructorOptions, type MessageBoxOptions } from 'electron'
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract'
import type { MenuDeps } from './menu'

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
const today = (): string => new Date().toISOString().slice(0, 10)

async function inform(deps: MenuDeps, box: MessageBoxOptions): Promise<void> {
  const win = deps.window()
  if (win) await dialog.showMessageBox(win, box)
  else await dialog.showMessageBox(box)
}

async function exportNotesTo(deps: MenuDeps): Promise<void> {
  const win = deps.window()
  const options = {
    title: 'Export notes to a folder (one Markdown file per paper)',
    properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[]
  }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const dir = picked.filePaths[0]
  if (picked.canceled || !dir) return
  const r = await deps.call('exportNotesToPath', { dir })
  await inform(deps, {
    type: 'info',
    title: 'Export Notes',
    message: `Exported ${plural(r.written, 'note')}`,
    detail: r.dir,
    buttons: ['OK']
  })
}

async function exportListTo(deps: MenuDeps): Promise<void> {
  const win = deps.window()
  const options = {
    title: 'Export the reading list',
    defaultPath: 'Folio reading list.md',
    filters: [
      { name: 'Markdown', extensions: ['md'] },
      { name: 'BibTeX', extensions: ['bib'] },
      { name: 'CSV', extensions: ['csv'] },
      { name: 'JSON', extensions: ['json'] }
    ]
  }
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (picked.canceled || !picked.filePath) return
  const ext = extname(picked.filePath).slice(1).toLowerCase()
  const format: ExportFormat = (EXPORT_FORMATS as readonly string[]).includes(ext) ? (ext as ExportFormat) : 'md'
  const file = await deps.call('exportReadingList', { format })
  writeFileSync(picked.filePath, file.text)
  await inform(deps, {
    type: 'info',
    title: 'Export Reading List',
    message: `Exported ${plural(file.papers, 'paper')}`,
    detail: picked.filePath,
    buttons: ['OK']
  })
}

async function backupTo(deps: MenuDeps): Promise<void> {
  const win = deps.window()
  const options = {
    title: 'Back up the library',
    defaultPath: `Folio backup ${today()}.jsonl`,
    filters: [
      { name: 'Folio backup (JSON Lines)', extensions: ['jsonl'] },
      { name: 'SQLite copy of the library', extensions: ['sqlite'] }
    ]
  }
  const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
  if (picked.canceled || !picked.filePath) return
  const r = await deps.call('backupToPath', { path: picked.filePath })
  const what = `${plural(r.papers, 'paper')}, ${plural(r.digests, 'digest')} and ${plural(r.tags, 'tag')}`
  await inform(deps, {
    type: 'info',
    title: 'Backup',
    message: r.kind === 'sqlite' ? `Copied the library (${what})` : `Backed up ${what}`,
    detail: picked.filePath,
    buttons: ['OK']
  })
}

async function restoreFrom(deps: MenuDeps): Promise<void> {
  const win = deps.window()
  const options = {
    title: 'Restore a Folio backup into this (empty) library',
    properties: ['openFile'] as 'openFile'[],
    filters: [
      { name: 'Folio backup', extensions: ['jsonl', 'json'] },
      { name: 'All files', extensions: ['*'] }
    ]
  }
  const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  const file = picked.filePaths[0]
  if (picked.canceled || !file) return
  const r = await deps.call('restoreFromPath', { path: file })
  await inform(deps, {
    type: 'info',
    title: 'Restore',
    message: `Restored ${plural(r.papers, 'paper')}, ${plural(r.digests, 'digest')}, ${plural(r.tags, 'tag')} and ${plural(r.notes, 'note')}`,
    detail: file,
    buttons: ['OK']
  })
}

export function dataMenuItems(deps: MenuDeps): MenuItemConstructorOptions[] {
  const item = (label: string, title: string, run: (deps: MenuDeps) => Promise<void>): MenuItemConstructorOptions => ({
    label,
    click: () => {
      run(deps).catch((err: unknown) =>
        dialog.showErrorBox(`${title} failed`, err instanceof Error ? err.message : String(err))
      )
    }
  })
  return [
    item('Export Notes…', 'Export Notes', exportNotesTo),
    item('Export Reading List…', 'Export Reading List', exportListTo),
    { type: 'separator' },
    item('Backup…', 'Backup', backupTo),
    item('Restore…', 'Restore', restoreFrom)
  ]
}
