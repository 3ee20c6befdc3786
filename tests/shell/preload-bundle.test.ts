/**
 * The BUILT preload (out/preload/index.cjs) evaluated as a sandboxed preload (CommonJS in a
 * vm context; `require` knows only 'electron'), wired through the electron STAND-IN's
 * ipcRenderer to the handlers the BUILT main registered, down to a real temp library on disk.
 * Electron's modules are mocked (tests/shell/electron-standin); the library and import are real.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventChannelOf, methodNames, type FolioApi, type ImportReport } from '../../src/shared/contract'
import { findMenuItem, type LoadedPreload, loadPreload, quitMain, type StandIn, startMain, until } from './harness'

const LIBRARY_CHANGED = eventChannelOf('libraryChanged')
const IMPORTED = eventChannelOf('imported')

const FIXTURES = join(__dirname, '..', 'fixtures')

describe('built preload in a sandbox, through IPC, to a temp library', () => {
  let dir: string
  let s: StandIn
  let preload: LoadedPreload
  let api: FolioApi

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-preload-'))
    s = await startMain({ FOLIO_LIBRARY: join(dir, 'library.sqlite') })
    preload = loadPreload(s)
    api = preload.api
  })
  afterAll(async () => {
    await quitMain(s)
    rmSync(dir, { recursive: true, force: true })
  })

  it("requires nothing but 'electron' (a sandboxed preload can't)", () => {
    expect(preload.required).toEqual(['electron'])
  })

  it("exposes exactly one key, 'api': the contract's methods + on(event), all functions", () => {
    expect(Object.keys(preload.world)).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual([...methodNames, 'on', 'pathForFile'].sort())
    for (const fn of Object.values(api)) expect(fn).toBeTypeOf('function')
    expect(Object.isFrozen(api)).toBe(true)
    // nothing that looks like Electron or IPC leaks onto the page
    const leaked = JSON.stringify(Object.keys(api))
    expect(leaked).not.toMatch(/ipc|invoke|send|electron|require/i)
  })

  it('File → Import Digests… imports as the app does; the window gets the report (payload only, no IPC event)', async () => {
    await api.rendererReady({}) // the window is listening, as the renderer says on start
    const changes: unknown[][] = []
    const reports: ImportReport[] = []
    const offChanged = api.on('libraryChanged', (...args: unknown[]) => changes.push(args))
    const offImported = api.on('imported', (report: ImportReport) => reports.push(report))
    expect(() => api.on('ipc-anything' as 'libraryChanged', () => {})).toThrow(/Unknown event/)
    s.state.openDialogAnswers.push({
      canceled: false,
      filePaths: [join(FIXTURES, 'hf-trending-jun6.txt'), join(FIXTURES, 'bad', 'not-a-digest.txt')]
    })
    findMenuItem(s.state.menu!.template, 'Import Digests…')!.click!()
    await until(() => reports.length > 0, 'the import report', 15_000)
    expect(s.state.openDialogs[0]).toMatchObject({
      properties: expect.arrayContaining(['openFile', 'multiSelections'])
    })
    const [report] = reports
    expect(report).toMatchObject({ added: 61, rejected: 1 })
    expect(report!.files.find((f) => !f.ok)!.error).toMatch(/not-a-digest\.txt: .+/)
    expect(s.state.messageBoxes).toEqual([]) // the report is shown in the window, not in a box
    // the renderer heard about it, and its listeners got the payload only (no IpcRendererEvent)
    expect(s.state.windows[0]!.webContents.sent.map((m) => m.channel)).toEqual(
      expect.arrayContaining([LIBRARY_CHANGED, IMPORTED])
    )
    expect(changes).toEqual([[{}]])
    offChanged()
    offImported()
    expect(s.state.rendererListeners.get(LIBRARY_CHANGED)).toEqual([])
  })

  it('window.api.counts() and feedPage({}) return the real data', async () => {
    const counts = await api.counts({})
    expect(counts.views.all).toBe(61)
    expect(counts.views.unread).toBe(61)
    expect(counts.digests).toHaveLength(1)
    const page = await api.feedPage({})
    expect(page.items).toHaveLength(61)
    expect(page.items[0]!.title).toBeTypeOf('string')
    expect(page.nextCursor).toBeNull()
  })

  it('window.api.saveNote writes to the library file on disk', async () => {
    const { items } = await api.feedPage({ limit: 1 })
    const paperId = items[0]!.id
    const saved = await api.saveNote({ paperId, body: '# Read this\nIt matters.' })
    expect(saved).toMatchObject({ paperId, body: '# Read this\nIt matters.' })
    expect((await api.getNote({ paperId })).body).toBe('# Read this\nIt matters.')
    const db = new Database(join(dir, 'library.sqlite'), { readonly: true })
    try {
      const row = db.prepare('SELECT body FROM notes WHERE paper_id = ?').get(paperId) as { body: string } | undefined
      expect(row?.body).toBe('# Read this\nIt matters.')
    } finally {
      db.close()
    }
  })

  it('invalid input and refused URLs come back as errors (FolioError), not crashes', async () => {
    await expect(api.getPaper({ id: -1 })).rejects.toMatchObject({ name: 'FolioError', code: 'invalid-input' })
    await expect(api.openExternal({ url: 'javascript:alert(1)' })).rejects.toMatchObject({ code: 'bad-url' })
    expect(s.state.opened).toEqual([])
    expect(await api.openExternal({ url: 'https://arxiv.org/abs/2406.00001' })).toEqual({ opened: true })
    expect(s.state.opened).toEqual(['https://arxiv.org/abs/2406.00001'])
  })

  it('the same calls from a foreign frame are refused by main', async () => {
    s.state.senderFrame = { url: 'https://evil.example/', parent: null }
    try {
      await expect(api.counts({})).rejects.toMatchObject({ code: 'forbidden' })
      await expect(api.saveNote({ paperId: 1, body: 'pwned' })).rejects.toMatchObject({ code: 'forbidden' })
    } finally {
      s.state.senderFrame = { url: 'folio://app/index.html', parent: null }
    }
    const { items } = await api.feedPage({ limit: 1 })
    expect((await api.getNote({ paperId: items[0]!.id })).body).not.toBe('pwned')
  })
})
