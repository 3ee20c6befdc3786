import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { autoBackup, KEEP_BACKUPS } from '../../../src/main/backup/auto-backup'
import { openLibrary } from '../../../src/main/library/index'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

const day = (d: number, hour = 9): Date => new Date(2026, 0, d, hour, 30) // local time, as the file names use

describe('automatic local backups', () => {
  let t: ReturnType<typeof tempLibrary>
  let backups: string
  beforeEach(() => {
    t = tempLibrary()
    backups = join(t.dir, 'backups')
  })
  afterEach(() => t.cleanup())
  const files = (): string[] => readdirSync(backups).sort()

  it('makes at most one backup a day and keeps the newest KEEP_BACKUPS (7)', async () => {
    expect(await autoBackup(t.lib, backups, day(1))).toEqual({ created: null, skipped: 'empty', removed: [] })
    addDigest(t.lib, [paper('A paper worth keeping')])
    const first = await autoBackup(t.lib, backups, day(1))
    expect(first.created).toBe(join(backups, 'library-2026-01-01.sqlite'))
    // Same day, later: nothing new.
    expect(await autoBackup(t.lib, backups, day(1, 23))).toEqual({ created: null, skipped: 'today', removed: [] })
    expect(files()).toEqual(['library-2026-01-01.sqlite'])
    // Someone else's files in the folder are never touched.
    writeFileSync(join(backups, 'notes.txt'), 'mine')
    writeFileSync(join(backups, 'other-2020-01-01.sqlite'), 'another library')
    for (let d = 2; d <= KEEP_BACKUPS; d++) expect((await autoBackup(t.lib, backups, day(d))).removed).toEqual([])
    const eighth = await autoBackup(t.lib, backups, day(8))
    expect(eighth.removed).toEqual(['library-2026-01-01.sqlite'])
    const ninth = await autoBackup(t.lib, backups, day(12)) // days without a start are simply skipped
    expect(ninth.removed).toEqual(['library-2026-01-02.sqlite'])
    expect(files()).toEqual([
      'library-2026-01-03.sqlite',
      'library-2026-01-04.sqlite',
      'library-2026-01-05.sqlite',
      'library-2026-01-06.sqlite',
      'library-2026-01-07.sqlite',
      'library-2026-01-08.sqlite',
      'library-2026-01-12.sqlite',
      'notes.txt',
      'other-2020-01-01.sqlite'
    ])
    // A backup is a real library.
    const copy = openLibrary(join(backups, 'library-2026-01-12.sqlite'), { readonly: true })
    try {
      expect(copy.db.prepare('SELECT title FROM papers').pluck().all()).toEqual(['A paper worth keeping'])
    } finally {
      copy.close()
    }
  })
})
