import { describe, expect, it } from 'vitest'
import { parseArxivRss, splitDescription } from '../../../src/main/digests/arxiv-rss'
import type { ParsedPaper } from '../../../src/main/digests/types'
import { byId, expectCleanFields, parseFixture, parseText } from './helpers'

const NS = 'xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/"'
const feed = (items: string): string =>
  `<?xml version="1.0"?>\n<rss ${NS} version="2.0"><channel><title>cs.LG updates on arXiv.org</title><link>http://rss.arxiv.org/rss/cs.LG</link><pubDate>Sat, 18 Jan 2025 00:00:00 -0500</pubDate>${items}</channel></rss>`

describe('arXiv RSS: arxiv-rss.xml', () => {
  const d = parseFixture('arxiv-rss.xml')

  it('yields 4 items with versions and one of each announce type', () => {
    expect(d.format).toBe('arxiv-rss')
    expect(d.papers.map((p) => [p.arxivId, p.version, p.extras.announceType])).toEqual([
      ['2001.08361', 'v1', 'new'],
      ['2010.11929', 'v1', 'cross'],
      ['2305.18290', 'v3', 'replace'],
      ['2106.09685', 'v2', 'replace-cross']
    ])
    expect(d.date).toBe('2025-01-14')
    expectCleanFields(d)
  })

  it('strips the description prefix and keeps escaped markup as literal text', () => {
    const vit = byId(d, '2010.11929')
    expect(vit.abstract).toBe(
      'We cut an image into 16×16 patches, embed each patch linearly and feed the sequence to a standard Transformer with a learnable <code>[class]</code> token prepended. Pre-trained on enough data (>100M images) it matches strong convolutional baselines at a fraction of the compute & memory.'
    )
    for (const p of d.papers) expect(p.abstract).not.toMatch(/^arXiv:|Announce Type|Abstract:/)
  })

  it('splits dc:creator into authors, keeps categories, journal reference and links', () => {
    const lora = byId(d, '2106.09685')
    expect(lora.authors).toHaveLength(8)
    expect(lora.authors[0]).toBe('Edward J. Hu')
    expect(lora.categories).toEqual(['cs.CL', 'cs.AI', 'cs.LG'])
    expect(lora.extras).toMatchObject({
      journalRef: 'International Conference on Learning Representations (ICLR) 2022',
      announced: '2025-01-14'
    })
    expect(lora.links).toMatchObject({
      abs: 'https://arxiv.org/abs/2106.09685',
      pdf: 'https://arxiv.org/pdf/2106.09685'
    })
  })
})

describe('arXiv RSS edge cases', () => {
  it('an empty feed (weekend) is "no papers found", not a crash', () => {
    expect(() => parseText(feed(''))).toThrow(/^no papers found/)
  })

  it('never unescapes twice and keeps CDATA text', () => {
    const item = `<item><title>T &amp;lt; x</title><link>https://arxiv.org/abs/2401.00001</link><description><![CDATA[arXiv:2401.00001v1 Announce Type: new 
Abstract: a <b> & c]]></description><guid>oai:arXiv.org:2401.00001v1</guid><dc:creator>Martin Luther King, Jr., G\\"unter Klambauer</dc:creator><arxiv:DOI>10.1000/ABC</arxiv:DOI></item>`
    const p = parseText(feed(item)).papers[0] as ParsedPaper
    expect(p.title).toBe('T &lt; x')
    expect(p.abstract).toBe('a <b> & c')
    expect(p.authors).toEqual(['Martin Luther King Jr.', 'Günter Klambauer'])
    expect(p.doi).toBe('10.1000/abc')
  })

  it('rejects malformed XML with line and column', () => {
    expect(() => parseText(feed('<item><title>x</titel></item>'))).toThrow(/^invalid XML at line \d+, column \d+: /)
  })

  it('tolerates spacing variants of the description prefix', () => {
    expect(splitDescription('arXiv:2401.00001v2  Announce Type:replace\n  Abstract:   Text.')).toEqual({
      id: '2401.00001v2',
      announceType: 'replace',
      abstract: 'Text.'
    })
    expect(splitDescription('Just text')).toEqual({ abstract: 'Just text' })
  })

  it('streams a large feed quickly, calling onPaper per item', () => {
    const item = (i: number): string => {
      const id = `2401.${String(10000 + i)}`
      return `<item><title>Paper ${i}</title><link>https://arxiv.org/abs/${id}</link><description>arXiv:${id}v1 Announce Type: new 
Abstract: ${'Words &amp; more words about a method. '.repeat(30)}</description><guid isPermaLink="false">oai:arXiv.org:${id}v1</guid><category>cs.LG</category><dc:creator>A, B, C</dc:creator><arxiv:announce_type>new</arxiv:announce_type></item>\n`
    }
    const parts: string[] = []
    for (let i = 0; i < 5000; i++) parts.push(item(i))
    const text = feed(parts.join(''))
    let n = 0
    const t0 = performance.now()
    parseArxivRss(text, { fileName: 'x' }, () => n++)
    expect(n).toBe(5000)
    expect(performance.now() - t0).toBeLessThan(3000)
  })
})
