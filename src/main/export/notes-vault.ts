/**
 * Notes → a folder of Markdown files, one per paper with a note, usable as an Obsidian vault:
 * YAML front matter (via the `yaml` package) with the paper's facts, then the note exactly as
 * written. File names come from titles (safe, unique, never outside the folder). Re-exporting
 * into the same folder updates the files Folio wrote (recognised by `folio-id` in their front
 * matter) and never overwrites any other file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse, stringify } from 'yaml'
import type { DB } from '../library/db'
import { LibraryError } from '../library/db'
import { getPaper } from '../library/papers'
import { stmt } from '../library/statements'
import { NameAllocator, safeStem } from './file-names'

export interface NotesExportReport {
  dir: string
  written: number
  files: string[]
}

/** The front matter object for one paper's note. */
export function frontMatter(
  db: DB,
  paperId: number,
  note: { created_at: string; updated_at: string }
): Record<string, unknown> {
  const p = getPaper(db, paperId)
  const digestDates = [...new Set(p.digests.map((d) => d.date).filter((d): d is string => d !== null))].sort()
  return {
    title: p.title,
    authors: p.authors,
    arxiv: p.arxivId ?? null,
    doi: p.doi ?? null,
    links: p.links,
    status: p.status,
    starred: p.starred,
    tags: p.tags,
    digests: digestDates,
    created: note.created_at,
    updated: note.updated_at,
    'folio-id': p.id
  }
}

/** Split a Markdown file into its front matter (parsed) and body; null when it has none. */
export function readFrontMatter(text: string): { data: Record<string, unknown>; body: string } | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text)
  if (!m) return null
  try {
    const data = parse(m[1] ?? '') as unknown
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null
    return { data: data as Record<string, unknown>, body: text.slice(m[0].length) }
  } catch {
    return null
  }
}

/** Existing .md files in the folder: which belong to which paper (by folio-id), and every name taken. */
function scanFolder(dir: string): { byPaper: Map<number, string>; taken: string[] } {
  const byPaper = new Map<number, string>()
  const taken: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    taken.push(entry.name)
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md')) continue
    let head: string
    try {
      head = readFileSync(join(dir, entry.name), 'utf8').slice(0, 64 * 1024)
    } catch {
      continue
    }
    const id = readFrontMatter(head)?.data['folio-id']
    if (typeof id === 'number' && Number.isInteger(id) && !byPaper.has(id)) byPaper.set(id, entry.name)
  }
  return { byPaper, taken }
}

export function exportNotes(db: DB, dir: string): NotesExportReport {
  const root = resolve(dir)
  try {
    mkdirSync(root, { recursive: true })
  } catch (err) {
    throw new LibraryError('export', `Cannot create the folder ${root}: ${(err as Error).message}`)
  }
  const { byPaper, taken } = scanFolder(root)
  const names = new NameAllocator('.md')
  const ours = new Set(byPaper.values())
  for (const name of taken) if (!ours.has(name)) names.reserve(name)
  for (const name of ours) names.reserve(name)

  const notes = stmt<
    [],
    { paper_id: number; title: string; arxiv_id: string | null; body: string; created_at: string; updated_at: string }
  >(
    db,
    `SELECT n.paper_id, p.title, p.arxiv_id, n.body, n.created_at, n.updated_at
       FROM notes n JOIN papers p ON p.id = n.paper_id WHERE p.has_note = 1 ORDER BY n.paper_id`
  ).all()
  const files: string[] = []
  for (const n of notes) {
    const name = byPaper.get(n.paper_id) ?? names.take(safeStem(n.title), n.arxiv_id ?? undefined)
    const target = join(root, name)
    // Belt and braces: a name can never leave the folder.
    if (resolve(target) !== join(root, name) || name.includes('/') || name.includes('\\')) {
      throw new LibraryError('export', `Refused to write outside ${root}: ${name}`)
    }
    const text = `---\n${stringify(frontMatter(db, n.paper_id, n), { lineWidth: 0 })}---\n${n.body}`
    const tmp = join(root, `.${name}.folio-tmp`)
    writeFileSync(tmp, text)
    renameSync(tmp, target)
    files.push(name)
  }
  return { dir: root, written: files.length, files }
}
