/**
 * 0003: For you's scores. The ranking (src/main/ranking/) writes one score per unread paper, with a
 * few words on why for the best ones; the feed pages them by (score, id) like any other view.
 * Derived data: dropping every row loses nothing (the next ranking writes them again). No foreign
 * key: checking 100,000 parents made every rewrite slower, and the feed joins papers anyway (a
 * removed paper's score is never shown, and is gone at the next rewrite).
 */
import type { Migration } from './index'

const migration: Migration = {
  version: 3,
  name: 'paper-scores',
  up(db) {
    db.exec(`
      CREATE TABLE paper_scores (
        paper_id INTEGER PRIMARY KEY,
        score    REAL NOT NULL,
        why      TEXT                                -- only for the best-ranked papers
      );
      CREATE INDEX paper_scores_by_score ON paper_scores(score DESC, paper_id);
    `)
  }
}

export default migration
