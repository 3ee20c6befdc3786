/**
 * Notes: one Markdown note per paper. Every save that changes the text is kept as a revision;
 * saves in quick succession (one typing burst, autosaved every half second) coalesce into the
 * burst's revision so history stays readable — except a save that deletes most of the text,
 * which always starts a new revision. Nothing a person wrote is ever deleted here.
 */
import type { Note, NoteRevision, NoteSummary, Status } from '../../shared/contract'
import type { DB } from './db'
import { LibraryError } from './db'
import { noteExcerpt } from './note-excerpt'
import { STATUS_JOIN } from './papers'
import { toMatchExpression } from './search'
import { nowIso, stmt } from './statements'

/** Saves closer together than this belong to one burst (one revision). */
export const REVISION_BURST_MS = 60_000

export function getNote(db: DB, paperId: number): Note {
  const r = stmt<[number], { body: string; updated_at: string }>(
    db,
    'SELECT body, updated_at FROM notes WHERE paper_id = ?'
  ).get(paperId)
  if (!r) assertPaper(db, paperId)
  return { paperId, body: r?.body ?? '', updatedAt: r?.updated_at ?? null }
}

function assertPaper(db: DB, paperId: number): void {
  if (!stmt<[number], { id: number }>(db, 'SELECT id FROM papers WHERE id = ?').get(paperId)) {
    throw new LibraryError('not-found', `No paper with id ${paperId}`)
  }
}

/**
 * `newRevision`: never coalesce into the previous revision (a restore is its own revision, so the
 * text it replaces stays in the history).
 */
export function saveNote(
  db: DB,
  paperId: number,
  body: string,
  now = nowIso(),
  options: { newRevision?: boolean } = {}
): Note {
  return db
    .transaction((): Note => {
      assertPaper(db, paperId)
      const current = stmt<[number], { body: string; updated_at: string }>(
        db,
        'SELECT body, updated_at FROM notes WHERE paper_id = ?'
      ).get(paperId)
      if (current && current.body === body) return { paperId, body, updatedAt: current.updated_at }
      if (!current && body === '') return { paperId, body, updatedAt: null }
      if (current) {
        stmt(db, 'UPDATE notes SET body = ?, updated_at = ? WHERE paper_id = ?').run(body, now, paperId)
      } else {
        stmt(db, 'INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(
          paperId,
          body,
          now,
          now
        )
      }
      const last = stmt<[number], { id: number; body: string; saved_at: string }>(
        db,
        'SELECT id, body, saved_at FROM note_revisions WHERE paper_id = ? ORDER BY id DESC LIMIT 1'
      ).get(paperId)
      // Coalesce a typing burst, but never let a big deletion (or clearing) overwrite the text it removed.
      const destructive = body.trim() === '' || (last !== undefined && body.length < last.body.length / 2)
      if (
        last &&
        !destructive &&
        !options.newRevision &&
        Date.parse(now) - Date.parse(last.saved_at) < REVISION_BURST_MS
      ) {
        stmt(db, 'UPDATE note_revisions SET body = ?, saved_at = ? WHERE id = ?').run(body, now, last.id)
      } else {
        stmt(db, 'INSERT INTO note_revisions (paper_id, body, saved_at) VALUES (?, ?, ?)').run(paperId, body, now)
      }
      return { paperId, body, updatedAt: now }
    })
    .immediate()
}

/** A note's revisions, newest first (at most `limit`). */
export function listRevisions(db: DB, paperId: number, limit = 1_000_000): NoteRevision[] {
  return stmt<[number, number], { id: number; body: string; saved_at: string }>(
    db,
    'SELECT id, body, saved_at FROM note_revisions WHERE paper_id = ? ORDER BY id DESC LIMIT ?'
  )
    .all(paperId, limit)
    .map((r) => ({ id: r.id, body: r.body, savedAt: r.saved_at }))
}

/**
 * Put an older revision's text back as the note. The restore is itself a new revision, so the
 * text it replaces stays in the history; restoring the text the note already has changes nothing.
 */
export function restoreRevision(db: DB, paperId: number, revisionId: number, now = nowIso()): Note {
  return db
    .transaction((): Note => {
      const rev = stmt<[number, number], { body: string }>(
        db,
        'SELECT body FROM note_revisions WHERE id = ? AND paper_id = ?'
      ).get(revisionId, paperId)
      if (!rev) {
        assertPaper(db, paperId)
        throw new LibraryError('not-found', `The note on paper ${paperId} has no revision ${revisionId}`)
      }
      return saveNote(db, paperId, rev.body, now, { newRevision: true })
    })
    .immediate()
}

export interface NotesFilter {
  /** Full-text search in the notes' text. */
  query?: string
  tag?: string
  status?: Status
}

/** Papers with a note, newest edited first, optionally searched (notes only) and filtered. */
export function listNotes(db: DB, filter: string | NotesFilter | undefined, limit: number): NoteSummary[] {
  const f: NotesFilter = typeof filter === 'string' ? { query: filter } : (filter ?? {})
  const match = f.query ? toMatchExpression(f.query, 'notes') : null
  const where = ['p.has_note = 1']
  const params: unknown[] = []
  if (match) {
    where.push('n.paper_id IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)')
    params.push(match)
  }
  if (f.tag) {
    where.push('p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name = ?)')
    params.push(f.tag)
  }
  if (f.status) {
    // +: walk the notes (few) and check each one's status, never every paper of that status.
    where.push('+s.status = ?')
    params.push(f.status)
  }
  const rows = stmt<unknown[], { id: number; title: string; status: Status; body: string; updated_at: string }>(
    db,
    `SELECT p.id, p.title, s.status, n.body, n.updated_at
       FROM notes n JOIN papers p ON p.id = n.paper_id ${STATUS_JOIN}
      WHERE ${where.join(' AND ')}
      ORDER BY n.updated_at DESC, p.id LIMIT ?`
  ).all(...params, limit)
  return rows.map((r) => ({
    paperId: r.id,
    title: r.title,
    status: r.status,
    excerpt: noteExcerpt(r.body),
    updatedAt: r.updated_at
  }))
}
