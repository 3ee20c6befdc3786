/**
 * 0001: papers, digests and their links, notes with revisions, tags, and an FTS5 index over
 * title, abstract, authors and notes kept in sync by triggers.
 */
import type { Migration } from './index'

const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE papers (
        id                INTEGER PRIMARY KEY,
        arxiv_id          TEXT,                      -- without version; identity when known
        doi               TEXT,                      -- lower case journal DOI; identity when no arXiv id
        title_key         TEXT NOT NULL,             -- normalised title; identity of last resort
        title             TEXT NOT NULL,
        abstract          TEXT NOT NULL DEFAULT '',
        authors           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
        links             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(links)),
        categories        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories)),
        version           TEXT,
        published         TEXT,
        first_seen        TEXT NOT NULL,             -- ISO time of the import that first listed it
        digest_date       TEXT NOT NULL,             -- newest digest date it appeared in (YYYY-MM-DD)
        seen_in           INTEGER NOT NULL DEFAULT 0,
        status            TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'reading', 'read')),
        starred           INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
        status_changed_at TEXT,
        has_note          INTEGER NOT NULL DEFAULT 0 CHECK (has_note IN (0, 1))
      );
      CREATE UNIQUE INDEX papers_arxiv ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
      CREATE UNIQUE INDEX papers_doi ON papers(doi) WHERE doi IS NOT NULL;
      CREATE INDEX papers_title_key ON papers(title_key);
      CREATE INDEX papers_by_digest ON papers(digest_date DESC, id DESC);
      CREATE INDEX papers_status_by_digest ON papers(status, digest_date DESC, id DESC);
      CREATE INDEX papers_starred_by_digest ON papers(digest_date DESC, id DESC) WHERE starred = 1;
      CREATE INDEX papers_noted_by_digest ON papers(digest_date DESC, id DESC) WHERE has_note = 1;
      CREATE INDEX papers_by_first_seen ON papers(first_seen DESC, id DESC);
      CREATE INDEX papers_by_title ON papers(title_key, id);

      CREATE TABLE digests (
        id            INTEGER PRIMARY KEY,
        content_hash  TEXT NOT NULL UNIQUE,          -- sha256 of the file's bytes
        format        TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        source_path   TEXT,
        digest_date   TEXT,                          -- YYYY-MM-DD
        date_inferred INTEGER NOT NULL DEFAULT 0,
        imported_at   TEXT NOT NULL,
        paper_count   INTEGER NOT NULL,
        added_count   INTEGER NOT NULL,
        warnings      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings))
      );
      CREATE INDEX digests_by_date ON digests(digest_date DESC, id DESC);

      CREATE TABLE digest_papers (
        digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        paper_id  INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        position  INTEGER NOT NULL,
        extras    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extras)),
        PRIMARY KEY (digest_id, paper_id)
      ) WITHOUT ROWID;
      CREATE INDEX digest_papers_by_paper ON digest_papers(paper_id, digest_id);
      CREATE INDEX digest_papers_by_position ON digest_papers(digest_id, position);

      CREATE TABLE notes (
        paper_id   INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        body       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX notes_by_updated ON notes(updated_at DESC);

      CREATE TABLE note_revisions (
        id       INTEGER PRIMARY KEY,
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        body     TEXT NOT NULL,
        saved_at TEXT NOT NULL
      );
      CREATE INDEX note_revisions_by_paper ON note_revisions(paper_id, id DESC);

      CREATE TABLE tags (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
      );
      CREATE TABLE paper_tags (
        paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
        tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (paper_id, tag_id)
      ) WITHOUT ROWID;
      CREATE INDEX paper_tags_by_tag ON paper_tags(tag_id, paper_id);

      -- Full-text index over title, abstract, authors (their JSON text: the tokenizer skips the
      -- punctuation) and notes. Contentless (the text lives in papers/notes) with contentless_delete so
      -- triggers can replace rows; rowid = papers.id. Diacritics folded: "Schrodinger" finds "Schrödinger".
      CREATE VIRTUAL TABLE search_index USING fts5(
        title, abstract, authors, notes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      -- While an import runs (inside its own write transaction) new papers are indexed in one
      -- pass at its end instead of row by row: several times faster for big digests.
      CREATE TABLE import_state (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        bulk INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO import_state (id, bulk) VALUES (1, 0);

      CREATE TRIGGER papers_ai AFTER INSERT ON papers WHEN (SELECT bulk FROM import_state) = 0 BEGIN
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        VALUES (new.id, new.title, new.abstract, new.authors, '');
      END;
      CREATE TRIGGER papers_au AFTER UPDATE OF title, abstract, authors ON papers BEGIN
        DELETE FROM search_index WHERE rowid = old.id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        VALUES (new.id, new.title, new.abstract,
                new.authors,
                coalesce((SELECT body FROM notes WHERE paper_id = new.id), ''));
      END;
      CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        DELETE FROM search_index WHERE rowid = old.id;
      END;
      CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
        DELETE FROM search_index WHERE rowid = new.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, new.body
        FROM papers WHERE id = new.paper_id;
        UPDATE papers SET has_note = (length(trim(new.body)) > 0) WHERE id = new.paper_id;
      END;
      CREATE TRIGGER notes_au AFTER UPDATE OF body ON notes BEGIN
        DELETE FROM search_index WHERE rowid = new.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, new.body
        FROM papers WHERE id = new.paper_id;
        UPDATE papers SET has_note = (length(trim(new.body)) > 0) WHERE id = new.paper_id;
      END;
      CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
        DELETE FROM search_index WHERE rowid = old.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, ''
        FROM papers WHERE id = old.paper_id;
        UPDATE papers SET has_note = 0 WHERE id = old.paper_id;
      END;
    `)
  }
}

export default migration
