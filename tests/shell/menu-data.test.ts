/**
 * File → Backup…, Restore…, Export Notes… and Export Reading List… of the BUILT main process,
 * against the electron STAND-IN (Electron's dialogs and menu are mocked; library, dispatcher and
 * the job worker are real). The OS dialog chooses the path; the work is the contract call the
 * window and the browser version make, run in a worker thread: main answers the window while it
 * runs, and a restore tells the window and the badge.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelOf, eventChannelOf, type Counts } from '../../src/shared/contract'
import { findMenuItem, invokeAs, quitMain, type StandIn, startMain, until } from './harness'

const APP = { url: 'folio://app/index.html', parent: null }
const HF = join(__dirname, '..', 'fixtures', 'hf-trending-jun6.txt')

const countsOf = async (s: StandIn): Promise<Counts> => {
  const reply = await invokeAs(s, channelOf('counts'), APP, {})
  if (!reply.ok) throw new Error(reply.error.message)
  return reply.value as Counts
}
const click = (s: StandIn, label: string): void => findMenuItem(s.state.menu!.template, label)!.click!()
const quit = (s: StandIn): Promise<void> => quitMain(s)

describe('File menu: backup, restore, export (built main, stand-in)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-menu-data-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** A started main whose library holds the 61-paper digest (imported from its command line). */
  async function withPapers(library: string): Promise<StandIn> {
    const s = await startMain({ FOLIO_LIBRARY: library }, [HF])
    const end = Date.now() + 15_000
    while ((await countsOf(s)).views.all !== 61) {
      if (Date.now() > end) throw new Error('the command-line import did not finish')
      await new Promise((r) => setTimeout(r, 20))
    }
    return s
  }

  it('Backup… runs off the main thread: the window is answered while it runs; then the file and a report', async () => {
    const s = await withPapers(join(dir, 'library.sqlite'))
    try {
      const file = join(dir, 'backup.jsonl')
      s.state.saveDialogAnswers.push({ canceled: false, filePath: file })
      click(s, 'Backup…')
      await until(() => s.state.saveDialogs.length === 1, 'the save dialog')
      // The backup is in its worker: main answers the window meanwhile, the report is not out yet.
      expect((await countsOf(s)).views.all).toBe(61)
      expect(s.state.messageBoxes.filter((b) => b.title === 'Backup')).toEqual([])
      await until(() => s.state.messageBoxes.some((b) => b.title === 'Backup'), 'the backup report', 15_000)
      expect(s.state.messageBoxes.at(-1)).toMatchObject({ message: 'Backed up 61 papers, 1 digest and 0 tags' })
      expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^\{"type":"folio-backup"/)
      expect(s.state.errorBoxes).toEqual([])
    } finally {
      await quit(s)
    }
  })

  it('Restore… fills an empty library and tells the window; into a full one it is refused with nothing changed', async () => {
    const full = await withPapers(join(dir, 'full.sqlite'))
    const backup = join(dir, 'backup.jsonl')
    try {
      full.state.saveDialogAnswers.push({ canceled: false, filePath: backup })
      click(full, 'Backup…')
      await until(() => existsSync(backup), 'the backup file', 15_000)
      // Restoring into the library it came from: refused, its papers untouched.
      full.state.openDialogAnswers.push({ canceled: false, filePaths: [backup] })
      click(full, 'Restore…')
      await until(() => full.state.errorBoxes.length > 0, 'the refusal', 15_000)
      expect(full.state.errorBoxes[0]).toMatchObject({ title: 'Restore failed' })
      expect(full.state.errorBoxes[0]!.content).toMatch(/only fills an empty library.*Nothing was changed/)
      expect((await countsOf(full)).views.all).toBe(61)
    } finally {
      await quit(full)
    }

    const s = await startMain({ FOLIO_LIBRARY: join(dir, 'empty.sqlite') })
    try {
      const win = s.state.windows[0]!
      s.state.openDialogAnswers.push({ canceled: false, filePaths: [backup] })
      click(s, 'Restore…')
      await until(() => s.state.messageBoxes.some((b) => b.title === 'Restore'), 'the restore report', 15_000)
      expect(s.state.messageBoxes.at(-1)).toMatchObject({
        message: expect.stringMatching(/^Restored 61 papers, 1 digest/)
      })
      expect(win.webContents.sent.map((m) => m.channel)).toContain(eventChannelOf('libraryChanged'))
      expect((await countsOf(s)).views.all).toBe(61)
      await until(() => s.state.badgeCounts.at(-1) === 61, 'the badge to count the restored unread papers')
    } finally {
      await quit(s)
    }
  })

  it('Export Notes… writes one Markdown file per note into the chosen folder', async () => {
    const s = await withPapers(join(dir, 'library.sqlite'))
    try {
      const saved = await invokeAs(s, channelOf('saveNote'), APP, { paperId: 1, body: 'Read §3 first.' })
      expect(saved.ok).toBe(true)
      const vault = join(dir, 'vault')
      s.state.openDialogAnswers.push({ canceled: false, filePaths: [vault] })
      click(s, 'Export Notes…')
      await until(() => s.state.messageBoxes.some((b) => b.title === 'Export Notes'), 'the export report', 15_000)
      expect(s.state.messageBoxes.at(-1)).toMatchObject({ message: 'Exported 1 note', detail: vault })
      const files = readdirSync(vault)
      expect(files).toHaveLength(1)
      expect(readFileSync(join(vault, files[0]!), 'utf8')).toMatch(
        /^---\n[\s\S]*folio-id: 1\n[\s\S]*---\nRead §3 first\.$/
      )
    } finally {
      await quit(s)
    }
  })

  it('Export Reading List… writes the chosen format', async () => {
    const s = await withPapers(join(dir, 'library.sqlite'))
    try {
      const file = join(dir, 'list.csv')
      s.state.saveDialogAnswers.push({ canceled: false, filePath: file })
      click(s, 'Export Reading List…')
      await until(() => s.state.messageBoxes.some((b) => b.title === 'Export Reading List'), 'the report', 15_000)
      expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(62) // header + 61 papers
    } finally {
      await quit(s)
    }
  })
})
