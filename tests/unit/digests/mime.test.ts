import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDigestBytes } from '../../../src/main/digests/index'
import { unwrapMime } from '../../../src/main/digests/mime'
import { fixture } from '../../helpers/temp'

const plain = parseDigestBytes(readFileSync(fixture('arxiv-listing-email.txt')), { fileName: 'plain' })

describe('saved e-mails (.eml)', () => {
  it('a quoted-printable message (CRLF, folded headers, UTF-8) gives the same papers as the plain listing', () => {
    const d = parseDigestBytes(readFileSync(fixture('arxiv-listing-qp.eml')), { fileName: 'qp.eml' })
    expect(d.format).toBe('arxiv-email')
    expect(d.date).toBe(plain.date)
    expect(d.papers.map((p) => [p.arxivId, p.title, p.abstract])).toEqual(
      plain.papers.map((p) => [p.arxivId, p.title, p.abstract])
    )
    expect(d.papers.find((p) => p.arxivId === '1706.02515')!.authors).toContain('Günter Klambauer')
  })

  it('a multipart message: the base64 text/plain part is the listing, the HTML part is ignored', () => {
    const d = parseDigestBytes(readFileSync(fixture('arxiv-listing-multipart.eml')), { fileName: 'multi.eml' })
    expect(d.papers.map((p) => p.arxivId)).toEqual(plain.papers.map((p) => p.arxivId))
  })

  it('passes other text through untouched and explains a message without a text part', () => {
    const text = readFileSync(fixture('hf-trending-crlf.txt'), 'utf8').replace(/\r\n/g, '\n')
    expect(unwrapMime(text)).toBe(text)
    const bib = '@misc{key, title = {A: B}}\n\nmore'
    expect(unwrapMime(bib)).toBe(bib)
    expect(() => unwrapMime('MIME-Version: 1.0\nContent-Type: image/png\n\nxxx')).toThrow(/without a plain-text part/)
  })
})
