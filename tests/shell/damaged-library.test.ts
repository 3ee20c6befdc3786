/**
 * The BUILT main process (electron STAND-IN) on a damaged, newer or read-only library: a damaged
 * file is moved aside, the user is told where it went (a dialog) and offered the newest backup,
 * and the app still starts; a newer or unwritable library is refused with an error box, untouched.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelOf } from '../../src/shared/contract'
import { openLibrary } from '../../src/main/library/index'
import { saveNote } from '../../src/main/library/notes'
import { RESTORE, START_EMPTY } from '../../src/main/shell/recovery-dialog'
import { CHECK_LIBRARY_FLAG, RESTART } from '../../src/main/shell/background-check'
import { isSealed } from '../../src/main/library/check-seal'
import { FULL_CHECK_DELAY_MS } from '../../src/main/library/check-later'
import { garblePage } from '../helpers/damage'
import { populateLibraryQuickly } from '../helpers/generate'
import { invokeAs, quitMain, type StandIn, startMain, until } from './harness'

const APP = { url: 'folio://app/index.html', parent: null }

function backupWithNote(file: string, body: string): void {
  const lib = openLibrary(file)
  lib.db.exec(
    "INSERT INTO papers (id, title_key, title, first_seen, digest_date) VALUES (1, 'p', 'P', '2026-01-01T00:00:00Z', '2026-01-01'); INSERT INTO paper_abstracts (paper_id) VALUES (1)"
  )
  saveNote(lib.db, 1, body)
  lib.db.pragma('wal_checkpoint(TRUNCATE)')
  lib.close()
}

describe('built main process: a damaged library', () => {
  let dir: string
  let file: string
  let s: StandIn | undefined
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-shell-damaged-'))
    file = join(dir, 'library.sqlite')
    writeFileSync(file, 'this file was a library once '.repeat(200))
  })
  afterEach(async () => {
    if (s) await quitMain(s)
    s = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('is moved aside; a dialog says where; the app starts on a fresh library', async () => {
    const damaged = readFileSync(file)
    s = await startMain({ FOLIO_LIBRARY: file })
    expect(s.state.errorBoxes).toEqual([])
    expect(s.state.quitCalls).toEqual([])
    expect(s.state.windows).toHaveLength(1)
    const box = s.state.messageBoxes[0]!
    expect(box.type).toBe('warning')
    expect(box.buttons).toEqual(['OK']) // no backup to offer
    const aside = readdirSync(dir).find((n) => /^library\.damaged-.*\.sqlite$/.test(n))!
    expect(aside).toBeDefined()
    expect(box.detail).toContain(join(dir, aside))
    expect(box.detail).toMatch(/No automatic backup was found/)
    expect(readFileSync(join(dir, aside))).toEqual(damaged) // kept, byte for byte
    expect(await invokeAs(s, channelOf('counts'), APP, {})).toMatchObject({ ok: true, value: { views: { all: 0 } } })
  })

  it('offers the newest backup; choosing it restores it', async () => {
    mkdirSync(join(dir, 'backups'))
    backupWithNote(join(dir, 'backups', 'library-1.sqlite'), 'from the backup')
    s = await startMain({ FOLIO_LIBRARY: file }, [], (state) => state.messageBoxAnswers.push(0))
    const box = s.state.messageBoxes[0]!
    expect(box.buttons).toEqual([RESTORE, START_EMPTY])
    expect(box.detail).toContain(join(dir, 'backups', 'library-1.sqlite'))
    expect(s.state.windows).toHaveLength(1)
    expect(await invokeAs(s, channelOf('getNote'), APP, { paperId: 1 })).toMatchObject({
      ok: true,
      value: { body: 'from the backup' }
    })
  })

  it('declining the backup keeps the fresh, empty library', async () => {
    mkdirSync(join(dir, 'backups'))
    backupWithNote(join(dir, 'backups', 'library-1.sqlite'), 'from the backup')
    s = await startMain({ FOLIO_LIBRARY: file }, [], (state) => state.messageBoxAnswers.push(1))
    expect(s.state.windows).toHaveLength(1)
    expect(await invokeAs(s, channelOf('counts'), APP, {})).toMatchObject({ ok: true, value: { views: { all: 0 } } })
  })
})

describe('built main process: the full check after the window is up', () => {
  let dir: string
  let file: string
  let s: StandIn | undefined
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'folio-shell-later-'))
    file = join(dir, 'library.sqlite')
    const lib = openLibrary(file)
    await populateLibraryQuickly(lib, { papers: 2_000, digests: 5 })
    lib.close()
  })
  afterEach(async () => {
    if (s) await quitMain(s)
    s = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('damage only the full check finds: the window opens first, then the user is told and Folio restarts to set it aside', async () => {
    garblePage(file, 40) // a data page: the light check (open, read the schema) passes
    const damaged = readFileSync(file)
    s = await startMain({ FOLIO_LIBRARY: file })
    expect(s.state.windows).toHaveLength(1) // not waiting for the full check
    expect(s.state.messageBoxes).toEqual([])
    await until(() => s!.state.quitCalls.includes('relaunch'), 'the full check to find the damage', 20_000)
    expect(s.state.messageBoxes[0]).toMatchObject({ message: "Folio's library is damaged", buttons: [RESTART] })
    expect(s.state.messageBoxes[0]!.detail).toMatch(/integrity check failed|malformed/)
    const args = s.state.relaunchArgs[0]!
    expect(args).toContain(CHECK_LIBRARY_FLAG)
    await quitMain(s)
    // The relaunch: the full check before opening, then what any damaged library at start gets.
    s = await startMain({ FOLIO_LIBRARY: file }, args.slice(1))
    expect(s.state.messageBoxes[0]).toMatchObject({ message: "Folio's library was damaged and has been set aside" })
    const aside = readdirSync(dir).find((n) => /^library\.damaged-.*\.sqlite$/.test(n))!
    // Kept, whole (not byte for byte: the app ran on it until the check found the damage).
    const kept = readFileSync(join(dir, aside))
    expect(kept.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0')
    expect(kept.length).toBeGreaterThanOrEqual(damaged.length)
    expect(await invokeAs(s, channelOf('counts'), APP, {})).toMatchObject({ ok: true, value: { views: { all: 0 } } })
  }, 30_000)

  it('a healthy library: nothing said; once checked, closing it seals it for the command line', async () => {
    s = await startMain({ FOLIO_LIBRARY: file })
    expect(isSealed(file)).toBe(false)
    await new Promise((r) => setTimeout(r, FULL_CHECK_DELAY_MS + 2_000))
    expect(s.state.messageBoxes).toEqual([])
    expect(s.state.quitCalls).toEqual([])
    await quitMain(s)
    s = undefined
    expect(isSealed(file)).toBe(true)
  }, 30_000)
})

describe('built main process: libraries it must not touch', () => {
  it('a newer library: error box, quit, the file byte for byte as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-shell-newer-'))
    try {
      const file = join(dir, 'library.sqlite')
      const db = new Database(file)
      db.exec('CREATE TABLE t (x)')
      db.pragma('user_version = 999')
      db.close()
      const before = createHash('sha256').update(readFileSync(file)).digest('hex')
      const s = await startMain({ FOLIO_LIBRARY: file })
      expect(s.state.errorBoxes[0]!.content).toMatch(/newer version of Folio/)
      expect(s.state.windows).toHaveLength(0)
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
      expect(readdirSync(dir).filter((n) => n.includes('damaged'))).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
