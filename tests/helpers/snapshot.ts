/** What a library holds, to compare before/after: integrity, and every table's rows. */
import Database from 'better-sqlite3'

export function integrity(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
  } finally {
    db.close()
  }
}

/** Row counts of every ordinary table (FTS shadow tables included), by name. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[]
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]))
}

/** Every row of every ordinary table, for an exact before/after comparison of small libraries. */
export function contents(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .pluck()
      .all() as string[]
    const sorted = (rows: unknown[]): unknown[] =>
      rows
        .map((r) => JSON.stringify(r))
        .sort()
        .map((r) => JSON.parse(r) as unknown)
    return Object.fromEntries(tables.map((t) => [t, sorted(db.prepare(`SELECT * FROM "${t}"`).all())]))
  } finally {
    db.close()
  }
}
