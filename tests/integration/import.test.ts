import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importSources } from '../../src/main/import/import-files'
import type { ImportSource } from '../../src/main/import/sources'
import { getPaper } from '../../src/main/library/papers'
import { saveNote } from '../../src/main/library/notes'
import { setStatus } from '../../src/main/library/status'
import { fixture, tempLibrary } from '../helpers/temp'

const GOOD = [
  'hf-daily-papers.json',
  'arxiv-listing-email.txt',
  'arxiv-rss.xml',
  'arxiv-atom.xml',
  'papers.bib',
  'papers.ris',
  'hf-trending-crlf.txt'
]
const path = (name: string): ImportSource => ({ kind: 'path', path: fixture(name) })

/** Everything in the library, as comparable data (to prove "unchanged"). */
function snapshot(t: ReturnType<typeof tempLibrary>): unknown {
  const all = (sql: string): unknown[] => t.lib.db.prepare(sql).all()
  return {
    papers: all('SELECT * FROM papers ORDER BY id'),
    digests: all('SELECT id, content_hash, paper_count FROM digests ORDER BY id'),
    links: all('SELECT * FROM digest_papers ORDER BY digest_id, paper_id'),
    notes: all('SELECT * FROM notes ORDER BY paper_id')
  }
}

describe('importing digests', () => {
  let t: ReturnType<typeof tempLibrary>
  beforeEach(() => (t = tempLibrary()))
  afterEach(() => t.cleanup())
  const paperCount = (): number => t.lib.db.prepare('SELECT count(*) FROM papers').pluck().get() as number

  it('imports the real trending page: 61 papers, exact first and last titles, code links, inferred year', async () => {
    const r = await importSources(t.lib, [path('hf-trending-jun6.txt')])
    expect(r).toMatchObject({ added: 61, merged: 0, rejected: 0 })
    expect(r.files[0]).toMatchObject({ ok: true, format: 'hf-text', papers: 61 })
    const titles = t.lib.db
      .prepare('SELECT p.title FROM digest_papers dp JOIN papers p ON p.id = dp.paper_id ORDER BY dp.position')
      .pluck()
      .all()
    expect(titles).toHaveLength(61)
    expect(titles[0]).toBe(
      'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences'
    )
    expect(titles[60]).toBe('Generative Marginalization Models')
    for (const boiler of [
      'new',
      'Subscribe',
      'Get trending papers in your email inbox!',
      'byAK and the research community',
      'Jun 6'
    ]) {
      expect(titles).not.toContain(boiler)
    }
    const codeLinks = t.lib.db
      .prepare("SELECT json_extract(links, '$.code') FROM papers WHERE json_extract(links, '$.code') IS NOT NULL")
      .pluck()
      .all() as string[]
    expect(codeLinks).toContain('https://github.com/ZhentingWang/DUMP')
    expect(codeLinks.every((u) => !/[.,;:]$/.test(u))).toBe(true)
    const digest = t.lib.db.prepare('SELECT digest_date, date_inferred, format FROM digests').get() as {
      digest_date: string
      date_inferred: number
    }
    expect(digest.digest_date).toMatch(/^\d{4}-06-06$/)
    expect(digest.date_inferred).toBe(1)
  })

  it('is idempotent: re-importing the same bytes adds nothing, even under another name', async () => {
    await importSources(t.lib, [path('hf-trending-jun6.txt')])
    const before = snapshot(t)
    const copy = join(t.dir, 'renamed.txt')
    copyFileSync(fixture('hf-trending-jun6.txt'), copy)
    const again = await importSources(t.lib, [path('hf-trending-jun6.txt'), { kind: 'path', path: copy }])
    expect(again).toMatchObject({ added: 0, merged: 0, rejected: 0 })
    expect(again.files.every((f) => f.alreadyImported)).toBe(true)
    expect(snapshot(t)).toEqual(before)
  })

  it('a changed file with the same name is a new digest; known papers are linked, not duplicated', async () => {
    const file = join(t.dir, 'digest.txt')
    const text = readFileSync(fixture('hf-trending-crlf.txt'), 'utf8')
    writeFileSync(file, text)
    await importSources(t.lib, [{ kind: 'path', path: file }])
    writeFileSync(
      file,
      text.replace(/\r\n$/, '') +
        '\r\n\r\nA Brand New Paper Title\r\n\r\nThis abstract is long enough to be an abstract and ends with a full stop, as abstracts do.\r\n'
    )
    const r = await importSources(t.lib, [{ kind: 'path', path: file }])
    expect(r).toMatchObject({ added: 1, merged: 3 })
    expect(t.lib.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(2)
  })

  it('the 7 good samples in any order make 17 papers; cross-file duplicates become one paper remembering every digest', async () => {
    for (const order of [GOOD, [...GOOD].reverse()]) {
      const t2 = tempLibrary()
      try {
        const r = await importSources(t2.lib, order.map(path))
        expect(r.rejected).toBe(0)
        expect(t2.lib.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(17)
        const resnet = t2.lib.db.prepare("SELECT id FROM papers WHERE arxiv_id = '1512.03385'").pluck().get() as number
        expect(
          getPaper(t2.lib.db, resnet)
            .digests.map((d) => d.format)
            .sort()
        ).toEqual(['arxiv-atom', 'bibtex', 'hf-json'])
        const lora = getPaper(
          t2.lib.db,
          t2.lib.db.prepare("SELECT id FROM papers WHERE arxiv_id = '2106.09685'").pluck().get() as number
        )
        expect(lora.digests.map((d) => d.format).sort()).toEqual(['arxiv-rss', 'hf-json', 'hf-text'])
        expect(lora.title).not.toMatch(/\n/)
        const rssLink = lora.digests.find((d) => d.format === 'arxiv-rss')!
        expect(rssLink.extras).toMatchObject({ announceType: 'replace-cross' })
        const numpy = t2.lib.db
          .prepare("SELECT arxiv_id, doi, seen_in FROM papers WHERE doi = '10.1038/s41586-020-2649-2'")
          .get()
        expect(numpy).toEqual({ arxiv_id: '2006.10256', doi: '10.1038/s41586-020-2649-2', seen_in: 2 })
        const ddpm = t2.lib.db
          .prepare("SELECT arxiv_id, seen_in FROM papers WHERE title_key = 'denoising diffusion probabilistic models'")
          .get()
        expect(ddpm).toEqual({ arxiv_id: '2006.11239', seen_in: 2 })
        const snn = getPaper(
          t2.lib.db,
          t2.lib.db.prepare("SELECT id FROM papers WHERE arxiv_id = '1706.02515'").pluck().get() as number
        )
        expect(snn.authors).toContain('Günter Klambauer')
      } finally {
        t2.cleanup()
      }
    }
  })

  it('refuses bad files with a message naming the file and the reason, imports the good ones, and changes nothing for the bad', async () => {
    const folder = join(t.dir, 'mixed')
    mkdirSync(join(folder, 'sub'), { recursive: true })
    for (const f of ['empty.txt', 'binary.bin', 'truncated.json', 'not-a-digest.txt'])
      copyFileSync(fixture(`bad/${f}`), join(folder, f))
    copyFileSync(fixture('arxiv-rss.xml'), join(folder, 'sub', 'feed.xml'))
    copyFileSync(fixture('bad/utf16.txt'), join(folder, 'sub', 'notepad.txt'))
    const r = await importSources(t.lib, [
      { kind: 'path', path: folder },
      { kind: 'path', path: join(t.dir, 'vanished.txt') }
    ])
    expect(r.rejected).toBe(5)
    expect(r.added).toBe(6)
    const errors = Object.fromEntries(r.files.filter((f) => !f.ok).map((f) => [f.file.split('/').pop(), f.error]))
    expect(errors['empty.txt']).toMatch(/empty\.txt: empty file/)
    expect(errors['binary.bin']).toMatch(/binary\.bin: not a text file/)
    expect(errors['truncated.json']).toMatch(/truncated\.json: .*JSON.*position \d+/)
    expect(errors['not-a-digest.txt']).toMatch(/not-a-digest\.txt: unrecognised format/)
    expect(errors['vanished.txt']).toMatch(/vanished\.txt: file not found/)
    expect(paperCount()).toBe(6)
    const titles = t.lib.db.prepare('SELECT title FROM papers').pluck().all() as string[]
    expect(titles).toContain('Neural Ordinary Differential Equations')
    expect(titles.every((x) => !x.includes('\u0000') && !x.includes('\r'))).toBe(true)
    expect(t.lib.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(2)
  })

  it('an import into an empty library builds its secondary indexes at the end, in its own transaction: same schema after success, refusal and dry run', async () => {
    const schema = (): unknown =>
      t.lib.db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all()
    const before = schema()
    expect(JSON.stringify(before)).toContain('papers_by_digest')
    const bad = await importSources(t.lib, [{ kind: 'path', path: fixture('bad/truncated.json') }])
    expect(bad.rejected).toBe(1)
    expect(schema()).toEqual(before)
    const dry = await importSources(t.lib, [path('arxiv-rss.xml')], { dryRun: true })
    expect(dry.added).toBeGreaterThan(0)
    expect(schema()).toEqual(before)
    expect(paperCount()).toBe(0)
    const ok = await importSources(t.lib, [path('arxiv-rss.xml')])
    expect(ok.rejected).toBe(0)
    expect(schema()).toEqual(before)
    expect(t.lib.db.pragma('integrity_check', { simple: true })).toBe('ok')
    // The rebuilt indexes serve the feed order.
    const byIndex = t.lib.db
      .prepare('SELECT id FROM papers INDEXED BY papers_by_digest ORDER BY digest_date DESC, id')
      .pluck()
      .all()
    expect(byIndex).toHaveLength(paperCount())
  })

  it('refuses an unreadable file and a file over the size limit, naming the limit', async () => {
    const file = join(t.dir, 'locked.txt')
    copyFileSync(fixture('hf-trending-crlf.txt'), file)
    chmodSync(file, 0o000)
    const r = await importSources(t.lib, [{ kind: 'path', path: file }, path('arxiv-rss.xml')], { maxBytes: 4096 })
    if (process.getuid?.() !== 0) expect(r.files[0]!.error).toMatch(/locked\.txt: permission denied/)
    expect(r.files[1]!.error).toMatch(/arxiv-rss\.xml: file is 5\.1 MB|arxiv-rss\.xml: file is .* the limit is/)
    expect(paperCount()).toBe(r.files[0]!.ok ? 3 : 0)
  })

  it('--dry-run reports what would be added and merged and writes nothing', async () => {
    await importSources(t.lib, [path('hf-daily-papers.json')])
    const before = snapshot(t)
    const r = await importSources(t.lib, [path('arxiv-rss.xml')], { dryRun: true })
    expect(r).toMatchObject({ added: 2, merged: 2, rejected: 0 })
    expect(snapshot(t)).toEqual(before)
  })

  it('never touches status or notes of known papers', async () => {
    await importSources(t.lib, [path('hf-daily-papers.json')])
    const id = t.lib.db.prepare("SELECT id FROM papers WHERE arxiv_id = '2106.09685'").pluck().get() as number
    setStatus(t.lib.db, [id], 'read')
    saveNote(t.lib.db, id, 'keep me')
    await importSources(t.lib, [path('arxiv-rss.xml'), path('hf-trending-crlf.txt')])
    const p = getPaper(t.lib.db, id)
    expect(p.status).toBe('read')
    expect(t.lib.db.prepare('SELECT body FROM notes WHERE paper_id = ?').pluck().get(id)).toBe('keep me')
  })

  describe('the search index: one row per paper, always current', () => {
    const ris = (records: { doi: string; title: string; abstract?: string }[]): string =>
      records
        .map((r) =>
          [
            'TY  - JOUR',
            `TI  - ${r.title}`,
            `DO  - ${r.doi}`,
            ...(r.abstract ? [`AB  - ${r.abstract}`] : []),
            'ER  - ',
            ''
          ].join('\n')
        )
        .join('\n')
    const hits = (word: string): number[] =>
      t.lib.db
        .prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid')
        .pluck()
        .all(word) as number[]
    const importText = async (name: string, text: string) => {
      const file = join(t.dir, name)
      writeFileSync(file, text)
      const r = await importSources(t.lib, [{ kind: 'path', path: file }])
      expect(r.rejected).toBe(0)
      return r
    }

    it('a digest listing a paper twice indexes it once, with the text it ends up with', async () => {
      await importText(
        'twice.ris',
        ris([
          { doi: '10.1000/twice', title: 'Sparse routers', abstract: 'Alphaword only here.' },
          { doi: '10.1000/other', title: 'Another paper', abstract: 'Nothing to see.' },
          {
            doi: '10.1000/twice',
            title: 'Sparse routers',
            abstract: 'Betaword in a longer and richer abstract that the merge keeps instead.'
          }
        ])
      )
      const id = t.lib.db.prepare("SELECT id FROM papers WHERE doi = '10.1000/twice'").pluck().get() as number
      const abstract = t.lib.db
        .prepare('SELECT abstract FROM paper_abstracts WHERE paper_id = ?')
        .pluck()
        .get(id) as string
      expect(abstract).toMatch(/Betaword/)
      expect(hits('betaword')).toEqual([id]) // one index row, not one per listing
      expect(hits('routers')).toEqual([id])
      expect(hits('alphaword')).toEqual([]) // the replaced text is not findable
    })

    it('an abstract that a later digest adds to a paper already in the library is searchable', async () => {
      await importText('first.ris', ris([{ doi: '10.1000/late', title: 'Late abstracts' }]))
      const id = t.lib.db.prepare("SELECT id FROM papers WHERE doi = '10.1000/late'").pluck().get() as number
      expect(hits('gammaword')).toEqual([])
      await importText(
        'second.ris',
        ris([{ doi: '10.1000/late', title: 'Late abstracts', abstract: 'Gammaword arrives with the second digest.' }])
      )
      expect(hits('gammaword')).toEqual([id])
      expect(hits('late')).toEqual([id])
    })
  })
})
