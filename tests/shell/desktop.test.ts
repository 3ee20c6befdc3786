/**
 * The desktop side of the BUILT main process, against the electron STAND-IN (Electron's modules
 * are mocked; library, settings, import are real): the menu's commands, files handed to the app
 * (command line, second start), importPaths, settings (theme → nativeTheme + background, watch
 * folder and library location through the OS dialogs), the badge, the window state kept across
 * starts, and closing only after the renderer saved its note.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelOf, eventChannelOf, type ImportReport } from '../../src/shared/contract'
import type { SettingsInfo } from '../../src/shared/settings'
import { COMMANDS } from '../../src/shared/commands'
import { findMenuItem, invokeAs, type MenuItem, quitMain, type StandIn, startMain, until } from './harness'

const APP = { url: 'folio://app/index.html', parent: null }
const FIXTURES = join(__dirname, '..', 'fixtures')
const HF = join(FIXTURES, 'hf-trending-jun6.txt')

const call = async <T>(s: StandIn, method: string, input: unknown = {}): Promise<T> => {
  const reply = await invokeAs(s, channelOf(method as 'counts'), APP, input)
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`)
  return reply.value as T
}
const sentOn = (s: StandIn, event: 'command' | 'imported' | 'libraryChanged'): unknown[] =>
  s.state.windows[0]!.webContents.sent.filter((m) => m.channel === eventChannelOf(event)).map((m) => m.args[0])

function allItems(items: MenuItem[]): MenuItem[] {
  return items.flatMap((i) => [i, ...(i.submenu ? allItems(i.submenu) : [])])
}

/**
 * Until the digest on the command line is in the library and its import has ended (the import runs
 * in the worker; its report is made, with a libraryChanged event, once the worker has exited).
 */
async function commandLineImported(s: StandIn): Promise<void> {
  await until(() => sentOn(s, 'libraryChanged').length > 0, 'the command-line import to end', 15_000)
  expect((await call<{ views: { all: number } }>(s, 'counts')).views.all).toBe(61)
}

// Each test starts its own main process on its own library and userData: none depends on another.
describe('desktop: menus, opened files, settings, badge, closing (built main, stand-in)', () => {
  let dir: string
  let configHome: string
  let s: StandIn

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-desktop-'))
    configHome = join(dir, 'config')
    // A digest on the start's command line (after the app folder, as with `electron . file`).
    s = await startMain({ FOLIO_LIBRARY: join(dir, 'library.sqlite'), XDG_CONFIG_HOME: configHome }, [HF])
  })
  afterEach(async () => {
    await quitMain(s)
    rmSync(dir, { recursive: true, force: true })
  })

  it('imports a digest named on the command line; the report waits until the renderer listens', async () => {
    await until(() => s.state.windows.length > 0, 'the window')
    await commandLineImported(s)
    const ready = await call<{ importReports: ImportReport[] }>(s, 'rendererReady')
    expect(ready.importReports).toHaveLength(1)
    expect(ready.importReports[0]).toMatchObject({ added: 61, rejected: 0 })
    expect(sentOn(s, 'imported')).toEqual([]) // nobody was listening: queued, not sent
  })

  it('a second start hands over its files: imported here, the report sent to the listening renderer', async () => {
    await commandLineImported(s)
    await call(s, 'rendererReady')
    const other = join(dir, 'second.txt')
    writeFileSync(other, 'not a digest at all\n')
    s.app.emit(
      'second-instance',
      s.fakeEvent(),
      ['/usr/bin/folio', '--library', '/elsewhere.sqlite', other, '--flag'],
      dir
    )
    // Only the hand-over's report is wanted (the command line's came before rendererReady).
    const handedOver = () =>
      (sentOn(s, 'imported') as ImportReport[]).find((r) => r.files.some((f) => f.file.endsWith('second.txt')))
    await until(() => handedOver() !== undefined, 'the imported event', 15_000)
    const report = handedOver()!
    expect(report.rejected).toBe(1)
    expect(report.files[0]!.error).toMatch(/second\.txt/)
  })

  it('importPaths imports folders by path (dropped folders)', async () => {
    await commandLineImported(s)
    const folder = join(dir, 'drop')
    mkdirSync(folder)
    writeFileSync(join(folder, 'a.txt'), readFileSync(HF))
    const report = await call<ImportReport>(s, 'importPaths', { paths: [folder] })
    expect(report.files).toHaveLength(1)
    expect(report.files[0]).toMatchObject({ ok: true, alreadyImported: true })
  })

  it('quitting during the command-line import stops it and closes every connection before the quit goes on', async () => {
    const file = join(dir, 'library.sqlite')
    await quitMain(s) // at once: the import of the digest on the command line is still in its worker
    expect(existsSync(`${file}-wal`)).toBe(false) // the last connection closed: no worker holds the file
    const db = new Database(file, { readonly: true })
    try {
      // Cancelled (rolled back, nothing) or finished first (all 61): never half an import.
      expect([0, 61]).toContain(db.prepare('SELECT count(*) FROM papers').pluck().get())
    } finally {
      db.close()
    }
  })

  it('the menu: views, sidebar, Go, Settings, shortcuts send app commands; accelerators are unique', () => {
    const template = s.state.menu!.template
    const labels = template.map((m) => m.label ?? m.role)
    expect(labels).toEqual(expect.arrayContaining(['&File', 'editMenu', '&View', '&Go', 'windowMenu', 'help']))
    const expected: [string, string][] = [
      ['Unread', COMMANDS.unread],
      ['Starred', COMMANDS.starred],
      ['All', COMMANDS.all],
      ['Toggle Sidebar', COMMANDS.toggleSidebar],
      ['Next Unread', COMMANDS.nextUnread],
      ['Previous Unread', COMMANDS.previousUnread],
      ['&Settings…', COMMANDS.settings],
      ['Keyboard Shortcuts', COMMANDS.shortcuts]
    ]
    const before = sentOn(s, 'command').length
    for (const [label] of expected) findMenuItem(template, label)!.click!()
    expect(sentOn(s, 'command').slice(before)).toEqual(expected.map(([, command]) => ({ command })))
    expect(findMenuItem(template, 'Unread')!.accelerator).toBe('CmdOrCtrl+1')
    const accelerators = allItems(template).flatMap((i) => (i.accelerator ? [i.accelerator] : []))
    expect(new Set(accelerators).size).toBe(accelerators.length)
    // no bare-letter accelerators: those belong to the renderer (and must not fire while typing)
    for (const a of accelerators) expect(a, a).toMatch(/(CmdOrCtrl|Ctrl|Cmd|Alt)\+/)
    const view = template
      .find((m) => m.label === '&View')!
      .submenu!.map((i) => i.role)
      .filter(Boolean)
    expect(view).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']))
    expect(allItems(template).some((i) => i.role === 'about')).toBe(true)
  })

  it('settings: theme follows nativeTheme and the window background; persisted in userData', async () => {
    const info = await call<SettingsInfo>(s, 'getSettings')
    expect(info).toMatchObject({
      libraryPath: join(dir, 'library.sqlite'),
      libraryOverride: join(dir, 'library.sqlite'),
      canPickLocations: true
    })
    expect(info.settingsPath).toBe(join(configHome, 'Folio', 'settings.json'))
    const win = s.state.windows[0]!
    expect(s.nativeTheme.themeSource).toBe('system')
    await call(s, 'setSettings', { theme: 'dark' })
    expect(s.nativeTheme.themeSource).toBe('dark')
    expect(win.options.backgroundColor).toBe('#1b1d21')
    await call(s, 'setSettings', { theme: 'light' })
    expect(win.options.backgroundColor).toBe('#ffffff')
    expect(JSON.parse(readFileSync(info.settingsPath, 'utf8'))).toMatchObject({ theme: 'light' })
  })

  it('watch folder and library location go through the OS dialogs', async () => {
    await call(s, 'rendererReady') // reports are sent to a listening renderer (else queued)
    const watched = join(dir, 'watched')
    mkdirSync(watched)
    s.state.openDialogAnswers.push({ canceled: false, filePaths: [watched] })
    const picked = await call<{ changed: boolean; settings: { watchFolder: string } }>(s, 'pickLocation', {
      purpose: 'watchFolder'
    })
    expect(picked).toMatchObject({ changed: true, settings: { watchFolder: watched } })
    expect(s.state.openDialogs.at(-1)).toMatchObject({ properties: expect.arrayContaining(['openDirectory']) })
    // the watcher runs: a digest saved there is imported and reported
    const seen = sentOn(s, 'imported').length
    writeFileSync(join(watched, 'copy.txt'), readFileSync(HF).toString().replace('MaxMin-RLHF', 'MaxMin RLHF two'))
    await until(() => sentOn(s, 'imported').length > seen, 'the watched folder import', 20_000)
    await call(s, 'setSettings', { watchFolder: null })

    // Move: a consistent copy; started with FOLIO_LIBRARY, so no restart (the override wins), said so
    const target = join(dir, 'moved', 'library.sqlite')
    mkdirSync(join(dir, 'moved'))
    s.state.saveDialogAnswers.push({ canceled: false, filePath: target })
    const moved = await call<{ changed: boolean; restarting: boolean }>(s, 'pickLocation', { purpose: 'moveLibrary' })
    expect(moved).toEqual(expect.objectContaining({ changed: true, restarting: false }))
    expect(existsSync(target)).toBe(true)
    expect(s.state.messageBoxes.at(-1)!.detail).toMatch(/FOLIO_LIBRARY/)
    expect(s.state.quitCalls).not.toContain('relaunch')
  })

  it('the unread count is on the badge, updated after changes', async () => {
    await commandLineImported(s)
    await until(() => s.state.badgeCounts.length > 0, 'a badge count')
    const unread = (await call<{ views: { unread: number } }>(s, 'counts')).views.unread
    await until(() => s.state.badgeCounts.at(-1) === unread, 'the badge to show the unread count')
    const page = await call<{ items: { id: number }[] }>(s, 'feedPage', { view: 'unread', limit: 2 })
    await call(s, 'setStatus', { ids: page.items.map((p) => p.id), status: 'read' })
    await until(() => s.state.badgeCounts.at(-1) === unread - 2, 'the badge to drop by 2')
  })

  it('closing: held until the renderer saved its note (flush → notesFlushed), then closed; state saved', async () => {
    await call(s, 'rendererReady') // closing waits only for a renderer that listens (and can save)
    const win = s.state.windows[0]!
    win.setBounds({ x: 100, y: 80, width: 1000, height: 700 })
    const before = sentOn(s, 'command').length
    win.close()
    expect(win.closed).toBeFalsy()
    expect(sentOn(s, 'command').slice(before)).toEqual([{ command: COMMANDS.flush }])
    win.close() // a second click waits too, without asking again
    expect(sentOn(s, 'command').slice(before)).toHaveLength(1)
    await call(s, 'notesFlushed')
    expect(win.closed).toBe(true)
    const saved = JSON.parse(readFileSync(join(configHome, 'Folio', 'window-state.json'), 'utf8'))
    expect(saved).toMatchObject({ x: 100, y: 80, width: 1000, height: 700, maximized: false })
  })
})

describe('desktop: the next start', () => {
  it('restores the window where it was, dark background for the dark theme; off-screen positions are centred', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-desktop2-'))
    try {
      const folio = join(dir, 'Folio')
      mkdirSync(folio)
      writeFileSync(
        join(folio, 'window-state.json'),
        JSON.stringify({ x: 100, y: 80, width: 1000, height: 700, maximized: true })
      )
      writeFileSync(join(folio, 'settings.json'), JSON.stringify({ theme: 'dark' }))
      let s = await startMain({ FOLIO_LIBRARY: join(dir, 'library.sqlite'), XDG_CONFIG_HOME: dir })
      let win = s.state.windows[0]!
      expect(win.options).toMatchObject({
        x: 100,
        y: 80,
        width: 1000,
        height: 700,
        show: false,
        backgroundColor: '#1b1d21'
      })
      expect(win.maximized).toBe(true)
      await quitMain(s)

      writeFileSync(join(folio, 'window-state.json'), JSON.stringify({ x: 5000, y: 80, width: 9000, height: 700 }))
      s = await startMain({ FOLIO_LIBRARY: join(dir, 'library.sqlite'), XDG_CONFIG_HOME: dir })
      win = s.state.windows[0]!
      expect(win.options.x).toBeUndefined()
      expect(win.options.width).toBe(1920)
      await quitMain(s)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the library setting is used when neither --library nor FOLIO_LIBRARY is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-desktop3-'))
    try {
      mkdirSync(join(dir, 'Folio'))
      const chosen = join(dir, 'chosen.sqlite')
      writeFileSync(join(dir, 'Folio', 'settings.json'), JSON.stringify({ libraryPath: chosen }))
      const s = await startMain({ FOLIO_LIBRARY: undefined, XDG_CONFIG_HOME: dir })
      expect(s.state.errorBoxes).toEqual([])
      expect(existsSync(chosen)).toBe(true)
      const info = (await invokeAs(s, channelOf('getSettings'), APP, {})) as { ok: true; value: SettingsInfo }
      expect(info.value).toMatchObject({ libraryPath: chosen, libraryOverride: null })
      await quitMain(s)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
