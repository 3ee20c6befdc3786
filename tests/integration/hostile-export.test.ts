/**
 * Hostile text stays inert in every export: the hostile digests (plus a paper whose title and
 * author are spreadsheet formulas, a hostile note and tag) exported as Markdown (rendered by
 * markdown-it with raw HTML allowed: no tag, handler or javascript: link appears), BibTeX (read
 * back by Folio's importer to the same titles), CSV (formulas neutralised, one row per paper),
 * JSON (round-trips) and the notes vault (front matter is valid YAML holding the exact title;
 * files stay inside the folder).
 */
import MarkdownIt from 'markdown-it'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseDigestText } from '../../src/main/digests/index'
import { exportNotes } from '../../src/main/export/notes-vault'
import { exportReadingList } from '../../src/main/export/reading-list'
import { importSources } from '../../src/main/import/import-files'
import { saveNote } from '../../src/main/library/notes'
import { getPaper } from '../../src/main/library/papers'
import { tagPapers } from '../../src/main/library/tags'
import { fixture, tempLibrary } from '../helpers/temp'

const FORMULA_RIS = `TY  - JOUR
TI  - =HYPERLINK("javascript:alert(1)","click")
AU  - @SUM(1+1), Mallory
AB  - +cmd|' /C calc'!A0
PY  - 2024
ER  - 
`

describe('hostile text in exports', () => {
  let t: ReturnType<typeof tempLibrary>
  let titles: string[]
  let shortIds: number[]
  beforeAll(async () => {
    t = tempLibrary()
    const report = await importSources(t.lib, [
      { kind: 'path', path: fixture('hostile/hf-daily-papers-hostile.json') },
      { kind: 'path', path: fixture('hostile/arxiv-rss-hostile.xml') },
      { kind: 'bytes', name: 'formula.ris', bytes: Buffer.from(FORMULA_RIS) }
    ])
    expect(report.rejected).toBe(0)
    const ids = t.lib.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[]
    titles = ids.map((id) => getPaper(t.lib.db, id).title)
    shortIds = ids.filter((id) => getPaper(t.lib.db, id).abstract.length < 10_000)
    saveNote(t.lib.db, ids[0]!, '<script>window.__pwned=1</script>\n\n---\ntitle: injected\n---\n')
    saveNote(t.lib.db, ids[1]!, 'plain note')
    tagPapers(t.lib.db, ids, ["'; DROP TABLE papers;--", '<img src=x onerror=alert(1)>'], [])
  })
  afterAll(() => t.cleanup())

  it('Markdown: rendered even with raw HTML allowed, nothing active appears', () => {
    const { text } = exportReadingList(t.lib.db, 'md')
    const html = new MarkdownIt({ html: true, linkify: true }).render(text)
    expect(html).not.toMatch(/<(script|img|svg|iframe|object|embed|b)\b/i)
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i) // no handler attribute on any tag
    for (const href of [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)) expect(href).toMatch(/^https?:\/\//)
    // the text is still all there, as text
    expect(html).toContain('Hostile &lt;script&gt;window.__pwned=1&lt;/script&gt; Attention')
  })

  it('BibTeX: Folio reads its own export back to the same titles', () => {
    // Without the paper with a 100 KB abstract: the BibTeX parser needs ~10 s for a field that long.
    tagPapers(t.lib.db, shortIds, ['short'], [])
    const { text } = exportReadingList(t.lib.db, 'bib', { tag: 'short' })
    const back = parseDigestText(text, { fileName: 'export.bib' })
    const expected = shortIds.map((id) => getPaper(t.lib.db, id).title)
    expect(back.papers.map((p) => p.title).sort()).toEqual(expected.sort())
  })

  it('CSV: one row per paper, formulas neutralised', () => {
    const { text } = exportReadingList(t.lib.db, 'csv')
    const cells = parseCsv(text)
    expect(cells).toHaveLength(titles.length + 1)
    for (const row of cells) expect(row).toHaveLength(cells[0]!.length)
    for (const row of cells.slice(1))
      for (const cell of row) expect(cell, cell.slice(0, 60)).not.toMatch(/^[=+\-@\t\r]/)
    expect(cells.slice(1).map((r) => r[1])).toContain(`'=HYPERLINK("javascript:alert(1)","click")`)
  })

  it('JSON: round-trips every title exactly', () => {
    const { text } = exportReadingList(t.lib.db, 'json')
    expect((JSON.parse(text) as { title: string }[]).map((p) => p.title).sort()).toEqual([...titles].sort())
  })

  it('notes vault: valid YAML front matter with the exact title; files stay in the folder', () => {
    const dir = join(t.dir, 'vault')
    const report = exportNotes(t.lib.db, dir)
    expect(report.written).toBe(2)
    expect(readdirSync(dir).sort()).toEqual([...report.files].sort())
    for (const name of report.files) {
      expect(name).not.toMatch(/[/\\<>:"|?*]/)
      const text = readFileSync(join(dir, name), 'utf8')
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text)!
      const data = parse(m[1]!) as { title: string; tags: string[] }
      expect(titles).toContain(data.title)
      expect(data.tags.some((tag) => tag.includes('DROP'))).toBe(true)
    }
  })
})

/** A small RFC 4180 reader (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}
