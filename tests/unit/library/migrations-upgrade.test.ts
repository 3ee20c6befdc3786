/**
 * Upgrades keep every row. For every schema version N a Folio library could be at (1 … current),
 * a library is created by running only the migrations ≤ N, filled with representative data
 * written in version N's schema, then opened with the current code: it must reach the current
 * version with every row of every table still there (compared on the columns it had), integrity
 * and foreign keys ok, and the papers findable by the current search.
 *
 * New migrations are picked up automatically (from `migrations`). When a migration changes the
 * shape the filler below writes (a renamed column or table), add a filler for the new version to
 * FILLERS; the filler of the newest version ≤ N is used. A table a migration deliberately drops or
 * renames goes in MOVED with where its rows went.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { search } from '../../../src/main/library/feed'
import { openLibrary } from '../../../src/main/library/index'
import { migrations, SCHEMA_VERSION } from '../../../src/main/library/migrations'
import { tempDir } from '../../helpers/temp'

type Rows = Record<string, Record<string, unknown>[]>

interface Filler {
  /** Writes representative data with plain SQL in that version's schema. */
  fill(db: Database.Database): void
  /** Search words → the paper id they must find after the upgrade. */
  findable: Record<string, number>
}

const T0 = '2024-06-06T08:00:00.000Z'

/** Papers, digests, notes and tags; `statusInPaper`: the schema before 0006 kept status in the paper row. */
function fillLibrary(db: Database.Database, statusInPaper: boolean): void {
  const insert = db.prepare(
    statusInPaper
      ? `INSERT INTO papers (id, arxiv_id, doi, title_key, title, authors, links, categories, version, published,
               first_seen, digest_date, seen_in, status, starred, status_changed_at)
             VALUES (@id, @arxiv, @doi, @key, @title, @authors, @links, @cats, @version, @published, @seen, @date, 1, @status, @starred, @changed)`
      : `INSERT INTO papers (id, arxiv_id, doi, title_key, title, authors, links, categories, version, published,
               first_seen, digest_date, seen_in, starred)
             VALUES (@id, @arxiv, @doi, @key, @title, @authors, @links, @cats, @version, @published, @seen, @date, 1, @starred)`
  )
  const setStatus = statusInPaper
    ? null
    : db.prepare('UPDATE paper_status SET status = @status, changed_at = @changed WHERE paper_id = @id')
  const paper = {
    run(r: Record<string, unknown>): void {
      const { status, changed, ...rest } = r
      insert.run(statusInPaper ? r : rest)
      setStatus?.run({ id: r.id, status, changed })
    }
  }
  const rows = [
    {
      id: 1,
      arxiv: '2106.09685',
      doi: null,
      key: 'lora low rank adaptation',
      title: 'LoRA: Low-Rank Adaptation',
      status: 'read',
      starred: 1
    },
    {
      id: 2,
      arxiv: null,
      doi: '10.1000/xyz',
      key: 'schrodinger bridges',
      title: 'Schrödinger Bridges ‮ RTL',
      status: 'reading',
      starred: 0
    },
    {
      id: 3,
      arxiv: null,
      doi: null,
      key: 'untitled zeta',
      title: 'Untitled Zeta <script>x</script>',
      status: 'unread',
      starred: 0
    }
  ]
  for (const r of rows) {
    paper.run({
      ...r,
      authors: JSON.stringify(['Ada Lovelace', 'Émile Zola', '山田太郎']),
      links: JSON.stringify({ abs: 'https://arxiv.org/abs/2106.09685', code: 'https://github.com/x/y' }),
      cats: JSON.stringify(['cs.LG']),
      version: 'v2',
      published: '2021-06-17',
      seen: T0,
      date: '2024-06-06',
      changed: r.status === 'unread' ? null : T0
    })
  }
  const abstract = db.prepare('INSERT INTO paper_abstracts (paper_id, abstract) VALUES (?, ?)')
  abstract.run(1, 'We propose low-rank adaptation, freezing the pretrained weights. Uniquewordalpha.')
  abstract.run(2, 'Entropic optimal transport — ß, 論文, emoji 📚. Uniquewordbeta.')
  abstract.run(3, 'x'.repeat(50_000))
  db.prepare(
    `INSERT INTO digests (id, content_hash, format, file_name, source_path, digest_date, date_inferred, imported_at, paper_count, added_count, warnings)
         VALUES (1, 'abc', 'hf-text', 'trending Jun 6.txt', '/home/me/Mes données/trending.txt', '2024-06-06', 1, ?, 3, 3, '["year inferred"]')`
  ).run(T0)
  const link = db.prepare('INSERT INTO digest_papers (digest_id, paper_id, position, extras) VALUES (1, ?, ?, ?)')
  link.run(1, 1, JSON.stringify({ upvotes: 42, announceType: 'new' }))
  link.run(2, 2, '{}')
  link.run(3, 3, '{}')
  db.prepare('INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
    1,
    '# Notes\nUniquewordgamma $x^2$',
    T0,
    T0
  )
  const rev = db.prepare('INSERT INTO note_revisions (paper_id, body, saved_at) VALUES (?, ?, ?)')
  rev.run(1, '# Notes', T0)
  rev.run(1, '# Notes\nUniquewordgamma $x^2$', T0)
  db.prepare("INSERT INTO tags (id, name) VALUES (1, 'rlhf'), (2, 'À lire')").run()
  db.prepare('INSERT INTO paper_tags (paper_id, tag_id) VALUES (1, 1), (1, 2), (2, 2)').run()
}

const findable = { uniquewordalpha: 1, uniquewordbeta: 2, uniquewordgamma: 1, schrodinger: 2 }
const FILLERS: Record<number, Filler> = {
  1: { fill: (db) => fillLibrary(db, true), findable },
  6: { fill: (db) => fillLibrary(db, false), findable }
}

/** Tables whose rows a migration moved on purpose: old table → new table (same columns). */
const MOVED: Record<string, string> = {}
/**
 * Columns a migration moved to another table, read back beside the rest of their row: 0006 moved a
 * paper's status and its time into paper_status.
 */
const WITH_MOVED_COLUMNS: Record<string, { needs: string; sql: string }> = {
  papers: {
    needs: 'paper_status',
    sql: 'SELECT p.*, s.status, s.changed_at AS status_changed_at FROM papers p JOIN paper_status s ON s.paper_id = p.id'
  }
}

function fillerFor(version: number): Filler {
  const v = Math.max(
    ...Object.keys(FILLERS)
      .map(Number)
      .filter((k) => k <= version)
  )
  const filler = FILLERS[v]
  if (!filler) throw new Error(`no filler for schema ${version}: add one to FILLERS`)
  return filler
}

/** A library at schema `version`: only the migrations ≤ version, exactly as that Folio ran them. */
function createAtVersion(file: string, version: number): void {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.transaction(() => {
    for (const m of migrations) if (m.version <= version) m.up(db)
    db.pragma(`user_version = ${version}`)
  })()
  fillerFor(version).fill(db)
  db.close()
}

function allRows(db: Database.Database): Rows {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'search_index_%'"
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((t) => {
      const moved = WITH_MOVED_COLUMNS[t]
      const sql = moved && tables.includes(moved.needs) ? moved.sql : `SELECT * FROM "${t}"`
      return [t, db.prepare(sql).all() as Record<string, unknown>[]]
    })
  )
}

/** Every row of `before` is in `after`, compared on the columns it had. Returns what is missing. */
function missingRows(before: Rows, after: Rows): string[] {
  const missing: string[] = []
  for (const [table, rows] of Object.entries(before)) {
    const target = MOVED[table] ?? table
    const now = after[target]
    if (!now) {
      if (rows.length) missing.push(`table ${table} is gone with its ${rows.length} rows`)
      continue
    }
    const keys = new Set(now.map((r) => JSON.stringify(r)))
    for (const row of rows) {
      const cols = Object.keys(row)
      const found = keys.has(JSON.stringify(row)) || now.some((r) => cols.every((c) => Object.is(r[c], row[c])))
      if (!found) missing.push(`${target}: ${JSON.stringify(row).slice(0, 200)}`)
    }
  }
  return missing
}

describe('upgrading libraries from every schema version', () => {
  let t: ReturnType<typeof tempDir>
  afterEach(() => t?.cleanup())

  it('knows the migrations in order, numbered 1…N', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))
  })

  it.each(Array.from({ length: SCHEMA_VERSION }, (_, i) => [i + 1]))(
    'schema %i → current: every row survives',
    (version) => {
      t = tempDir()
      const file = join(t.dir, `v${version}.sqlite`)
      createAtVersion(file, version)
      const raw = new Database(file, { readonly: true })
      const before = allRows(raw)
      raw.close()
      expect(Object.values(before).reduce((n, rows) => n + rows.length, 0)).toBeGreaterThan(10)

      const lib = openLibrary(file)
      try {
        expect(lib.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
        expect(missingRows(before, allRows(lib.db))).toEqual([])
        expect(lib.db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(lib.db.pragma('foreign_key_check')).toEqual([])
        for (const [word, id] of Object.entries(fillerFor(version).findable)) {
          expect(
            search(lib.db, word, 10).items.map((p) => p.id),
            word
          ).toContain(id)
        }
      } finally {
        lib.close()
      }
    }
  )

  it('the comparison catches a lost row, a changed value and a dropped table', () => {
    const before: Rows = {
      papers: [
        { id: 1, title: 'a' },
        { id: 2, title: 'b' }
      ],
      tags: [{ id: 1, name: 'x' }]
    }
    expect(
      missingRows(before, {
        papers: [
          { id: 1, title: 'a', extra: 0 },
          { id: 2, title: 'b' }
        ],
        tags: [{ id: 1, name: 'x' }]
      })
    ).toEqual([])
    expect(missingRows(before, { papers: [{ id: 1, title: 'a' }], tags: [{ id: 1, name: 'x' }] })).toHaveLength(1)
    expect(
      missingRows(before, {
        papers: [
          { id: 1, title: 'a' },
          { id: 2, title: 'B' }
        ],
        tags: [{ id: 1, name: 'x' }]
      })
    ).toHaveLength(1)
    expect(missingRows(before, { papers: before.papers! })).toEqual(['table tags is gone with its 1 rows'])
  })
})
