/**
 * Notes: one Markdown note per paper. Every save that changes the text is kept as a revision;
 * saves in quick succession (one typing burst, autosaved every half second) coalesce into the
 * burst's revision so history stays readable — except a save that deletes most of the text,
 * which always starts a new revision. Nothing a person wrote is ever deleted here.
 */
import type { Note, NoteSummary } from '../../preload/api'
import type { DB } from './db'
import { LibraryError } from './db'
import { toMatchExpression } from './search'
import { nowIso, stmt } from './statements'

/** Saves closer together than this belong to one burst (one revision). */
export const REVISION_BURST_MS = 60_000

export function getNote(db: DB, paperId: number): Note {
  const r = stmt<[number], { body: string; updated_at: string }>(db, 'SELECT body, updated_at FROM notes WHERE paper_id = ?').get(paperId)
  if (!r) assertPaper(db, paperId)
  return { paperId, body: r?.body ?? '', updatedAt: r?.updated_at ?? null }
}

function assertPaper(db: DB, paperId: number): void {
  if (!stmt<[number], { id: number }>(db, 'SELECT id FROM papers WHERE id = ?').get(paperId)) {
    throw new LibraryError('not-found', `No paper with id ${paperId}`)
  }
}

export function saveNote(db: DB, paperId: number, body: string, now = nowIso()): Note {
  return db.transaction((): Note => {
    assertPaper(db, paperId)
    const current = stmt<[number], { body: string; updated_at: string }>(db, 'SELECT body, updated_at FROM notes WHERE paper_id = ?').get(paperId)
    if (current && current.body === body) return { paperId, body, updatedAt: current.updated_at }
    if (!current && body === '') return { paperId, body, updatedAt: null }
    if (current) {
      stmt(db, 'UPDATE notes SET body = ?, updated_at = ? WHERE paper_id = ?').run(body, now, paperId)
    } else {
      stmt(db, 'INSERT INTO notes (paper_id, body, created_at, updated_at) VALUES (?, ?, ?, ?)').run(paperId, body, now, now)
    }
    const last = stmt<[number], { id: number; body: string; saved_at: string }>(
      db,
      'SELECT id, body, saved_at FROM note_revisions WHERE paper_id = ? ORDER BY id DESC LIMIT 1'
    ).get(paperId)
    // Coalesce a typing burst, but never let a big deletion (or clearing) overwrite the text it removed.
    const destructive = body.trim() === '' || (last !== undefined && body.length < last.body.length / 2)
    if (last && !destructive && Date.parse(now) - Date.parse(last.saved_at) < REVISION_BURST_MS) {
      stmt(db, 'UPDATE note_revisions SET body = ?, saved_at = ? WHERE id = ?').run(body, now, last.id)
    } else {
      stmt(db, 'INSERT INTO note_revisions (paper_id, body, saved_at) VALUES (?, ?, ?)').run(paperId, body, now)
    }
    return { paperId, body, updatedAt: now }
  }).immediate()
}

export function listRevisions(db: DB, paperId: number): { id: number; body: string; savedAt: string }[] {
  return stmt<[number], { id: number; body: string; saved_at: string }>(
    db,
    'SELECT id, body, saved_at FROM note_revisions WHERE paper_id = ? ORDER BY id DESC'
  )
    .all(paperId)
    .map((r) => ({ id: r.id, body: r.body, savedAt: r.saved_at }))
}

function excerpt(body: string): string {
  const lines = body.split('\n').map((l) => l.trim()).filter(Boolean)
  const text = lines.slice(0, 3).join(' ')
  return text.length > 240 ? `${text.slice(0, 239)}…` : text
}

export function listNotes(db: DB, query: string | undefined, limit: number): NoteSummary[] {
  const match = query ? toMatchExpression(query, 'notes') : null
  const rows = match
    ? stmt<[string, number], { id: number; title: string; status: NoteSummary['status']; body: string; updated_at: string }>(
        db,
        `SELECT p.id, p.title, p.status, n.body, n.updated_at
           FROM search_index s JOIN notes n ON n.paper_id = s.rowid JOIN papers p ON p.id = n.paper_id
          WHERE search_index MATCH ? AND p.has_note = 1
          ORDER BY n.updated_at DESC LIMIT ?`
      ).all(match, limit)
    : stmt<[number], { id: number; title: string; status: NoteSummary['status']; body: string; updated_at: string }>(
        db,
        `SELECT p.id, p.title, p.status, n.body, n.updated_at
           FROM notes n JOIN papers p ON p.id = n.paper_id
          WHERE p.has_note = 1
          ORDER BY n.updated_at DESC LIMIT ?`
      ).all(limit)
  return rows.map((r) => ({ paperId: r.id, title: r.title, status: r.status, excerpt: excerpt(r.body), updatedAt: r.updated_at }))
}
