import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { NEW_LIBRARY_PAGE_SIZE } from '../../../src/main/library/db'
import { openLibrary } from '../../../src/main/library/index'
import { SCHEMA_VERSION } from '../../../src/main/library/migrations'
import { tempDir } from '../../helpers/temp'

describe('opening a library', () => {
  let t: ReturnType<typeof tempDir>
  afterEach(() => t.cleanup())

  it('creates a fresh file at the current schema, WAL, foreign keys, busy timeout', () => {
    t = tempDir()
    const path = join(t.dir, 'nested', 'folder', 'library.sqlite')
    const lib = openLibrary(path)
    expect(lib.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(lib.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(lib.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(lib.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000)
    const tables = lib.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all()
    expect(tables).toEqual(
      expect.arrayContaining([
        'papers',
        'digests',
        'digest_papers',
        'notes',
        'note_revisions',
        'tags',
        'paper_tags',
        'search_index'
      ])
    )
    lib.close()
    // Re-opening an up-to-date library changes nothing.
    const again = openLibrary(path)
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    again.close()
  })

  it('gives a new library 8 KB pages; an existing library keeps its page size', () => {
    t = tempDir()
    const fresh = openLibrary(join(t.dir, 'fresh.sqlite'))
    expect(fresh.db.pragma('page_size', { simple: true })).toBe(NEW_LIBRARY_PAGE_SIZE)
    fresh.close()
    const path = join(t.dir, 'old.sqlite')
    const raw = new Database(path)
    raw.pragma('page_size = 4096')
    raw.exec('CREATE TABLE keep (x)')
    raw.close()
    const old = openLibrary(path)
    expect(old.db.pragma('page_size', { simple: true })).toBe(4096)
    expect(old.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    old.close()
  })

  it('refuses a library written by a newer Folio, naming it, and leaves it untouched', () => {
    t = tempDir()
    const path = join(t.dir, 'future.sqlite')
    const raw = new Database(path)
    raw.exec('CREATE TABLE from_the_future (x)')
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
    raw.close()
    expect(() => openLibrary(path)).toThrow(/newer version of Folio.*was not changed/)
    const check = new Database(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 5)
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'papers'").get()).toBeUndefined()
    check.close()
  })

  it('runs migrations in one transaction: a failing migration leaves the file at its old version', () => {
    t = tempDir()
    const path = join(t.dir, 'half.sqlite')
    const raw = new Database(path)
    // A table that collides with what migration 1 creates makes it fail midway.
    raw.exec('CREATE TABLE note_revisions (x)')
    raw.close()
    expect(() => openLibrary(path)).toThrow(/already exists/)
    const check = new Database(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(0)
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'papers'").get()).toBeUndefined()
    check.close()
  })
})
