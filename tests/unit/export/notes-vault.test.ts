import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportNotes, readFrontMatter } from '../../../src/main/export/notes-vault'
import { NameAllocator, safeStem } from '../../../src/main/export/file-names'
import { saveNote } from '../../../src/main/library/notes'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { tagPapers } from '../../../src/main/library/tags'
import { addDigest, paper } from '../../helpers/papers'
import { tempDir, tempLibrary } from '../../helpers/temp'

describe('safe file names', () => {
  it('never leave the folder and avoid reserved or hostile names', () => {
    expect(safeStem('../../etc/passwd')).toBe('etc passwd')
    expect(safeStem('..')).toBe('untitled')
    expect(safeStem('a\\b:c*d?e"f<g>h|i#j^k[l]m')).toBe('a b c d e f g h i j k l m')
    expect(safeStem('CON')).toBe('CON_')
    expect(safeStem('trailing dots...  ')).toBe('trailing dots')
    expect(safeStem('x'.repeat(500))).toHaveLength(120)
    expect(safeStem('line\nbreak\u0000nul')).toBe('line break nul')
    const names = new NameAllocator('.md')
    names.reserve('Taken.md')
    expect([names.take('Same'), names.take('same'), names.take('Same', '2106.09685'), names.take('taken')]).toEqual([
      'Same.md',
      'same (2).md',
      'Same (2106.09685).md',
      'taken (2).md'
    ])
  })
})

describe('notes export (Obsidian vault)', () => {
  let t: ReturnType<typeof tempLibrary>
  let out: ReturnType<typeof tempDir>
  let ids: number[]
  beforeEach(() => {
    t = tempLibrary()
    out = tempDir('folio-vault-')
    ids = addDigest(t.lib, [
      paper('LoRA: Low-Rank Adaptation of Large Language Models', {
        arxivId: '2106.09685',
        authors: ['Edward J. Hu', 'Yelong Shen'],
        links: { abs: 'https://arxiv.org/abs/2106.09685' }
      }),
      paper('../../../escape/attempt', { doi: '10.1/x' }),
      paper('Same Title', { arxivId: '2401.00001' }),
      paper('same title', { arxivId: '2401.00002' }),
      paper('No note here')
    ])
    saveNote(t.lib.db, ids[0]!, '# LoRA\n\n---\nrank *r* adapters: "quotes", colons: yes\n', '2026-01-01T10:00:00.000Z')
    saveNote(t.lib.db, ids[1]!, 'traversal?')
    saveNote(t.lib.db, ids[2]!, 'first')
    saveNote(t.lib.db, ids[3]!, 'second')
    tagPapers(t.lib.db, [ids[0]!], ['peft', 'to-cite'])
    setStatus(t.lib.db, [ids[0]!], 'read')
    setStarred(t.lib.db, [ids[0]!], true)
  })
  afterEach(() => {
    t.cleanup()
    out.cleanup()
  })

  it('writes one file per noted paper with front matter that parses back with yaml, and the note exactly', () => {
    const report = exportNotes(t.lib.db, out.dir)
    expect(report.written).toBe(4)
    const files = readdirSync(out.dir).sort()
    expect(files).toEqual(
      [
        'LoRA Low-Rank Adaptation of Large Language Models.md',
        'same title (2401.00002).md',
        'Same Title.md',
        'escape attempt.md'
      ].sort()
    )
    const text = readFileSync(join(out.dir, 'LoRA Low-Rank Adaptation of Large Language Models.md'), 'utf8')
    const doc = readFrontMatter(text)!
    expect(doc.body).toBe('# LoRA\n\n---\nrank *r* adapters: "quotes", colons: yes\n')
    expect(doc.data).toEqual({
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      authors: ['Edward J. Hu', 'Yelong Shen'],
      arxiv: '2106.09685',
      doi: null,
      links: { abs: 'https://arxiv.org/abs/2106.09685' },
      status: 'read',
      starred: true,
      tags: ['peft', 'to-cite'],
      digests: ['2024-06-06'],
      created: '2026-01-01T10:00:00.000Z',
      updated: '2026-01-01T10:00:00.000Z',
      'folio-id': ids[0]
    })
    // The same text through the yaml package directly (what Obsidian and other tools read).
    const raw = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!
    expect(parse(raw)).toEqual(doc.data)
    expect(typeof (parse(raw) as { arxiv: unknown }).arxiv).toBe('string')
  })

  it('re-exporting updates its own files and never overwrites anyone else’s', () => {
    writeFileSync(join(out.dir, 'Same Title.md'), 'my own file, not from Folio')
    exportNotes(t.lib.db, out.dir)
    expect(readFileSync(join(out.dir, 'Same Title.md'), 'utf8')).toBe('my own file, not from Folio')
    const before = readdirSync(out.dir).sort()
    expect(before).toHaveLength(5)
    saveNote(t.lib.db, ids[1]!, 'traversal? updated')
    exportNotes(t.lib.db, out.dir)
    expect(readdirSync(out.dir).sort()).toEqual(before)
    expect(readFrontMatter(readFileSync(join(out.dir, 'escape attempt.md'), 'utf8'))!.body).toBe('traversal? updated')
  })
})
