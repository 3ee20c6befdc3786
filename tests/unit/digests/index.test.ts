import { describe, expect, it } from 'vitest'
import { parseDigestBytes, parseDigestText, parsers } from '../../../src/main/digests/index'
import { DigestError, FORMATS } from '../../../src/main/digests/types'
import { expectCleanFields, fixtureBytes, parseFixture } from './helpers'

const ctx = { fileName: 'x', mtime: new Date(2024, 5, 10) }

describe('parseDigestBytes on every sample', () => {
  it.each([
    ['hf-trending-jun6.txt', 'hf-text', 61],
    ['hf-trending-crlf.txt', 'hf-text', 3],
    ['hf-daily-papers.json', 'hf-json', 4],
    ['arxiv-listing-email.txt', 'arxiv-email', 5],
    ['arxiv-rss.xml', 'arxiv-rss', 4],
    ['arxiv-atom.xml', 'arxiv-atom', 3],
    ['papers.bib', 'bibtex', 5],
    ['papers.ris', 'ris', 2],
    ['bad/utf16.txt', 'hf-text', 2]
  ])('%s → %s, %i papers, clean fields', (name, format, count) => {
    const d = parseFixture(name)
    expect(d.format).toBe(format)
    expect(d.papers).toHaveLength(count)
    expectCleanFields(d)
  })

  it.each([
    ['bad/empty.txt', /^empty file$/],
    ['bad/binary.bin', /^not a text file/],
    ['bad/truncated.json', /^invalid JSON at position \d+: /],
    ['bad/not-a-digest.txt', /^unrecognised format/]
  ])('%s is rejected', (name, message) => {
    let err: unknown
    try {
      parseFixture(name)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DigestError)
    expect((err as Error).message).toMatch(message)
    expect((err as Error).message).not.toContain(name.split('/')[1] ?? name)
  })

  it('the 7 good samples hold 26 records', () => {
    const good = [
      'hf-daily-papers.json',
      'arxiv-listing-email.txt',
      'arxiv-rss.xml',
      'arxiv-atom.xml',
      'papers.bib',
      'papers.ris',
      'hf-trending-crlf.txt'
    ]
    expect(good.reduce((n, f) => n + parseFixture(f).papers.length, 0)).toBe(26)
  })
})

describe('pipeline behaviour', () => {
  it('exposes one parser per format', () => {
    expect(Object.keys(parsers).sort()).toEqual([...FORMATS].sort())
  })

  it('merges decode warnings first (Windows-1252 RIS)', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('TY  - JOUR\nTI  - Caf'),
      0xe9,
      ...new TextEncoder().encode('\nER  - \n')
    ])
    const d = parseDigestBytes(bytes, ctx)
    expect(d.papers[0]?.title).toBe('Café')
    expect(d.warnings[0]).toMatch(/not valid UTF-8 \(first bad byte at offset 20\): decoded as Windows-1252/)
  })

  it('UTF-16BE with BOM and CRLF', () => {
    const s = 'Jun 6\r\n\r\nA Title\r\n\r\nAn abstract long enough to be an abstract, written here as one sentence.\r\n'
    const bytes = new Uint8Array(2 + s.length * 2)
    bytes[0] = 0xfe
    bytes[1] = 0xff
    for (let i = 0; i < s.length; i++) bytes[2 + 2 * i + 1] = s.charCodeAt(i)
    const d = parseDigestBytes(bytes, ctx)
    expect(d.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['A Title', 'An abstract long enough to be an abstract, written here as one sentence.']
    ])
  })

  it('a UTF-8 BOM before JSON and XML is accepted', () => {
    const bom = [0xef, 0xbb, 0xbf]
    const json = new Uint8Array([...bom, ...fixtureBytes('hf-daily-papers.json')])
    expect(parseDigestBytes(json, ctx).papers).toHaveLength(4)
    const xml = new Uint8Array([...bom, ...fixtureBytes('arxiv-atom.xml')])
    expect(parseDigestBytes(xml, ctx).papers).toHaveLength(3)
  })

  it('PNG bytes are rejected before any parsing', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(() => parseDigestBytes(png, ctx)).toThrow('not a text file (looks like PNG)')
  })

  it('zero papers is an error, never a silent success', () => {
    expect(() => parseDigestText('@misc{k, note = {no title}}', ctx)).toThrow(/^no papers found/)
  })
})
