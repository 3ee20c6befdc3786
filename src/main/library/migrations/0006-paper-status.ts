/**
 * 0006: a paper's reading status lives in its own narrow table, `paper_status`.
 *
 * Marking a whole view read changes the status of most of the library at once (680,000 papers of a
 * million). In the paper row (title, authors, links… about 480 bytes) that rewrote every page of
 * the papers table, 62,000 pages (486 MB) at a million papers: 6–7 s. In a row of
 * (paper_id, status, digest_date, changed_at) the same change touches a few thousand pages.
 *
 * - `digest_date` is a copy of the paper's (kept by a trigger) so the status views sorted by date
 *   are one index range scan: `paper_status_by_digest (status, digest_date DESC, paper_id)`.
 * - A new paper gets its row from a trigger on papers (unread), and loses it with the paper.
 * - The smart views' counts of each status and the digests' unread counts are kept by triggers on
 *   this table now (off while a set-based writer counts them itself, as before: import_state.bulk).
 * - The Reading view's partial indexes go: Reading is small, found by the status index and sorted.
 *
 * `papers.status` and `papers.status_changed_at` are dropped (SQLite rewrites each paper row once:
 * about 5 s for a million papers, inside the migration's transaction).
 */
import type { Migration } from './index'

const BULK_OFF = '(SELECT bulk FROM import_state) = 0'

const migration: Migration = {
  version: 6,
  name: 'paper-status',
  up(db) {
    db.exec(`
      CREATE TABLE paper_status (
        paper_id    INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        status      TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'reading', 'read')),
        digest_date TEXT NOT NULL,                   -- the paper's digest_date (kept by papers_status_date_au)
        changed_at  TEXT                             -- ISO time of the last status change
      );
      INSERT INTO paper_status (paper_id, status, digest_date, changed_at)
        SELECT id, status, digest_date, status_changed_at FROM papers ORDER BY id;
      CREATE INDEX paper_status_by_digest ON paper_status(status, digest_date DESC, paper_id);

      DROP TRIGGER papers_counts_ai;
      DROP TRIGGER papers_counts_ad;
      DROP TRIGGER papers_counts_au;
      DROP TRIGGER papers_unread_au;
      DROP TRIGGER digest_papers_ai;
      DROP TRIGGER digest_papers_ad;
      DROP INDEX papers_status_by_digest;
      DROP INDEX papers_reading_by_title;
      DROP INDEX papers_reading_by_first_seen;
      ALTER TABLE papers DROP COLUMN status;
      ALTER TABLE papers DROP COLUMN status_changed_at;

      -- A paper and its status row come and go together (the delete also when foreign keys are off).
      CREATE TRIGGER papers_status_ai AFTER INSERT ON papers BEGIN
        INSERT INTO paper_status (paper_id, digest_date) VALUES (new.id, new.digest_date);
        UPDATE library_counts SET papers = papers + 1, starred = starred + new.starred, noted = noted + new.has_note
        WHERE id = 1;
      END;
      CREATE TRIGGER papers_status_ad AFTER DELETE ON papers BEGIN
        DELETE FROM paper_status WHERE paper_id = old.id;
        UPDATE library_counts SET papers = papers - 1, starred = starred - old.starred, noted = noted - old.has_note
        WHERE id = 1;
      END;
      CREATE TRIGGER papers_status_date_au AFTER UPDATE OF digest_date ON papers BEGIN
        UPDATE paper_status SET digest_date = new.digest_date WHERE paper_id = new.id;
      END;
      CREATE TRIGGER papers_counts_au AFTER UPDATE OF starred, has_note ON papers
        WHEN old.starred != new.starred OR old.has_note != new.has_note
      BEGIN
        UPDATE library_counts SET starred = starred + new.starred - old.starred, noted = noted + new.has_note - old.has_note
        WHERE id = 1;
      END;

      CREATE TRIGGER paper_status_ai AFTER INSERT ON paper_status BEGIN
        UPDATE library_counts SET unread = unread + (new.status = 'unread'),
          reading = reading + (new.status = 'reading'), read = read + (new.status = 'read')
        WHERE id = 1;
      END;
      CREATE TRIGGER paper_status_ad AFTER DELETE ON paper_status BEGIN
        UPDATE library_counts SET unread = unread - (old.status = 'unread'),
          reading = reading - (old.status = 'reading'), read = read - (old.status = 'read')
        WHERE id = 1;
      END;
      CREATE TRIGGER paper_status_au AFTER UPDATE OF status ON paper_status
        WHEN ${BULK_OFF} AND old.status != new.status
      BEGIN
        UPDATE library_counts SET
          unread = unread + (new.status = 'unread') - (old.status = 'unread'),
          reading = reading + (new.status = 'reading') - (old.status = 'reading'),
          read = read + (new.status = 'read') - (old.status = 'read')
        WHERE id = 1;
        UPDATE digests SET unread_count = unread_count + (CASE WHEN new.status = 'unread' THEN 1 ELSE -1 END)
        WHERE (old.status = 'unread') != (new.status = 'unread')
          AND id IN (SELECT digest_id FROM digest_papers WHERE paper_id = new.paper_id);
      END;

      -- (Off during a bulk import: finishDigest counts the digest once.)
      CREATE TRIGGER digest_papers_ai AFTER INSERT ON digest_papers WHEN ${BULK_OFF} BEGIN
        UPDATE digests SET link_count = link_count + 1,
          unread_count = unread_count + coalesce((SELECT status = 'unread' FROM paper_status WHERE paper_id = new.paper_id), 0)
        WHERE id = new.digest_id;
      END;
      CREATE TRIGGER digest_papers_ad AFTER DELETE ON digest_papers BEGIN
        UPDATE digests SET link_count = link_count - 1,
          unread_count = unread_count - coalesce((SELECT status = 'unread' FROM paper_status WHERE paper_id = old.paper_id), 0)
        WHERE id = old.digest_id;
      END;
    `)
  }
}

export default migration
