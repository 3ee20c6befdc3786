/**
 * Imported text is data: the hostile digests in tests/fixtures/hostile (markup, javascript:/data:
 * links in every link field, control and bidi characters, very long strings) import as plain
 * text, and only plain http(s) links survive. The E2E side (tests/e2e/hostile-digest.test.ts)
 * checks the renderer shows all of it inert.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PaperDetail } from '../../src/shared/contract'
import { safeHttpUrl } from '../../src/main/digests/urls'
import { cleanLine, sanitizePaper } from '../../src/main/digests/sanitize'
import { importSources } from '../../src/main/import/import-files'
import { search } from '../../src/main/library/feed'
import { getPaper } from '../../src/main/library/papers'
import { fixture, tempLibrary } from '../helpers/temp'

export const HOSTILE_JSON = fixture('hostile/hf-daily-papers-hostile.json')
export const HOSTILE_RSS = fixture('hostile/arxiv-rss-hostile.xml')

// eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

describe('importing hostile digests', () => {
  let t: ReturnType<typeof tempLibrary>
  let papers: PaperDetail[]
  beforeAll(async () => {
    t = tempLibrary()
    const report = await importSources(t.lib, [
      { kind: 'path', path: HOSTILE_JSON },
      { kind: 'path', path: HOSTILE_RSS }
    ])
    expect(report.files.map((f) => f.error ?? 'ok')).toEqual(['ok', 'ok'])
    expect(report.added).toBe(4)
    const ids = t.lib.db.prepare('SELECT id FROM papers ORDER BY id').pluck().all() as number[]
    papers = ids.map((id) => getPaper(t.lib.db, id))
  })
  afterAll(() => t.cleanup())

  const byArxiv = (id: string): PaperDetail => papers.find((p) => p.arxivId === id)!

  it('keeps markup as literal text in titles, abstracts and author names', () => {
    const p = byArxiv('2406.11111')
    expect(p.title).toBe(
      'Hostile <script>window.__pwned=1</script> Attention <img src=x onerror="window.__pwned=2"> Is All You Need'
    )
    expect(p.abstract).toContain('<svg onload="window.__pwned=3"></svg>')
    expect(p.authors).toContain('<b onmouseover="window.__pwned=10">Mallory</b>')
    expect(byArxiv('2406.44444').title).toBe('Escaped <script>window.__pwned=20</script> markup in an RSS title')
    expect(byArxiv('2406.44444').abstract).toContain('<img src=x onerror="window.__pwned=22">')
  })

  it('drops control characters and bidi overrides from every text field', () => {
    for (const p of papers) {
      for (const text of [p.title, p.abstract, ...p.authors, ...p.categories]) {
        expect(UNSAFE_CHARS.test(text), JSON.stringify(text.slice(0, 80))).toBe(false)
      }
    }
    const p = byArxiv('2406.11111')
    expect(p.authors).toContain('Evegnirts Ltd')
    expect(p.authors).toContain('NullByte Bell')
    expect(p.abstract).toContain('Control [31mred[0m and bidi evil text.')
  })

  it('keeps only plain http(s) links: javascript:, data:, credentials and hidden whitespace are dropped', () => {
    for (const p of papers) {
      for (const [key, url] of Object.entries(p.links)) {
        expect(safeHttpUrl(url), `${p.arxivId} ${key}: ${url}`).toBe(url)
        expect(url).toMatch(/^https?:\/\//)
      }
    }
    const a = byArxiv('2406.11111')
    expect(a.links.code).toBeUndefined() // githubRepo javascript:
    expect(a.links.project).toBe('https://example.org/hostile-project') // from the abstract, not projectPage
    expect(byArxiv('2406.22222').links.project).toBeUndefined() // data:
    expect(byArxiv('2406.22222').links.code).toBeUndefined() // JaVaScRiPt:
    const c = byArxiv('2406.33333')
    expect(c.links.code).toBeUndefined() // a URL with a newline and markup after it
    expect(c.links.project).toBe('https://evil.example/') // from the abstract, cut at the quote; the credentials one dropped
  })

  it('very long strings are kept whole, and search works on them', () => {
    expect(byArxiv('2406.22222').abstract.length).toBeGreaterThan(100_000)
    expect(byArxiv('2406.22222').authors[0]).toHaveLength(3000)
    const found = search(t.lib.db, 'hostilesearchword', 10)
    expect(found.items).toHaveLength(4)
  })

  it('sanitizePaper: every parser output goes through it (a link planted by any parser is checked)', () => {
    const clean = sanitizePaper({
      title: 'a\u0000b\nc',
      abstract: 'x\ny\u202e',
      authors: ['\u0007', 'Ann'],
      categories: ['cs.LG'],
      links: {
        abs: 'https://arxiv.org/abs/1',
        pdf: 'javascript:alert(1)',
        url: 'file:///etc/passwd',
        doi: 'https://doi.org/10.1/x y'
      },
      extras: {}
    })
    expect(clean).toMatchObject({
      title: 'ab c',
      abstract: 'x\ny',
      authors: ['Ann'],
      links: { abs: 'https://arxiv.org/abs/1' }
    })
    expect(Object.keys(clean.links)).toEqual(['abs'])
    expect(cleanLine('\u202eabc\u202c')).toBe('abc')
  })
})
