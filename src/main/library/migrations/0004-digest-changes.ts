/**
 * 0004: a log of which digests changed (`digest_changes`), kept by triggers in the same transaction
 * as every change. The sidebar's digest list (15,000 digests at a million papers: ~60 ms to read and
 * build) is then kept by the reader and patched with the few digests a change touched (a status
 * change touches one or two) instead of being read whole each time. The log keeps its newest 50,000
 * entries; a reader further behind reads the list whole.
 */
import type { Migration } from './index'

const LOG = (id: string): string => `
  INSERT INTO digest_changes (digest_id) VALUES (${id});
  DELETE FROM digest_changes WHERE seq <= (SELECT max(seq) FROM digest_changes) - 50000;`

const migration: Migration = {
  version: 4,
  name: 'digest-changes',
  up(db) {
    db.exec(`
      CREATE TABLE digest_changes (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        digest_id INTEGER NOT NULL
      );
      INSERT INTO digest_changes (digest_id) VALUES (0); -- a first entry: readers start from it
      CREATE TRIGGER digests_log_ai AFTER INSERT ON digests BEGIN ${LOG('new.id')} END;
      CREATE TRIGGER digests_log_au AFTER UPDATE ON digests BEGIN ${LOG('new.id')} END;
      CREATE TRIGGER digests_log_ad AFTER DELETE ON digests BEGIN ${LOG('old.id')} END;
    `)
  }
}

export default migration
