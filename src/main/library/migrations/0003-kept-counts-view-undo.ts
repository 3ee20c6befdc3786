/**
 * 0003: counts and whole-view changes that do not scan the library.
 *
 * - `library_counts`: one row with the smart views' counts (all, unread, reading, read, starred,
 *   with notes), kept by triggers the way digests' counts are. The sidebar reads one row instead of
 *   grouping a million index entries. The covering index papers_counts, which only that grouping
 *   read, goes: every status or star change touches one index fewer.
 * - Set-based status writers (a bulk or whole-view status change, its undo) turn the per-row
 *   count triggers off with `import_state.bulk` inside their transaction and add up the counts in
 *   one grouped statement (see kept-counts.ts): a whole view of 680,000 papers is one UPDATE, not
 *   680,000 trigger runs against the digests.
 * - `view_changes` / `view_change_papers`: what a whole-view change replaced (each paper's previous
 *   status or star), so its undo is one statement on this side instead of a list of every id sent
 *   back by the renderer.
 */
import type { Migration } from './index'

const BULK_OFF = '(SELECT bulk FROM import_state) = 0'

const migration: Migration = {
  version: 3,
  name: 'kept-counts-view-undo',
  up(db) {
    db.exec(`
      CREATE TABLE library_counts (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        papers  INTEGER NOT NULL,
        unread  INTEGER NOT NULL,
        reading INTEGER NOT NULL,
        read    INTEGER NOT NULL,
        starred INTEGER NOT NULL,
        noted   INTEGER NOT NULL
      );
      INSERT INTO library_counts (id, papers, unread, reading, read, starred, noted)
        SELECT 1, count(*), coalesce(sum(status = 'unread'), 0), coalesce(sum(status = 'reading'), 0),
               coalesce(sum(status = 'read'), 0), coalesce(sum(starred), 0), coalesce(sum(has_note), 0)
          FROM papers;

      -- Always on, imports too: one small row update per new paper (~1 µs), and no import path can miss it.
      CREATE TRIGGER papers_counts_ai AFTER INSERT ON papers BEGIN
        UPDATE library_counts SET papers = papers + 1, unread = unread + (new.status = 'unread'),
          reading = reading + (new.status = 'reading'), read = read + (new.status = 'read'),
          starred = starred + new.starred, noted = noted + new.has_note
        WHERE id = 1;
      END;
      -- Deletes are rare (no writer deletes papers in bulk): always counted here.
      CREATE TRIGGER papers_counts_ad AFTER DELETE ON papers BEGIN
        UPDATE library_counts SET papers = papers - 1, unread = unread - (old.status = 'unread'),
          reading = reading - (old.status = 'reading'), read = read - (old.status = 'read'),
          starred = starred - old.starred, noted = noted - old.has_note
        WHERE id = 1;
      END;
      CREATE TRIGGER papers_counts_au AFTER UPDATE OF status, starred, has_note ON papers
        WHEN ${BULK_OFF} AND (old.status != new.status OR old.starred != new.starred OR old.has_note != new.has_note)
      BEGIN
        UPDATE library_counts SET
          unread = unread + (new.status = 'unread') - (old.status = 'unread'),
          reading = reading + (new.status = 'reading') - (old.status = 'reading'),
          read = read + (new.status = 'read') - (old.status = 'read'),
          starred = starred + new.starred - old.starred,
          noted = noted + new.has_note - old.has_note
        WHERE id = 1;
      END;

      -- The digests' unread counts: off too while a set-based writer counts them itself.
      DROP TRIGGER papers_unread_au;
      CREATE TRIGGER papers_unread_au AFTER UPDATE OF status ON papers
        WHEN (old.status = 'unread') != (new.status = 'unread') AND ${BULK_OFF} BEGIN
        UPDATE digests SET unread_count = unread_count + (CASE WHEN new.status = 'unread' THEN 1 ELSE -1 END)
        WHERE id IN (SELECT digest_id FROM digest_papers WHERE paper_id = new.id);
      END;

      DROP INDEX IF EXISTS papers_counts;

      CREATE TABLE view_changes (
        id      INTEGER PRIMARY KEY,
        kind    TEXT NOT NULL CHECK (kind IN ('status', 'starred')),
        made_at TEXT NOT NULL,
        total   INTEGER NOT NULL
      );
      -- One row per paper the change touched, with what it had before (status, or starred 0/1 as text).
      CREATE TABLE view_change_papers (
        change_id INTEGER NOT NULL REFERENCES view_changes(id) ON DELETE CASCADE,
        paper_id  INTEGER NOT NULL,
        before    TEXT NOT NULL,
        PRIMARY KEY (change_id, paper_id)
      ) WITHOUT ROWID;
    `)
  }
}

export default migration
