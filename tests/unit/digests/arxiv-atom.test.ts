import { describe, expect, it } from 'vitest'
import { byId, expectCleanFields, parseFixture, parseText } from './helpers'

describe('arXiv API Atom: arxiv-atom.xml', () => {
  const d = parseFixture('arxiv-atom.xml')

  it('yields the 3 entries (feed-level elements are not papers)', () => {
    expect(d.format).toBe('arxiv-atom')
    expect(d.papers.map((p) => [p.arxivId, p.version])).toEqual([
      ['physics/0004057', 'v1'],
      ['1512.03385', 'v1'],
      ['2006.10256', 'v1']
    ])
    expect(d.papers.map((p) => p.title)).not.toContain('Error')
    expect(d.papers.some((p) => p.title.startsWith('ArXiv Query'))).toBe(false)
    expect(d.date).toBe('2025-01-14')
    expectCleanFields(d)
  })

  it('old-style id keeps its slash; four categories with the primary first', () => {
    const ib = byId(d, 'physics/0004057')
    expect(ib.links).toMatchObject({
      abs: 'https://arxiv.org/abs/physics/0004057',
      pdf: 'https://arxiv.org/pdf/physics/0004057'
    })
    expect(ib.categories).toEqual(['physics.data-an', 'cond-mat.dis-nn', 'cs.LG', 'nlin.AD'])
    expect(ib.published).toBe('2000-04-24T15:22:28Z')
    expect(ib.extras.comments).toBe('16 pages')
  })

  it('summaries lose the leading indent, hard wraps and trailing newline', () => {
    const ib = byId(d, 'physics/0004057')
    expect(ib.abstract).toMatch(
      /^We ask which part of a signal X is relevant for predicting another signal Y, and answer it/
    )
    expect(ib.abstract).toMatch(/iterative algorithm\.$/)
    for (const p of d.papers) expect(p.abstract).not.toMatch(/\n|^\s|\s$/)
  })

  it('keeps authors and affiliations', () => {
    const resnet = byId(d, '1512.03385')
    expect(resnet.authors).toEqual(['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'])
    expect(resnet.extras.affiliations).toEqual({ 'Kaiming He': ['Microsoft Research'] })
  })

  it('NumPy: DOI, doi link, journal ref, 26 authors with non-ASCII names', () => {
    const np = byId(d, '2006.10256')
    expect(np.doi).toBe('10.1038/s41586-020-2649-2')
    expect(np.links.doi).toMatch(/^https?:\/\/(dx\.)?doi\.org\/10\.1038\/s41586-020-2649-2$/)
    expect(typeof np.extras.journalRef).toBe('string')
    expect(np.extras.journalRef).not.toMatch(/\n| {2}/)
    expect(np.authors).toHaveLength(26)
    expect(np.authors).toEqual(
      expect.arrayContaining(['Stéfan J. van der Walt', 'Jaime Fernández del Río', 'Pierre Gérard-Marchant'])
    )
  })
})

const FEED = (entries: string, total = 1): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom"><id>https://arxiv.org/api/abc</id><title>ArXiv Query</title><updated>2025-01-14T00:00:00-05:00</updated><opensearch:totalResults>${total}</opensearch:totalResults>${entries}</feed>`

describe('arXiv Atom edge cases', () => {
  it('an API error feed becomes "arXiv API error: …", not a paper called Error', () => {
    const err = `<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id><title>Error</title><summary>incorrect id format for 1234.12345</summary><updated>2025-01-14T00:00:00-05:00</updated><link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/><author><name>arXiv api core</name></author></entry>`
    expect(() => parseText(FEED(err))).toThrow(/^arXiv API error: incorrect id format for 1234\.12345$/)
  })

  it('a real paper titled "Error" is still importable', () => {
    const e = `<entry><id>https://arxiv.org/abs/2401.00001v2</id><title>Error</title><summary>About errors.</summary><author><name>Jane Doe</name></author></entry>`
    const d = parseText(FEED(e))
    expect(d.papers[0]).toMatchObject({ title: 'Error', arxivId: '2401.00001', version: 'v2', authors: ['Jane Doe'] })
  })

  it('an empty result is "no papers found"', () => {
    expect(() => parseText(FEED('', 0))).toThrow(/^no papers found/)
  })

  it('the RSS service Atom variant: oai ids, announce types, description prefix, dc:creator', () => {
    const e = `<entry><id>oai:arXiv.org:2106.09685v2</id><title>LoRA</title><summary>arXiv:2106.09685v2 Announce Type: replace-cross 
Abstract: We freeze &lt;weights&gt;.</summary><category term="cs.CL"/><published>2025-01-14T00:00:00-05:00</published><arxiv:announce_type>replace-cross</arxiv:announce_type><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Edward J. Hu, Yelong Shen</dc:creator></entry>`
    const d = parseText(
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><id>http://rss.arxiv.org/atom/cs.LG</id><updated>2025-01-14T00:00:00-05:00</updated>${e}</feed>`
    )
    expect(d.papers[0]).toMatchObject({
      arxivId: '2106.09685',
      version: 'v2',
      abstract: 'We freeze <weights>.',
      authors: ['Edward J. Hu', 'Yelong Shen'],
      categories: ['cs.CL'],
      extras: { announceType: 'replace-cross', announced: '2025-01-14' }
    })
  })
})
