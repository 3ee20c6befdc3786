/** A library as Folio at schema 5 wrote it (the status still in the paper row): for upgrade tests. */
import Database from 'better-sqlite3'
import { migrations } from '../../src/main/library/migrations'

/** Three papers, the second read; no index rows beyond what schema 5's own triggers write. */
export function libraryAtSchema5(file: string): void {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.transaction(() => {
    for (const m of migrations) if (m.version <= 5) m.up(db)
    db.pragma('user_version = 5')
  })()
  const add = db.prepare(
    "INSERT INTO papers (id, title_key, title, first_seen, digest_date, status) VALUES (?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01', ?)"
  )
  add.run(1, 'first paper', 'First paper', 'unread')
  add.run(2, 'second paper', 'Second paper', 'read')
  add.run(3, 'third paper', 'Third paper', 'unread')
  db.exec('INSERT INTO paper_abstracts (paper_id) VALUES (1), (2), (3)')
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
}
