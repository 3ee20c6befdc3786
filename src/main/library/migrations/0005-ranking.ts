/**
 * 0005: For you's scores and features. The ranking (src/main/ranking/) writes one score per unread
 * paper, with a few words on why for the best ones; the feed pages them by (score, id) like any
 * other view. It also keeps each paper's terms, so a start need not tokenize the library again.
 * Derived data: dropping every row loses nothing (the next ranking writes them again). No foreign
 * key: checking 100,000 parents made every rewrite slower, and the feed joins papers anyway (a
 * removed paper's score is never shown, and is gone at the next rewrite).
 */
import type { Migration } from './index'

const migration: Migration = {
  version: 5,
  name: 'ranking',
  up(db) {
    db.exec(`
      CREATE TABLE paper_scores (
        paper_id INTEGER PRIMARY KEY,
        score    REAL NOT NULL,
        why      TEXT                                -- only for the best-ranked papers
      );
      CREATE INDEX paper_scores_by_score ON paper_scores(score DESC, paper_id);

      -- Each paper's ranking features (src/main/ranking/store.ts): read back at start instead of
      -- tokenizing every abstract again. Removed with their paper (a restore refills ids afresh).
      CREATE TABLE paper_features (
        paper_id INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        terms    BLOB NOT NULL
      );
      -- The features' version and document frequencies.
      CREATE TABLE ranking_state (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
      );
    `)
  }
}

export default migration
