/**
 * The full check's seal (check-seal.ts): a library Folio closed knowing it healthy is not read whole
 * again by the next command that writes, unless something else has written the file since. Real
 * files on disk, the real `folio` command for the end-to-end case.
 */
import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { isSealed, SEAL_SUFFIX } from '../../src/main/library/check-seal'
import { openLibrary } from '../../src/main/library/index'
import { openLibrarySafely } from '../../src/main/library/open-safely'
import { folio } from '../helpers/cli'
import { garblePage } from '../helpers/damage'
import { populateLibraryQuickly } from '../helpers/generate'
import { fixture, tempDir } from '../helpers/temp'

async function libraryWithPapers(file: string): Promise<void> {
  const lib = openLibrary(file)
  await populateLibraryQuickly(lib, { papers: 1_500, digests: 5 })
  lib.close()
}

describe('the full check is kept as a seal beside the library', () => {
  let t: ReturnType<typeof tempDir>
  let file: string
  beforeEach(async () => {
    t = tempDir()
    file = join(t.dir, 'library.sqlite')
    await libraryWithPapers(file)
  })
  afterEach(() => t.cleanup())

  /** Opens for writing the way the command line does (full check), writes, closes. */
  function writeOnce(): ReturnType<typeof openLibrarySafely>['checkedBy'] {
    const { library, checkedBy, recovery } = openLibrarySafely(file)
    expect(recovery).toBeNull()
    library.db.prepare("UPDATE paper_status SET status = 'read' WHERE paper_id = 1").run()
    library.close()
    return checkedBy
  }

  it('checked whole once; then sealed while only Folio writes it', () => {
    expect(isSealed(file)).toBe(false) // written by a plain connection: never sealed
    expect(writeOnce()).toBe('full')
    expect(existsSync(file + SEAL_SUFFIX)).toBe(true)
    expect(writeOnce()).toBe('sealed') // the write above changed the file, and resealed it on close
    expect(writeOnce()).toBe('sealed')
  })

  it('damage written by something else is found: the seal no longer matches, the file is set aside', () => {
    writeOnce()
    garblePage(file, 6)
    const { library, checkedBy, recovery } = openLibrarySafely(file)
    library.close()
    expect(checkedBy).toBe('none') // a fresh library in its place
    expect(recovery?.reason).toMatch(/integrity check failed|malformed/)
    expect(readdirSync(t.dir).some((n) => /^library\.damaged-.*\.sqlite$/.test(n))).toBe(true)
  })

  it('an outside write that puts the modification time back is still seen (the change time moved)', async () => {
    writeOnce()
    const { mtime, atime } = statSync(file)
    await new Promise((r) => setTimeout(r, 20))
    garblePage(file, 6)
    utimesSync(file, atime, mtime)
    expect(isSealed(file)).toBe(false)
    expect(openLibrarySafely(file).recovery?.reason).toMatch(/integrity check failed|malformed/)
  })

  it('changes still pending in a -wal (another connection open, or a crash) mean a full check', () => {
    writeOnce()
    const other = new Database(file)
    try {
      other.pragma('journal_mode = WAL')
      other.prepare("UPDATE paper_status SET status = 'reading' WHERE paper_id = 2").run()
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0)
      expect(isSealed(file)).toBe(false)
    } finally {
      other.close()
    }
  })

  it('a library opened with the light check is not sealed on close unless it was sealed or checked later', () => {
    const light = openLibrarySafely(file, { check: 'light' })
    expect(light.checkedBy).toBe('light')
    expect(light.library.checked).toBe(false)
    light.library.close()
    expect(isSealed(file)).toBe(false)
    // The host's and the app's full check off the start-up path says healthy: then it is sealed.
    const later = openLibrarySafely(file, { check: 'light' })
    later.library.checked = true
    later.library.close()
    expect(isSealed(file)).toBe(true)
    expect(openLibrarySafely(file, { check: 'light' }).checkedBy).toBe('sealed')
  })

  it('a copy of a sealed library, with its seal, is checked whole (another file)', () => {
    writeOnce()
    const copy = join(t.dir, 'copy.sqlite')
    writeFileSync(copy, readFileSync(file))
    writeFileSync(copy + SEAL_SUFFIX, readFileSync(file + SEAL_SUFFIX))
    expect(isSealed(copy)).toBe(false)
  })

  it('the folio command: the second import into the same library skips the full check, damage since is refused', () => {
    const env = { FOLIO_LIBRARY: file }
    expect(folio(['import', fixture('hf-trending-jun6.txt')], env).status).toBe(0)
    expect(isSealed(file)).toBe(true)
    expect(folio(['import', fixture('arxiv-rss.xml')], env).status).toBe(0)
    expect(isSealed(file)).toBe(true)
    garblePage(file, 6)
    const before = readFileSync(file)
    const r = folio(['note', '1', '--set', 'written into a damaged file?'], env)
    expect(r.stderr).toMatch(/library could not be read: .*(integrity check failed|malformed)/)
    const aside = readdirSync(t.dir).find((n) => /^library\.damaged-.*\.sqlite$/.test(n))!
    // Set aside untouched, never written (compared as a whole: a diff of megabytes would not print).
    expect(Buffer.compare(readFileSync(join(t.dir, aside)), before)).toBe(0)
  }, 60_000)
})
