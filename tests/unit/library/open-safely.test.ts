/**
 * openLibrarySafely: a damaged library is moved aside (kept, with its -wal/-shm), a fresh one is
 * opened, the user is told where it went and which backup is newest; a newer or read-only library
 * is refused untouched; paths with spaces and Unicode work.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../src/main/library/index'
import { SCHEMA_VERSION } from '../../../src/main/library/migrations'
import { newestBackup, openLibrarySafely } from '../../../src/main/library/open-safely'
import { replaceWithBackup } from '../../../src/main/library/replace-with-backup'
import { saveNote } from '../../../src/main/library/notes'
import { breakHeader, garblePage, truncateHalf } from '../../helpers/damage'
import { tempDir } from '../../helpers/temp'

const NOW = new Date('2026-11-27T09:08:07.123Z')
const hash = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex')

/** A library with one paper and a note, left with a live -wal (not checkpointed). */
function populated(file: string): void {
  const lib = openLibrary(file)
  lib.db
    .prepare(
      "INSERT INTO papers (id, title_key, title, first_seen, digest_date) VALUES (1, 'kept paper', 'Kept paper', '2026-01-01T00:00:00Z', '2026-01-01')"
    )
    .run()
  lib.db.prepare("INSERT INTO paper_abstracts (paper_id, abstract) VALUES (1, 'x')").run()
  saveNote(lib.db, 1, 'my precious note')
  lib.close()
}

function paperCount(file: string): number {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('SELECT count(*) FROM papers').pluck().get() as number
  } finally {
    db.close()
  }
}

describe('openLibrarySafely', () => {
  let t: ReturnType<typeof tempDir>
  let file: string
  beforeEach(() => {
    t = tempDir()
    file = join(t.dir, 'library.sqlite')
  })
  afterEach(() => t.cleanup())

  it('creates a missing library; opens a healthy one with no recovery', () => {
    const first = openLibrarySafely(file)
    expect(first.recovery).toBeNull()
    first.library.close()
    populated(file)
    const again = openLibrarySafely(file)
    expect(again.recovery).toBeNull()
    expect(again.library.db.prepare('SELECT title FROM papers').pluck().get()).toBe('Kept paper')
    again.library.close()
  })

  it.each([
    ['not a database (header overwritten)', breakHeader, /not a database/],
    ['a garbled page (quick_check fails)', garblePage, /integrity check failed|malformed/],
    ['truncated', truncateHalf, /malformed|not a database|integrity/]
  ])('%s: moved aside with a timestamp, kept byte for byte; a fresh library opens', (_name, damage, reason) => {
    populated(file)
    damage(file)
    writeFileSync(`${file}-wal`, 'wal bytes') // a WAL that belongs with it
    const before = hash(file)
    const { library, recovery } = openLibrarySafely(file, { now: () => NOW })
    try {
      expect(recovery).not.toBeNull()
      expect(recovery!.reason).toMatch(reason)
      const aside = join(t.dir, 'library.damaged-2026-11-27T09-08-07Z.sqlite')
      expect(recovery!.movedTo).toBe(aside)
      expect(recovery!.moved).toEqual(expect.arrayContaining([aside, `${aside}-wal`]))
      expect(hash(aside)).toBe(before)
      expect(readFileSync(`${aside}-wal`, 'utf8')).toBe('wal bytes')
      expect(recovery!.message).toContain(aside)
      expect(recovery!.message).toMatch(/kept, not deleted/)
      expect(recovery!.message).toMatch(/No automatic backup was found/)
      expect(recovery!.backup).toBeNull()
      // the app goes on, on a fresh library at the same path
      expect(library.path).toBe(file)
      expect(library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
      expect(library.db.pragma('quick_check', { simple: true })).toBe('ok')
    } finally {
      library.close()
    }
  })

  it("check 'light' (the CLI's short commands) still catches a broken header; only 'quick' reads every page", () => {
    populated(file)
    garblePage(file)
    const light = openLibrarySafely(file, { check: 'light' })
    expect(light.recovery).toBeNull()
    light.library.close()
    breakHeader(file)
    const broken = openLibrarySafely(file, { check: 'light', now: () => NOW })
    expect(broken.recovery?.reason).toMatch(/not a database/)
    broken.library.close()
  })

  it('a second damage in the same second gets its own name: nothing is overwritten', () => {
    for (let i = 0; i < 2; i++) {
      writeFileSync(file, `garbage ${i} `.repeat(500))
      openLibrarySafely(file, { now: () => NOW }).library.close()
    }
    const aside = readdirSync(t.dir)
      .filter((n) => n.includes('damaged'))
      .sort()
    expect(aside).toEqual([
      'library.damaged-2026-11-27T09-08-07Z-2.sqlite',
      'library.damaged-2026-11-27T09-08-07Z.sqlite'
    ])
  })

  it('offers the newest backup that is healthy (skips damaged and side files), and can restore it', () => {
    const backups = join(t.dir, 'backups')
    mkdirSync(backups)
    const good = join(backups, 'library-2026-11-25.sqlite')
    populated(good)
    const raw = new Database(good)
    raw.pragma('wal_checkpoint(TRUNCATE)')
    raw.close()
    const older = join(backups, 'library-2026-11-20.sqlite')
    copyFileSync(good, older)
    const broken = join(backups, 'library-2026-11-26.sqlite')
    writeFileSync(broken, 'half a backup')
    const stray = join(backups, 'library-2026-11-27.sqlite-wal') // newest, but a side file
    writeFileSync(stray, 'x')
    utimesSync(older, new Date('2026-11-20'), new Date('2026-11-20'))
    utimesSync(good, new Date('2026-11-25'), new Date('2026-11-25'))
    utimesSync(broken, new Date('2026-11-26'), new Date('2026-11-26'))
    utimesSync(stray, new Date('2026-11-27'), new Date('2026-11-27'))
    expect(newestBackup(backups)?.path).toBe(good)
    expect(newestBackup(join(t.dir, 'no-such-folder'))).toBeNull()

    writeFileSync(file, 'not sqlite at all '.repeat(100))
    const { library, recovery } = openLibrarySafely(file, { now: () => NOW })
    expect(recovery!.backup?.path).toBe(good)
    expect(recovery!.message).toContain(good)
    // The user chooses the backup: the (empty) fresh library is replaced by a copy of it.
    library.close()
    const restored = replaceWithBackup(good, file, { now: () => NOW })
    try {
      expect(restored.db.prepare('SELECT body FROM notes WHERE paper_id = 1').pluck().get()).toBe('my precious note')
    } finally {
      restored.close()
    }
    expect(existsSync(good)).toBe(true) // the backup itself stays
  })

  it('restoring over a library that has data moves that library aside first', () => {
    populated(file)
    const backup = join(t.dir, 'b.sqlite')
    openLibrary(backup).close()
    replaceWithBackup(backup, file, { now: () => NOW }).close()
    expect(paperCount(file)).toBe(0)
    expect(paperCount(join(t.dir, 'library.damaged-2026-11-27T09-08-07Z.sqlite'))).toBe(1)
  })

  it('refuses a damaged backup', () => {
    const backup = join(t.dir, 'b.sqlite')
    writeFileSync(backup, 'nope '.repeat(300))
    populated(file)
    expect(() => replaceWithBackup(backup, file)).toThrow(/cannot be used/)
    expect(paperCount(file)).toBe(1)
  })

  it('refuses a library from a newer Folio and leaves it as it was', () => {
    const raw = new Database(file)
    raw.exec('CREATE TABLE from_the_future (x)')
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    const before = hash(file)
    expect(() => openLibrarySafely(file)).toThrow(expect.objectContaining({ code: 'newer-library' }))
    expect(hash(file)).toBe(before)
    expect(readdirSync(t.dir).filter((n) => n.includes('damaged'))).toEqual([])
  })

  it('works on a path with spaces and Unicode', () => {
    const odd = join(t.dir, 'Mes données', 'Bibliothèque — 論文 📚', 'my library.sqlite')
    const first = openLibrarySafely(odd)
    first.library.close()
    populated(odd)
    writeFileSync(odd, Buffer.concat([Buffer.from('broken'), readFileSync(odd).subarray(6)]))
    const { library, recovery } = openLibrarySafely(odd, { now: () => NOW })
    library.close()
    expect(recovery!.movedTo).toBe(
      join(t.dir, 'Mes données', 'Bibliothèque — 論文 📚', 'my library.damaged-2026-11-27T09-08-07Z.sqlite')
    )
    expect(existsSync(recovery!.movedTo)).toBe(true)
  })
})
