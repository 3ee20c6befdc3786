import { describe, expect, it } from 'vitest'
import { splitRdfTitle } from '../../../src/main/digests/arxiv-rdf'
import { splitAuthorList } from '../../../src/main/digests/names'
import { expectCleanFields, parseFixture, parseText } from './helpers'

const rdf = (items: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://arxiv.org/"><title>cs.LG updates on arXiv.org</title><dc:date>2019-03-04T20:30:00-05:00</dc:date></channel>
${items}
</rdf:RDF>`

describe('arXiv RSS 1.0 (RDF), pre-2024', () => {
  it('variants/arxiv-rss1-rdf.xml: 3 papers with ids, versions, announce types, names and plain-text abstracts', () => {
    const d = parseFixture('variants/arxiv-rss1-rdf.xml')
    expect(d.format).toBe('arxiv-rdf')
    expect(d.date).toBe('2022-01-28')
    expect(d.papers.map((p) => [p.arxivId, p.version, p.extras.announceType, p.title])).toEqual([
      ['2201.11903', 'v1', 'new', 'Chain of Thought Prompting Elicits Reasoning in Large Language Models'],
      ['2201.08239', 'v2', 'replace', 'LaMDA: Language Models for Dialog Applications'],
      ['2112.11446', 'v2', 'cross', 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher']
    ])
    expect(d.papers[0]?.authors).toEqual(['Jason Wei', 'Xuezhi Wang', 'Dale Schuurmans', 'Maarten Bosma', 'Denny Zhou'])
    expect(d.papers[1]?.authors).toEqual(['Romal Thoppilan', 'Daniel De Freitas'])
    expect(d.papers[0]?.abstract).toMatch(/^Prompting a large language model .* sufficient model scale\.$/)
    expect(d.papers[0]?.categories).toEqual(['cs.CL'])
    for (const p of d.papers) expect(p.abstract).not.toMatch(/<|&lt;/)
    expectCleanFields(d)
  })

  it('escaped markup inside the escaped HTML stays literal text; paragraphs stay apart', () => {
    const d = parseText(
      rdf(`<item rdf:about="http://arxiv.org/abs/1901.00001"><title>A Title. (arXiv:1901.00001v3 [cs.LG] UPDATED)</title>
<description>&lt;p&gt;We print &amp;lt;code&amp;gt; and x &amp;gt; 1.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description>
<dc:creator>&lt;a href="x"&gt;Ada Lovelace&lt;/a&gt;</dc:creator></item>`)
    )
    expect(d.papers[0]?.abstract).toBe('We print <code> and x > 1.\n\nSecond paragraph.')
    expect(d.papers[0]?.title).toBe('A Title')
    expect(d.papers[0]?.extras.announceType).toBe('replace')
    expect(d.date).toBe('2019-03-04')
  })

  it('an old-style id from rdf:about when the title has no suffix', () => {
    const d = parseText(rdf(`<item rdf:about="http://arxiv.org/abs/hep-th/9901001"><title>Old Paper</title></item>`))
    expect(d.papers.map((p) => [p.arxivId, p.title, p.extras.announceType])).toEqual([
      ['hep-th/9901001', 'Old Paper', 'new']
    ])
  })

  it('an RDF feed from another site is refused', () => {
    expect(() =>
      parseText(
        rdf(`<item rdf:about="https://example.org/post/1"><title>Blog post</title></item>`).replace(
          'http://arxiv.org/',
          'https://example.org/'
        )
      )
    ).toThrow(/not an arXiv feed/)
  })

  it('title suffixes: flags to announce types', () => {
    expect(splitRdfTitle('T. (arXiv:2201.08239v2 [cs.CL] CROSS LISTED)')).toMatchObject({
      title: 'T',
      announceType: 'cross'
    })
    expect(splitRdfTitle('T. (arXiv:2201.08239v2 [cs.CL] UPDATED CROSS LISTED)').announceType).toBe('replace-cross')
    expect(splitRdfTitle('Plain title')).toEqual({ title: 'Plain title', announceType: 'new' })
  })

  it('et al. and others are not authors', () => {
    expect(splitAuthorList('A. One, B. Two, et al. (58 additional authors not shown)')).toEqual(['A. One', 'B. Two'])
    expect(splitAuthorList('A. One and B. Two et al.')).toEqual(['A. One', 'B. Two'])
    expect(splitAuthorList('A. One, others')).toEqual(['A. One'])
  })
})
