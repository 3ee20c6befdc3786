/**
 * Migration 0003 on a library made by the previous schema: the smart views' counts it keeps start
 * equal to the papers' own counts, the triggers keep them so (after 0006 too, which moves the status
 * into paper_status), and the index only counting read is gone.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { counts } from '../../../src/main/library/counts'
import { openLibrary } from '../../../src/main/library/index'
import { migrations } from '../../../src/main/library/migrations'
import { setStatus } from '../../../src/main/library/status'
import { tempDir } from '../../helpers/temp'

const recount = (db: Database.Database): Record<string, number> =>
  db
    .prepare(
      `SELECT count(*) AS "all", sum(s.status = 'unread') AS unread, sum(s.status = 'reading') AS reading,
              sum(s.status = 'read') AS read, sum(p.starred) AS starred, sum(p.has_note) AS notes
         FROM papers p JOIN paper_status s ON s.paper_id = p.id`
    )
    .get() as Record<string, number>

describe('migration 0003 (kept counts, whole-view undo)', () => {
  let t: ReturnType<typeof tempDir>
  afterEach(() => t.cleanup())

  it('seeds the counts from an existing library, and keeps them through inserts, changes and notes', () => {
    t = tempDir()
    const path = join(t.dir, 'v2.sqlite')
    const raw = new Database(path)
    for (const m of migrations.filter((m) => m.version <= 2)) m.up(raw)
    raw.pragma('user_version = 2')
    const add = raw.prepare(
      `INSERT INTO papers (title_key, title, first_seen, digest_date, status, starred) VALUES (?, ?, '2024-01-01', '2024-01-01', ?, ?)`
    )
    const statuses = ['unread', 'unread', 'reading', 'read', 'read', 'read'] as const
    statuses.forEach((s, i) => add.run(`p${i}`, `P${i}`, s, i % 2))
    raw.close()

    const lib = openLibrary(path)
    const db = lib.db
    try {
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'papers_counts'").get()).toBeUndefined()
      expect(counts(db).views).toEqual({ all: 6, unread: 2, reading: 1, read: 3, starred: 3, notes: 0 })
      expect(counts(db).views).toEqual(recount(db))
      // Kept by the triggers: a new paper, a star, a note, a status change.
      db.prepare(
        `INSERT INTO papers (title_key, title, first_seen, digest_date) VALUES ('p6', 'P6', '2024-01-02', '2024-01-02')`
      ).run()
      db.prepare('UPDATE papers SET starred = 1 WHERE id = 1').run()
      db.prepare("INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (2, 'a note', '', '')").run()
      setStatus(db, [1, 2, 3], 'read')
      expect(counts(db).views).toEqual(recount(db))
      expect(counts(db).views).toMatchObject({ all: 7, notes: 1, read: 6 })
    } finally {
      lib.close()
    }
  })
})
