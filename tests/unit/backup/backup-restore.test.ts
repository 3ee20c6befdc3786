import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_FEED_PAGE } from '../../../src/shared/contract'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { restoreBackup } from '../../../src/main/backup/restore'
import { copyLibrary } from '../../../src/main/backup/sqlite-copy'
import { writeBackup } from '../../../src/main/backup/write-backup'
import { importSources } from '../../../src/main/import/import-files'
import { counts } from '../../../src/main/library/counts'
import { feedPage } from '../../../src/main/library/feed'
import { openLibrary } from '../../../src/main/library/index'
import { getNote, listRevisions, REVISION_BURST_MS, saveNote } from '../../../src/main/library/notes'
import { getPaper } from '../../../src/main/library/papers'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { tagPapers } from '../../../src/main/library/tags'
import { fixture, tempDir, tempLibrary } from '../../helpers/temp'

const NOW = new Date('2026-05-01T12:00:00Z')

/** A library with every kind of data: several digests (merged papers), statuses, stars, tags, notes with history. */
async function fill(lib: ReturnType<typeof openLibrary>): Promise<number[]> {
  const report = await importSources(
    lib,
    ['hf-trending-jun6.txt', 'arxiv-rss.xml', 'papers.bib', 'hf-daily-papers.json', 'arxiv-listing-email.txt'].map(
      (f) => ({ kind: 'path' as const, path: fixture(f) })
    )
  )
  expect(report.rejected).toBe(0)
  const ids = (lib.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[]).slice(0, 8)
  setStatus(lib.db, ids.slice(0, 3), 'read')
  setStatus(lib.db, [ids[3]!], 'reading')
  setStarred(lib.db, [ids[0]!, ids[4]!], true)
  tagPapers(lib.db, ids.slice(0, 4), ['rlhf', 'to read'])
  tagPapers(lib.db, [ids[5]!], ['Ünïcode'])
  const t0 = Date.parse('2026-01-01T10:00:00Z')
  saveNote(lib.db, ids[0]!, 'first thoughts: zebrafish', new Date(t0).toISOString())
  saveNote(
    lib.db,
    ids[0]!,
    'second thoughts: "quotes", \\backslash, emoji 🦓\nline two',
    new Date(t0 + 2 * REVISION_BURST_MS).toISOString()
  )
  saveNote(lib.db, ids[1]!, 'short note', new Date(t0).toISOString())
  saveNote(lib.db, ids[2]!, 'written then cleared', new Date(t0).toISOString())
  saveNote(lib.db, ids[2]!, '', new Date(t0 + 1000).toISOString())
  return ids
}

describe('backup and restore', () => {
  let src: ReturnType<typeof tempLibrary>
  let dir: ReturnType<typeof tempDir>
  let ids: number[]
  beforeEach(async () => {
    src = tempLibrary()
    dir = tempDir('folio-backup-')
    ids = await fill(src.lib)
  })
  afterEach(() => {
    src.cleanup()
    dir.cleanup()
  })

  it('backup -> restore into an empty library -> backup is byte-identical, and the library behaves the same', async () => {
    const first = join(dir.dir, 'first.jsonl')
    const written = writeBackup(src.lib.db, first, NOW)
    expect(written.papers).toBeGreaterThan(50)
    const restored = openLibrary(join(dir.dir, 'restored.sqlite'))
    try {
      const report = restoreBackup(restored.db, first)
      expect(report).toMatchObject({ papers: written.papers, digests: 5, tags: 3, notes: 3, revisions: 5 })
      const second = join(dir.dir, 'second.jsonl')
      writeBackup(restored.db, second, NOW)
      expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'))

      // Derived state (trigger-kept counts, has_note, search index) is rebuilt, not just copied.
      expect(counts(restored.db)).toEqual(counts(src.lib.db))
      for (const id of ids) expect(getPaper(restored.db, id)).toEqual(getPaper(src.lib.db, id))
      expect(getNote(restored.db, ids[0]!)).toEqual(getNote(src.lib.db, ids[0]!))
      expect(listRevisions(restored.db, ids[2]!)).toEqual(listRevisions(src.lib.db, ids[2]!))
      for (const q of ['zebrafish', 'thoughts', 'tag:rlhf', 'alignment', 'status:read starred']) {
        expect(feedPage(restored.db, { query: q }).items, q).toEqual(feedPage(src.lib.db, { query: q }).items)
      }
      expect(feedPage(restored.db, { query: 'zebrafish' }).items.map((r) => r.id)).toEqual([])
      expect(feedPage(restored.db, { query: 'emoji' }).items.map((r) => r.id)).toEqual([ids[0]])
      for (const sort of ['digest', 'firstSeen', 'title'] as const) {
        expect(feedPage(restored.db, { sort, limit: MAX_FEED_PAGE })).toEqual(
          feedPage(src.lib.db, { sort, limit: MAX_FEED_PAGE })
        )
      }
      // Re-importing a digest the backup had is still recognised as already imported.
      const again = await importSources(restored, [{ kind: 'path', path: fixture('arxiv-rss.xml') }])
      expect(again.files[0]!.alreadyImported).toBe(true)
    } finally {
      restored.close()
    }
  })

  it('refuses to restore into a library that holds anything, changing nothing', () => {
    const file = join(dir.dir, 'b.jsonl')
    writeBackup(src.lib.db, file, NOW)
    const before = counts(src.lib.db)
    expect(() => restoreBackup(src.lib.db, file)).toThrow(
      /Restore only fills an empty library, and this one holds \d+ papers, 5 digests, 3 tags, 3 notes, 5 note revisions\. Nothing was changed/
    )
    expect(counts(src.lib.db)).toEqual(before)
  })

  it('validates the file and names the problem; a bad file leaves the library empty', () => {
    const good = join(dir.dir, 'good.jsonl')
    writeBackup(src.lib.db, good, NOW)
    const lines = readFileSync(good, 'utf8').trimEnd().split('\n')
    const paperAt = lines.findIndex((l) => l.startsWith('{"type":"paper"'))
    const variant = (name: string, edit: (ls: string[]) => string[]): string => {
      const f = join(dir.dir, name)
      writeFileSync(f, `${edit([...lines]).join('\n')}\n`)
      return f
    }
    const withPaper = (ls: string[], change: (p: Record<string, unknown>) => void): string[] => {
      const p = JSON.parse(ls[paperAt]!) as Record<string, unknown>
      change(p)
      ls[paperAt] = JSON.stringify(p)
      return ls
    }
    const cases: [string, RegExp][] = [
      [
        variant('truncated.jsonl', (ls) => ls.slice(0, -3)),
        /truncated\.jsonl line \d+: the file ends before its end record \(it was cut short\); the library was not changed/
      ],
      [
        variant('garbage.jsonl', (ls) => ls.map((l, i) => (i === paperAt + 2 ? l.slice(0, 40) : l))),
        new RegExp(`garbage\\.jsonl line ${paperAt + 3}: not valid JSON`)
      ],
      [
        variant('missing.jsonl', (ls) => withPaper(ls, (p) => delete p.title)),
        new RegExp(`missing\\.jsonl line ${paperAt + 1}: paper record: title: `)
      ],
      [
        variant('status.jsonl', (ls) => withPaper(ls, (p) => (p.status = 'done'))),
        /status\.jsonl line \d+: paper record: status: /
      ],
      [
        variant('dangling.jsonl', (ls) =>
          withPaper(ls, (p) => (p.digests = [{ digest: 999, position: 1, extras: {} }]))
        ),
        /lists digest 999, which the backup does not list/
      ],
      [
        variant('dup.jsonl', (ls) => [...ls.slice(0, paperAt + 1), ls[paperAt]!, ...ls.slice(paperAt + 1)]),
        /dup\.jsonl line \d+: duplicate paper/
      ],
      [
        variant('newer.jsonl', (ls) => [ls[0]!.replace('"version":1', '"version":9'), ...ls.slice(1)]),
        /written by a newer Folio \(backup format 9/
      ],
      [variant('counts.jsonl', (ls) => ls.filter((_, i) => i !== paperAt)), /the end record counts/],
      [variant('notbackup.jsonl', () => ['{"hello":"world"}']), /notbackup\.jsonl line 1: not a Folio backup/],
      [fixture('papers.bib'), /papers\.bib line 1: not a Folio backup/],
      [src.path, /this is a SQLite copy of a library, not a backup file/],
      [join(dir.dir, 'absent.jsonl'), /absent\.jsonl: file not found/]
    ]
    const target = openLibrary(join(dir.dir, 'target.sqlite'))
    try {
      for (const [file, message] of cases) {
        expect(() => restoreBackup(target.db, file), file).toThrow(message)
        expect(counts(target.db).views.all, file).toBe(0)
        expect(counts(target.db).digests, file).toEqual([])
        expect(counts(target.db).tags, file).toEqual([])
      }
      // And the good file still restores into it afterwards.
      expect(restoreBackup(target.db, good).papers).toBe(lines.filter((l) => l.startsWith('{"type":"paper"')).length)
    } finally {
      target.close()
    }
  })

  it('makes a consistent SQLite copy with the backup API, never onto the library itself', async () => {
    const dest = join(dir.dir, 'copy.sqlite')
    const r = await copyLibrary(src.lib.db, src.path, dest)
    expect(r.bytes).toBeGreaterThan(0)
    const copy = openLibrary(dest, { readonly: true })
    try {
      expect(counts(copy.db)).toEqual(counts(src.lib.db))
      expect(getNote(copy.db, ids[0]!)).toEqual(getNote(src.lib.db, ids[0]!))
    } finally {
      copy.close()
    }
    await expect(copyLibrary(src.lib.db, src.path, src.path)).rejects.toThrow(/onto the library itself/)
    await expect(copyLibrary(src.lib.db, src.path, `${src.path}-wal`)).rejects.toThrow(/onto the library itself/)
  })
})
