/**
 * Writing a backup: every tag, digest and paper (with abstract, status, star, tags, digest links,
 * note and all its revisions) as JSON Lines, in id order, read inside one read transaction so
 * the file is one consistent moment of the library. Written to a temp file and renamed into place.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { DB } from '../library/db'
import { PAPERS_WITH_STATUS, STATUS_COLUMNS, type PaperStatusRecord } from '../library/papers'
import { stmt } from '../library/statements'
import {
  BACKUP_TYPE,
  BACKUP_VERSION,
  type DigestLine,
  type EndLine,
  type HeaderLine,
  type PaperLine,
  type TagLine
} from './format'

interface DigestRecord {
  id: number
  content_hash: string
  format: string
  file_name: string
  source_path: string | null
  digest_date: string | null
  date_inferred: number
  imported_at: string
  paper_count: number
  added_count: number
  warnings: string
}

const parse = <T>(s: string): T => JSON.parse(s) as T

/** The backup's lines, in order (each a JSON text without the newline). Run inside a read transaction. */
export function* backupLines(db: DB, now: Date): Generator<string> {
  const n = (sql: string): number => stmt<[], { n: number }>(db, sql).get()!.n
  const counts = {
    tags: n('SELECT count(*) AS n FROM tags'),
    digests: n('SELECT count(*) AS n FROM digests'),
    papers: n('SELECT count(*) AS n FROM papers')
  }
  const header: HeaderLine = {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    schema: db.pragma('user_version', { simple: true }) as number,
    createdAt: now.toISOString(),
    counts
  }
  yield JSON.stringify(header)
  for (const t of db.prepare<[], { id: number; name: string }>('SELECT id, name FROM tags ORDER BY id').iterate()) {
    yield JSON.stringify({ type: 'tag', id: t.id, name: t.name } satisfies TagLine)
  }
  for (const d of db.prepare<[], DigestRecord>('SELECT * FROM digests ORDER BY id').iterate()) {
    const line: DigestLine = {
      type: 'digest',
      id: d.id,
      contentHash: d.content_hash,
      format: d.format,
      fileName: d.file_name,
      sourcePath: d.source_path,
      date: d.digest_date,
      dateInferred: d.date_inferred === 1,
      importedAt: d.imported_at,
      paperCount: d.paper_count,
      addedCount: d.added_count,
      warnings: parse(d.warnings)
    }
    yield JSON.stringify(line)
  }
  const tagsOf = stmt<[number], { name: string }>(
    db,
    'SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ? ORDER BY t.id'
  )
  const linksOf = stmt<[number], { digest_id: number; position: number; extras: string }>(
    db,
    'SELECT digest_id, position, extras FROM digest_papers WHERE paper_id = ? ORDER BY digest_id'
  )
  const noteOf = stmt<[number], { body: string; created_at: string; updated_at: string }>(
    db,
    'SELECT body, created_at, updated_at FROM notes WHERE paper_id = ?'
  )
  const revisionsOf = stmt<[number], { id: number; body: string; saved_at: string }>(
    db,
    'SELECT id, body, saved_at FROM note_revisions WHERE paper_id = ? ORDER BY id'
  )
  const papers = db.prepare<[], PaperStatusRecord & { abstract: string | null }>(
    `SELECT ${STATUS_COLUMNS}, a.abstract FROM ${PAPERS_WITH_STATUS} LEFT JOIN paper_abstracts a ON a.paper_id = p.id
      ORDER BY p.id`
  )
  for (const p of papers.iterate()) {
    const note = noteOf.get(p.id)
    const line: PaperLine = {
      type: 'paper',
      id: p.id,
      arxivId: p.arxiv_id,
      doi: p.doi,
      titleKey: p.title_key,
      title: p.title,
      authors: parse(p.authors),
      abstract: p.abstract ?? '',
      links: parse(p.links),
      categories: parse(p.categories),
      version: p.version,
      published: p.published,
      firstSeen: p.first_seen,
      digestDate: p.digest_date,
      seenIn: p.seen_in,
      status: p.status,
      starred: p.starred === 1,
      statusChangedAt: p.status_changed_at,
      tags: tagsOf.all(p.id).map((t) => t.name),
      digests: linksOf
        .all(p.id)
        .map((l) => ({ digest: l.digest_id, position: l.position, extras: parse<Record<string, unknown>>(l.extras) })),
      note: note ? { body: note.body, createdAt: note.created_at, updatedAt: note.updated_at } : null,
      revisions: revisionsOf.all(p.id).map((r) => ({ id: r.id, body: r.body, savedAt: r.saved_at }))
    }
    yield JSON.stringify(line)
  }
  yield JSON.stringify({ type: 'end', ...counts } satisfies EndLine)
}

/** Write the backup file (temp file + rename: a crash never leaves half a backup under the name). */
export function writeBackup(
  db: DB,
  file: string,
  now = new Date()
): { file: string; papers: number; digests: number; tags: number } {
  const tmp = join(dirname(file), `.${Date.now()}-${process.pid}.folio-backup.tmp`)
  const fd = openSync(tmp, 'w')
  let end: EndLine | undefined
  try {
    // One read transaction: a consistent snapshot even while another door writes (WAL).
    db.transaction(() => {
      let buf = ''
      for (const line of backupLines(db, now)) {
        buf += `${line}\n`
        if (buf.length > 1 << 20) {
          writeSync(fd, buf)
          buf = ''
        }
        if (line.startsWith('{"type":"end"')) end = JSON.parse(line) as EndLine
      }
      writeSync(fd, buf)
    }).deferred()
    closeSync(fd)
    renameSync(tmp, file)
  } catch (err) {
    try {
      closeSync(fd)
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true })
    throw err
  }
  return { file, papers: end!.papers, digests: end!.digests, tags: end!.tags }
}
