/**
 * 0001: papers (narrow rows) and their abstracts, digests and their links with trigger-kept
 * counts, notes with revisions, tags, and an FTS5 index over title, abstract, authors and notes
 * kept in sync by triggers.
 */
import type { Migration } from './index'

const migration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      -- Papers are kept narrow (no abstract) so feed pages, counts and status changes touch
      -- small rows; the abstract lives in paper_abstracts (exactly one row per paper).
      CREATE TABLE papers (
        id                INTEGER PRIMARY KEY,
        arxiv_id          TEXT,                      -- without version; identity when known
        doi               TEXT,                      -- lower case journal DOI; identity when no arXiv id
        title_key         TEXT NOT NULL,             -- normalised title; identity of last resort; title sort
        title             TEXT NOT NULL,
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
      -- Feed order for every view x sort, so the first page of any view is an index range scan.
      -- Ties (one digest, one import) keep file order: id ascending.
      CREATE INDEX papers_by_digest ON papers(digest_date DESC, id);
      CREATE INDEX papers_by_first_seen ON papers(first_seen DESC, id);
      CREATE INDEX papers_by_title ON papers(title_key, id);
      -- Status views sorted by date use this one; sorted by first seen or title they walk the sort's
      -- index and filter (feed.ts writes +p.status there): fewer status indexes keep bulk status
      -- changes fast (10,000 papers marked read touch two indexes, not four).
      CREATE INDEX papers_status_by_digest ON papers(status, digest_date DESC, id);
      -- Reading is the small status (a few papers): its own partial indexes for the other sorts,
      -- which status changes between unread and read never touch.
      CREATE INDEX papers_reading_by_title ON papers(title_key, id) WHERE status = 'reading';
      CREATE INDEX papers_reading_by_first_seen ON papers(first_seen DESC, id) WHERE status = 'reading';
      CREATE INDEX papers_starred_by_digest ON papers(digest_date DESC, id) WHERE starred = 1;
      CREATE INDEX papers_starred_by_first_seen ON papers(first_seen DESC, id) WHERE starred = 1;
      CREATE INDEX papers_starred_by_title ON papers(title_key, id) WHERE starred = 1;
      CREATE INDEX papers_noted_by_digest ON papers(digest_date DESC, id) WHERE has_note = 1;
      CREATE INDEX papers_noted_by_first_seen ON papers(first_seen DESC, id) WHERE has_note = 1;
      CREATE INDEX papers_noted_by_title ON papers(title_key, id) WHERE has_note = 1;
      -- Covering index for the smart views' counts.
      CREATE INDEX papers_counts ON papers(status, starred, has_note);

      CREATE TABLE paper_abstracts (
        paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        abstract TEXT NOT NULL DEFAULT ''
      );

      CREATE TABLE digests (
        id            INTEGER PRIMARY KEY,
        content_hash  TEXT NOT NULL UNIQUE,          -- sha256 of the file's bytes
        format        TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        source_path   TEXT,
        digest_date   TEXT,                          -- YYYY-MM-DD
        date_inferred INTEGER NOT NULL DEFAULT 0,
        imported_at   TEXT NOT NULL,
        paper_count   INTEGER NOT NULL,              -- records in the file
        added_count   INTEGER NOT NULL,              -- papers it added to the library
        link_count    INTEGER NOT NULL DEFAULT 0,    -- distinct papers it lists (kept by triggers)
        unread_count  INTEGER NOT NULL DEFAULT 0,    -- of those, unread now (kept by triggers)
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

      -- (Off during a bulk import: finishDigest counts the digest once.)
      CREATE TRIGGER digest_papers_ai AFTER INSERT ON digest_papers WHEN (SELECT bulk FROM import_state) = 0 BEGIN
        UPDATE digests SET link_count = link_count + 1,
          unread_count = unread_count + (SELECT status = 'unread' FROM papers WHERE id = new.paper_id)
        WHERE id = new.digest_id;
      END;
      CREATE TRIGGER digest_papers_ad AFTER DELETE ON digest_papers BEGIN
        UPDATE digests SET link_count = link_count - 1,
          unread_count = unread_count - coalesce((SELECT status = 'unread' FROM papers WHERE id = old.paper_id), 0)
        WHERE id = old.digest_id;
      END;
      CREATE TRIGGER papers_unread_au AFTER UPDATE OF status ON papers
        WHEN (old.status = 'unread') != (new.status = 'unread') BEGIN
        UPDATE digests SET unread_count = unread_count + (CASE WHEN new.status = 'unread' THEN 1 ELSE -1 END)
        WHERE id IN (SELECT digest_id FROM digest_papers WHERE paper_id = new.id);
      END;

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
      -- punctuation) and notes. Contentless (the text lives in the tables) with contentless_delete
      -- so triggers can replace rows; rowid = papers.id. Diacritics folded: "Schrodinger" finds "Schrödinger".
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

      -- One statement (re)writes a paper's FTS row from the tables: used by every trigger below.
      CREATE VIEW search_source AS
        SELECT p.id AS id, p.title AS title, coalesce(a.abstract, '') AS abstract, p.authors AS authors,
               coalesce(n.body, '') AS notes
          FROM papers p
          LEFT JOIN paper_abstracts a ON a.paper_id = p.id
          LEFT JOIN notes n ON n.paper_id = p.id;

      CREATE TRIGGER paper_abstracts_ai AFTER INSERT ON paper_abstracts WHEN (SELECT bulk FROM import_state) = 0 BEGIN
        DELETE FROM search_index WHERE rowid = new.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, notes FROM search_source WHERE id = new.paper_id;
      END;
      CREATE TRIGGER paper_abstracts_au AFTER UPDATE OF abstract ON paper_abstracts BEGIN
        DELETE FROM search_index WHERE rowid = new.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, notes FROM search_source WHERE id = new.paper_id;
      END;
      CREATE TRIGGER papers_au AFTER UPDATE OF title, authors ON papers BEGIN
        DELETE FROM search_index WHERE rowid = new.id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, notes FROM search_source WHERE id = new.id;
      END;
      CREATE TRIGGER papers_ad AFTER DELETE ON papers BEGIN
        DELETE FROM search_index WHERE rowid = old.id;
      END;
      CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
        UPDATE papers SET has_note = (length(trim(new.body)) > 0) WHERE id = new.paper_id;
        DELETE FROM search_index WHERE rowid = new.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, notes FROM search_source WHERE id = new.paper_id;
      END;
      CREATE TRIGGER notes_au AFTER UPDATE OF body ON notes BEGIN
        UPDATE papers SET has_note = (length(trim(new.body)) > 0) WHERE id = new.paper_id;
        DELETE FROM search_index WHERE rowid = new.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, notes FROM search_source WHERE id = new.paper_id;
      END;
      CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
        UPDATE papers SET has_note = 0 WHERE id = old.paper_id;
        DELETE FROM search_index WHERE rowid = old.paper_id;
        INSERT INTO search_index(rowid, title, abstract, authors, notes)
        SELECT id, title, abstract, authors, notes FROM search_source WHERE id = old.paper_id;
      END;
    `)
  }
}

export default migration
