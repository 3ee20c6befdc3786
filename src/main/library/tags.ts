/**
 * Tags: free-form labels on papers. Names are trimmed, whitespace runs become "-" (so every tag
 * works in the search box as `tag:name`) and compared case-insensitively (the column is NOCASE).
 * A tag exists while at least one paper carries it, or until it is deleted; renaming onto an
 * existing name merges the two. Tags never touch notes, statuses or stars.
 */
import type { DB } from './db'
import { LibraryError } from './db'
import { stmt } from './statements'

export const MAX_TAG = 100

/** The stored form of a tag name, or a LibraryError naming what is wrong. */
export function normalizeTag(raw: string): string {
  const name = raw.trim().replace(/^#+/, '').trim().replace(/\s+/g, '-')
  if (!name) throw new LibraryError('bad-tag', `"${raw.slice(0, 100)}" is not a tag name: it is empty`)
  if (name.length > MAX_TAG)
    throw new LibraryError('bad-tag', `Tag names are at most ${MAX_TAG} characters ("${name.slice(0, 40)}…")`)
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new LibraryError('bad-tag', `Tag "${name.slice(0, 40)}" contains control characters`)
  return name
}

function assertPaper(db: DB, paperId: number): void {
  if (!stmt<[number], { id: number }>(db, 'SELECT id FROM papers WHERE id = ?').get(paperId)) {
    throw new LibraryError('not-found', `No paper with id ${paperId}`)
  }
}

function tagId(db: DB, name: string): number | undefined {
  return stmt<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(name)?.id
}

export function paperTags(db: DB, paperId: number): string[] {
  return stmt<[number], { name: string }>(
    db,
    'SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ? ORDER BY t.name'
  )
    .all(paperId)
    .map((r) => r.name)
}

/** Every tag with how many papers carry it, by name. */
export function listTags(db: DB): { name: string; count: number }[] {
  return stmt<[], { name: string; count: number }>(
    db,
    'SELECT t.name, count(pt.paper_id) AS count FROM tags t LEFT JOIN paper_tags pt ON pt.tag_id = t.id GROUP BY t.id ORDER BY t.name'
  ).all()
}

/** Add and/or remove tags on papers; returns each paper's tags afterwards. Unused tags disappear. */
export function tagPapers(
  db: DB,
  paperIds: number[],
  add: string[],
  remove: string[] = []
): { paperId: number; tags: string[] }[] {
  const toAdd = add.map(normalizeTag)
  const toRemove = remove.map(normalizeTag)
  return db
    .transaction(() => {
      for (const id of paperIds) assertPaper(db, id)
      for (const name of toAdd) {
        const id = tagId(db, name) ?? Number(stmt(db, 'INSERT INTO tags (name) VALUES (?)').run(name).lastInsertRowid)
        for (const paperId of paperIds)
          stmt(db, 'INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) VALUES (?, ?)').run(paperId, id)
      }
      for (const name of toRemove) {
        const id = tagId(db, name)
        if (id === undefined) continue
        for (const paperId of paperIds)
          stmt(db, 'DELETE FROM paper_tags WHERE paper_id = ? AND tag_id = ?').run(paperId, id)
        stmt(db, 'DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM paper_tags WHERE tag_id = ?)').run(id, id)
      }
      return paperIds.map((paperId) => ({ paperId, tags: paperTags(db, paperId) }))
    })
    .immediate()
}

/**
 * Rename a tag everywhere. Renaming onto another existing tag merges them (papers keep one tag);
 * a change of case only renames. Returns how many papers carry the new name.
 */
export function renameTag(db: DB, from: string, to: string): { name: string; papers: number } {
  const oldName = normalizeTag(from)
  const newName = normalizeTag(to)
  return db
    .transaction(() => {
      const oldId = tagId(db, oldName)
      if (oldId === undefined) throw new LibraryError('not-found', `No tag "${oldName}"`)
      const targetId = tagId(db, newName)
      if (targetId === undefined || targetId === oldId) {
        stmt(db, 'UPDATE tags SET name = ? WHERE id = ?').run(newName, oldId)
      } else {
        stmt(
          db,
          'INSERT OR IGNORE INTO paper_tags (paper_id, tag_id) SELECT paper_id, ? FROM paper_tags WHERE tag_id = ?'
        ).run(targetId, oldId)
        stmt(db, 'DELETE FROM tags WHERE id = ?').run(oldId) // cascades to its paper_tags rows
      }
      const id = targetId ?? oldId
      const papers = stmt<[number], { n: number }>(db, 'SELECT count(*) AS n FROM paper_tags WHERE tag_id = ?').get(
        id
      )!.n
      const name = stmt<[number], { name: string }>(db, 'SELECT name FROM tags WHERE id = ?').get(id)!.name
      return { name, papers }
    })
    .immediate()
}

/** Delete a tag from every paper (the papers, their notes and everything else stay). */
export function deleteTag(db: DB, name: string): { name: string; papers: number } {
  const tag = normalizeTag(name)
  return db
    .transaction(() => {
      const id = tagId(db, tag)
      if (id === undefined) throw new LibraryError('not-found', `No tag "${tag}"`)
      const papers = stmt<[number], { n: number }>(db, 'SELECT count(*) AS n FROM paper_tags WHERE tag_id = ?').get(
        id
      )!.n
      stmt(db, 'DELETE FROM tags WHERE id = ?').run(id)
      return { name: tag, papers }
    })
    .immediate()
}
