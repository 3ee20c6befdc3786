/**
 * Restoring a backup file into an EMPTY library, in one transaction: every line is validated
 * (zod) and every reference checked as it is read; the first problem aborts the restore with a
 * message naming the file, the line and what is wrong, and the library is left as it was.
 * A library that already holds anything is refused: a restore never overwrites or merges.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { basename } from 'node:path'
import type { z } from 'zod'
import type { DB } from '../library/db'
import { recountViews } from '../library/counts'
import { recountDigests } from '../library/digests'
import { LibraryError } from '../library/db'
import { stmt } from '../library/statements'
import { BACKUP_TYPE, BACKUP_VERSION, headerLine, recordLine, type DigestLine, type PaperLine } from './format'
import { readLinesSync } from './read-lines'

export interface RestoreReport {
  papers: number
  digests: number
  tags: number
  notes: number
  revisions: number
}

/** What the library holds that a restore would clash with (empty when it can be restored into). */
export function libraryContents(db: DB): string[] {
  const parts: string[] = []
  for (const [table, what] of [
    ['papers', 'paper'],
    ['digests', 'digest'],
    ['tags', 'tag'],
    ['notes', 'note'],
    ['note_revisions', 'note revision']
  ] as const) {
    const n = stmt<[], { n: number }>(db, `SELECT count(*) AS n FROM ${table}`).get()!.n
    if (n) parts.push(`${n} ${what}${n === 1 ? '' : 's'}`)
  }
  return parts
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid record'
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}

function sniff(file: string): Buffer {
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(16)
    return buf.subarray(0, readSync(fd, buf, 0, 16, 0))
  } finally {
    closeSync(fd)
  }
}

export function restoreBackup(db: DB, file: string): RestoreReport {
  const name = basename(file)
  const fail = (line: number | null, message: string): never => {
    throw new LibraryError(
      'bad-backup',
      `${name}${line !== null ? ` line ${line}` : ''}: ${message}; the library was not changed`
    )
  }
  let head: Buffer
  try {
    head = sniff(file)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new LibraryError('bad-backup', `${name}: ${code === 'ENOENT' ? 'file not found' : (err as Error).message}`)
  }
  if (head.toString('latin1').startsWith('SQLite format 3')) {
    fail(
      null,
      'this is a SQLite copy of a library, not a backup file: open it directly with --library, or copy it in place of library.sqlite'
    )
  }
  const contents = libraryContents(db)
  if (contents.length) {
    throw new LibraryError(
      'not-empty',
      `Restore only fills an empty library, and this one holds ${contents.join(', ')}. Nothing was changed. ` +
        'Restore into a new library file instead (e.g. folio restore FILE --library restored.sqlite).'
    )
  }

  const report: RestoreReport = { papers: 0, digests: 0, tags: 0, notes: 0, revisions: 0 }
  db.transaction(() => {
    if (libraryContents(db).length)
      throw new LibraryError('not-empty', 'The library changed while restoring; nothing was restored')
    stmt(db, 'UPDATE import_state SET bulk = 1 WHERE id = 1').run()
    const tagIds = new Map<string, number>()
    const digestIds = new Set<number>()
    let lineNo = 0
    let sawHeader = false
    let ended = false
    for (const raw of readLinesSync(file)) {
      lineNo++
      if (raw.trim() === '') continue
      if (ended) fail(lineNo, 'content after the end record')
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch {
        fail(
          lineNo,
          lineNo === 1 ? 'not a Folio backup (the first line is not JSON)' : 'not valid JSON (the file may be damaged)'
        )
      }
      if (!sawHeader) {
        const h = headerLine.safeParse(value)
        if (!h.success) {
          const type = (value as { type?: unknown } | null)?.type
          fail(
            lineNo,
            type === BACKUP_TYPE ? `bad header: ${issueText(h.error)}` : 'not a Folio backup (no folio-backup header)'
          )
        }
        if (h.data!.version > BACKUP_VERSION)
          fail(
            lineNo,
            `written by a newer Folio (backup format ${h.data!.version}; this Folio reads up to ${BACKUP_VERSION}). Update Folio to restore it`
          )
        sawHeader = true
        continue
      }
      const r = recordLine.safeParse(value)
      if (!r.success) {
        const type = (value as { type?: unknown } | null)?.type
        fail(lineNo, `${typeof type === 'string' ? `${type} record: ` : ''}${issueText(r.error)}`)
      }
      const rec = r.data!
      try {
        if (rec.type === 'tag') {
          if (tagIds.has(rec.name.toLowerCase())) fail(lineNo, `tag "${rec.name}" appears twice`)
          stmt(db, 'INSERT INTO tags (id, name) VALUES (?, ?)').run(rec.id, rec.name)
          tagIds.set(rec.name.toLowerCase(), rec.id)
          report.tags++
        } else if (rec.type === 'digest') {
          insertDigest(db, rec)
          digestIds.add(rec.id)
          report.digests++
        } else if (rec.type === 'paper') {
          for (const t of rec.tags)
            if (!tagIds.has(t.toLowerCase()))
              fail(lineNo, `paper ${rec.id} has tag "${t}", which the backup does not list`)
          for (const l of rec.digests)
            if (!digestIds.has(l.digest))
              fail(lineNo, `paper ${rec.id} lists digest ${l.digest}, which the backup does not list`)
          insertPaper(db, rec, tagIds)
          report.papers++
          if (rec.note) report.notes++
          report.revisions += rec.revisions.length
        } else {
          const expected = { tags: report.tags, digests: report.digests, papers: report.papers }
          if (rec.tags !== expected.tags || rec.digests !== expected.digests || rec.papers !== expected.papers) {
            fail(
              lineNo,
              `the end record counts ${rec.papers} papers, ${rec.digests} digests, ${rec.tags} tags but the file holds ${expected.papers}, ${expected.digests}, ${expected.tags}`
            )
          }
          ended = true
        }
      } catch (err) {
        if (err instanceof LibraryError) throw err
        const msg = (err as Error).message
        fail(lineNo, /UNIQUE|PRIMARY KEY/i.test(msg) ? `duplicate ${rec.type} (${msg})` : msg)
      }
    }
    if (!sawHeader) fail(null, 'empty file: not a Folio backup')
    if (!ended) fail(lineNo, 'the file ends before its end record (it was cut short)')
    // Derived state, computed once rather than trusted to per-row triggers (some skip bulk mode).
    recountDigests(db, { fromId: 0 })
    recountViews(db)
    // Index everything once (the triggers skipped abstracts while bulk was set).
    stmt(db, "INSERT INTO search_index(search_index) VALUES('delete-all')").run()
    stmt(
      db,
      'INSERT INTO search_index(rowid, title, abstract, authors, notes) SELECT id, title, abstract, authors, notes FROM search_source'
    ).run()
    stmt(db, 'UPDATE import_state SET bulk = 0 WHERE id = 1').run()
  }).immediate()
  return report
}

function insertDigest(db: DB, d: DigestLine): void {
  stmt(
    db,
    `INSERT INTO digests (id, content_hash, format, file_name, source_path, digest_date, date_inferred, imported_at, paper_count, added_count, warnings)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    d.id,
    d.contentHash,
    d.format,
    d.fileName,
    d.sourcePath,
    d.date,
    d.dateInferred ? 1 : 0,
    d.importedAt,
    d.paperCount,
    d.addedCount,
    JSON.stringify(d.warnings)
  )
}

function insertPaper(db: DB, p: PaperLine, tagIds: Map<string, number>): void {
  stmt(
    db,
    `INSERT INTO papers (id, arxiv_id, doi, title_key, title, authors, links, categories, version, published,
                         first_seen, digest_date, seen_in, starred)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    p.id,
    p.arxivId,
    p.doi,
    p.titleKey,
    p.title,
    JSON.stringify(p.authors),
    JSON.stringify(p.links),
    JSON.stringify(p.categories),
    p.version,
    p.published,
    p.firstSeen,
    p.digestDate,
    p.seenIn,
    p.starred ? 1 : 0
  )
  // The paper's trigger made its status row (unread); the counts are recounted at the end.
  stmt(db, 'UPDATE paper_status SET status = ?, changed_at = ? WHERE paper_id = ?').run(
    p.status,
    p.statusChangedAt,
    p.id
  )
  stmt(db, 'INSERT INTO paper_abstracts (paper_id, abstract) VALUES (?, ?)').run(p.id, p.abstract)
  for (const l of p.digests) {
    stmt(db, 'INSERT INTO digest_papers (digest_id, paper_id, position, extras) VALUES (?, ?, ?, ?)').run(
      l.digest,
      p.id,
      l.position,
      JSON.stringify(l.extras)
    )
  }
  for (const t of p.tags)
    stmt(db, 'INSERT INTO paper_tags (paper_id, tag_id) VALUES (?, ?)').run(p.id, tagIds.get(t.toLowerCase())!)
  for (const r of p.revisions)
    stmt(db, 'INSERT INTO note_revisions (id, paper_id, body, saved_at) VALUES (?, ?, ?, ?)').run(
      r.id,
      p.id,
      r.body,
      r.savedAt
    )
  if (p.note)
    stmt(db, 'INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
      p.id,
      p.note.body,
      p.note.createdAt,
      p.note.updatedAt
    )
}
