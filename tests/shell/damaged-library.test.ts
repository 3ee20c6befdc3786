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
import { invokeAs, quitMain, type StandIn, startMain } from './harness'

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
