import { describe, expect, it } from 'vitest'
import { decode } from '../../../src/main/digests/decode'
import { detect } from '../../../src/main/digests/detect'
import { DigestError } from '../../../src/main/digests/types'
import { fixtureBytes } from './helpers'

const text = (name: string): string => decode(fixtureBytes(name)).text

function detectError(t: string): string {
  try {
    detect(t)
  } catch (e) {
    expect(e).toBeInstanceOf(DigestError)
    return (e as Error).message
  }
  throw new Error('detect did not throw')
}

describe('detect', () => {
  it.each([
    ['hf-trending-jun6.txt', 'hf-text'],
    ['hf-trending-crlf.txt', 'hf-text'],
    ['bad/utf16.txt', 'hf-text'],
    ['hf-daily-papers.json', 'hf-json'],
    ['arxiv-listing-email.txt', 'arxiv-email'],
    ['arxiv-rss.xml', 'arxiv-rss'],
    ['arxiv-atom.xml', 'arxiv-atom'],
    ['papers.bib', 'bibtex'],
    ['papers.ris', 'ris']
  ])('%s → %s', (name, format) => {
    expect(detect(text(name))).toBe(format)
  })

  it('rejects prose (bad/not-a-digest.txt) as unrecognised', () => {
    expect(detectError(text('bad/not-a-digest.txt'))).toMatch(/^unrecognised format/)
  })

  it('rejects truncated JSON with the parse position', () => {
    expect(detectError(text('bad/truncated.json'))).toBe('invalid JSON at position 3251: Unterminated string')
  })

  it('rejects JSON of the wrong shape', () => {
    const pkg = JSON.stringify({ name: 'folio', version: '1.0.0', dependencies: { saxes: '6' } }, null, 2)
    expect(detectError(pkg)).toBe('JSON, but not a Hugging Face daily-papers list')
    expect(detectError('[]')).toMatch(/not a Hugging Face daily-papers list/)
    expect(detectError('{"id":"2106.09685","title":"LoRA"}')).toMatch(/not a Hugging Face daily-papers list/)
    expect(detectError('[{"paper":{"id":1,"title":"x"}}]')).toMatch(/not a Hugging Face daily-papers list/)
  })

  it('accepts the page-embedded {dailyPapers: [...]} variant', () => {
    expect(detect('{"dailyPapers":[{"paper":{"id":"2106.09685","title":"LoRA"}}]}')).toBe('hf-json')
  })

  it('rejects XML that is not an arXiv feed', () => {
    expect(detectError('<?xml version="1.0"?>\n<note><to>Tove</to></note>')).toMatch(/XML, but not an arXiv feed/)
    const blog =
      '<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:blog</id><title>Blog</title><entry><id>tag:blog,1</id><title>Hi</title></entry></feed>'
    expect(detectError(blog)).toMatch(/not an arXiv feed/)
    const rss =
      '<rss version="2.0"><channel><title>News</title><link>https://example.org/</link><item><title>x</title></item></channel></rss>'
    expect(detectError(rss)).toMatch(/not an arXiv feed/)
    expect(detectError('<!DOCTYPE html>\n<html><body>x</body></html>')).toMatch(/HTML pages are not supported/)
    expect(detectError('<broken')).toMatch(/invalid XML at line 1/)
  })

  it('refuses DOCTYPE entity declarations', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss xmlns:arxiv="http://arxiv.org/schemas/atom"/>'
    expect(detectError(xml)).toMatch(/entity declarations/)
  })

  it('detects an arXiv RSS feed by its channel link when the namespace is not on the root', () => {
    const rss =
      '<rss version="2.0"><channel><title>cs.LG</title><link>http://rss.arxiv.org/rss/cs.LG</link></channel></rss>'
    expect(detect(rss)).toBe('arxiv-rss')
  })

  it('requires a real entry for BibTeX, and TY first for RIS', () => {
    expect(detectError('@string{a = "b"}\n@comment{x}\n')).toMatch(/unrecognised/)
    expect(detect('% refs\n@Article (k, title = "T")\n')).toBe('bibtex')
    expect(detect('\n\nTY - JOUR\nTI  - x\nER  -\n')).toBe('ris')
    expect(detectError('Notes\nTY  - JOUR\n')).toMatch(/unrecognised/)
  })

  it('does not treat prose that mentions arXiv or a date as a digest', () => {
    expect(detectError('Meeting\n\nWe read arXiv:1706.02515 on Jun 6.\n\nMore notes here.')).toMatch(/unrecognised/)
    expect(detectError('new\n\nsomething else\n\nmore')).toMatch(/unrecognised/)
  })
})
