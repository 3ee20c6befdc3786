import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseBibtex } from '../../../src/main/digests/bibtex'
import type { ParsedPaper } from '../../../src/main/digests/types'
import { csvField, exportReadingList } from '../../../src/main/export/reading-list'
import { texEscape } from '../../../src/main/export/bibtex-writer'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { tagPapers } from '../../../src/main/library/tags'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

const PAPERS = [
  paper('Scaling $\\mathcal{O}(n^2)$ attention: 50% faster & C# bindings for a_b', {
    arxivId: '2106.09685',
    version: 'v2',
    authors: ['Jürgen Müller', 'Anna van der Berg', 'DeepMind Team and Co', 'Plato'],
    abstract: 'We cut cost by 100% (really) using $x_{1}$ tricks & more. Code: https://github.com/a/b',
    categories: ['cs.LG']
  }),
  paper('A journal paper with a DOI', {
    doi: '10.1000/j.x.2020.01',
    authors: ["Shaquille O'Neal", 'J. R. R. Tolkien'],
    abstract: 'Plain.'
  }),
  paper('Title only, no ids', {}),
  paper('=HYPERLINK("http://evil") "quoted", with, commas', { authors: ['Ada Lovelace'] })
]

function parseBack(text: string): ParsedPaper[] {
  const out: ParsedPaper[] = []
  const meta = parseBibtex(text, { fileName: 'export.bib' }, (p) => out.push(p))
  expect(meta.warnings).toEqual([])
  return out
}

describe('reading list export', () => {
  let t: ReturnType<typeof tempLibrary>
  let ids: number[]
  beforeEach(() => {
    t = tempLibrary()
    ids = addDigest(t.lib, PAPERS)
    tagPapers(t.lib.db, ids.slice(0, 2), ['rlhf'])
    setStatus(t.lib.db, [ids[1]!], 'read')
    setStarred(t.lib.db, [ids[0]!], true)
  })
  afterEach(() => t.cleanup())

  it('BibTeX parses back with the importer into the same papers', () => {
    const file = exportReadingList(t.lib.db, 'bib')
    expect(file.papers).toBe(4)
    expect(file.fileName).toBe('Folio - all papers.bib')
    const back = parseBack(file.text)
    expect(back).toHaveLength(4)
    const byTitle = new Map(back.map((p) => [p.title, p]))
    for (const orig of PAPERS) {
      const p = byTitle.get(orig.title)
      expect(p, orig.title).toBeDefined()
      expect(p!.authors).toEqual(orig.authors)
      expect(p!.arxivId).toBe(orig.arxivId)
      expect(p!.doi).toBe(orig.doi)
      expect(p!.abstract).toBe(orig.abstract)
    }
    expect(byTitle.get(PAPERS[0]!.title)!.version).toBe('v2')
    expect(byTitle.get(PAPERS[0]!.title)!.categories).toEqual(['cs.LG'])
    // Cite keys are unique and the specials are escaped outside math only.
    expect(file.text).toContain('50\\% faster \\& C\\# bindings for a\\_b')
    expect(file.text).toContain('$\\mathcal{O}(n^2)$')
  })

  it('escapes specials and unbalanced braces so the file always parses', () => {
    expect(texEscape('a {b} $c}$ d')).toBe('a \\{b\\} \\$c\\}\\$ d')
    const tricky = ['Lone { brace', 'closing } first', '100% & # _ ~ ^', 'math $a_{1}$ ok', 'back\\slash']
    t.cleanup()
    t = tempLibrary()
    addDigest(
      t.lib,
      tricky.map((title) => paper(title))
    )
    const back = parseBack(exportReadingList(t.lib.db, 'bib').text).map((p) => p.title)
    expect(back).toHaveLength(tricky.length)
    // Literal braces outside math are written as \{ \}; the importer drops protective braces,
    // so they come back without them. Everything else is exact.
    expect(back).toEqual(
      expect.arrayContaining(['Lone brace', 'closing first', '100% & # _ ~ ^', 'math $a_{1}$ ok', 'back\\slash'])
    )
  })

  it('uses the feed filters: view, tag, search', () => {
    const titles = (f: Parameters<typeof exportReadingList>[2]): string[] =>
      (JSON.parse(exportReadingList(t.lib.db, 'json', f).text) as { title: string }[]).map((p) => p.title)
    expect(titles({})).toHaveLength(4)
    expect(titles({ view: 'read' })).toEqual([PAPERS[1]!.title])
    expect(titles({ view: 'starred' })).toEqual([PAPERS[0]!.title])
    expect(titles({ tag: 'rlhf' }).sort()).toEqual([PAPERS[0]!.title, PAPERS[1]!.title].sort())
    expect(titles({ query: 'tag:rlhf status:unread' })).toEqual([PAPERS[0]!.title])
    expect(titles({ query: 'journal' })).toEqual([PAPERS[1]!.title])
    expect(exportReadingList(t.lib.db, 'md', { view: 'read', tag: 'rlhf' }).fileName).toBe(
      'Folio - read papers, tag rlhf.md'
    )
  })

  it('JSON has every field; CSV quotes and defuses formulas; Markdown escapes titles', () => {
    const json = JSON.parse(exportReadingList(t.lib.db, 'json').text) as Record<string, unknown>[]
    const first = json.find((p) => p.arxivId === '2106.09685')!
    expect(first).toMatchObject({
      starred: true,
      status: 'unread',
      tags: ['rlhf'],
      categories: ['cs.LG'],
      abstract: PAPERS[0]!.abstract
    })
    expect(first.digests).toEqual([expect.objectContaining({ date: '2024-06-06' })])

    expect(csvField('plain')).toBe('plain')
    expect(csvField('a, "b"')).toBe('"a, ""b"""')
    expect(csvField('=1+1')).toBe("'=1+1")
    const csv = exportReadingList(t.lib.db, 'csv').text
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'id,title,authors,arxiv_id,doi,url,status,starred,tags,digest_date,first_seen,published,abstract'
    )
    expect(lines).toHaveLength(5)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") ""quoted"", with, commas"`)

    const md = exportReadingList(t.lib.db, 'md').text
    expect(md).toMatch(/^# Reading list: all papers\n\n4 papers, exported from Folio\./)
    expect(md).toContain(
      '[Scaling $\\\\mathcal{O}(n^2)$ attention: 50% faster & C\\# bindings for a\\_b](<https://arxiv.org/abs/2106.09685>)'
    )
    expect(md).toContain('Unread ★ · #rlhf')
  })
})
