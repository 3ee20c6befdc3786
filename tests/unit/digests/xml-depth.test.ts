/**
 * Deeply nested XML is refused in linear time. saxes resolves namespaces by walking the open elements, so
 * 100,000 nested elements (a 705 KB file) took about two minutes before the depth limit.
 */
import { describe, expect, it } from 'vitest'
import { parseArxivRss } from '../../../src/main/digests/arxiv-rss'
import { MAX_XML_DEPTH } from '../../../src/main/digests/xml'
import { parseText } from './helpers'

const deep = (n: number, root = '<rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel>'): string =>
  `<?xml version="1.0"?>\n${root}${'<a>'.repeat(n)}${'</a>'.repeat(n)}</channel></rss>\n`

describe('XML nesting limit', () => {
  it('100,000 nested elements (705 KB) are refused with a clear error in well under a second', () => {
    const text = deep(100_000)
    expect(text.length).toBeGreaterThan(700_000)
    const t0 = performance.now()
    expect(() => parseText(text)).toThrow(`XML nested more than ${MAX_XML_DEPTH} elements deep`)
    expect(performance.now() - t0).toBeLessThan(2000)
  })

  it('the feed parsers refuse it too when given the text in pieces (a big file read from disk)', () => {
    const text = deep(50_000)
    const pieces = { pieces: text.match(/[\s\S]{1,65536}/g) ?? [], whole: () => text }
    expect(() => parseArxivRss(pieces, { fileName: 'x' }, () => {})).toThrow(/nested more than/)
  })

  it('nesting within the limit is still read', () => {
    const text = `<?xml version="1.0"?><rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><link>https://rss.arxiv.org/rss/cs.LG</link><item><title>T</title><guid>oai:arXiv.org:2001.08361v1</guid><description>${'<x>'.repeat(50)}${'</x>'.repeat(50)}</description></item></channel></rss>`
    expect(parseText(text).papers.map((p) => p.arxivId)).toEqual(['2001.08361'])
  })
})
