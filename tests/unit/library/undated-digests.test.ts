/** BibTeX and RIS files carry no digest date: their digest is undated, not dated on the import day. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { digestCounts } from '../../../src/main/library/digests'
import { getPaper, iteratePapers } from '../../../src/main/library/papers'
import { parseFixture } from '../digests/helpers'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('undated digests', () => {
  let t: ReturnType<typeof tempLibrary>
  beforeEach(() => (t = tempLibrary()))
  afterEach(() => t.cleanup())

  it('the parsers give BibTeX and RIS no date, and each paper its own year', () => {
    for (const f of ['papers.bib', 'papers.ris', 'variants/papers-ovid.ris']) {
      const d = parseFixture(f)
      expect(d.date, f).toBeUndefined()
    }
    const bib = parseFixture('papers.bib')
    expect(bib.papers.find((p) => p.arxivId === '1512.03385')?.published).toBe('2015')
    expect(parseFixture('variants/papers-ovid.ris').papers[1]?.published).toBe('2013')
  })

  it('an undated digest has no date, its papers sort after dated ones, a dated digest still dates a paper it shares', () => {
    const [resnet, shared] = addDigest(
      t.lib,
      [paper('Deep Residual Learning', { published: '2015' }), paper('Adam', { arxivId: '1412.6980' })],
      '',
      '2026-12-04T10:00:00.000Z',
      'bibtex'
    )
    addDigest(
      t.lib,
      [paper('A Dated Paper'), paper('Adam', { arxivId: '1412.6980' })],
      '2024-06-06',
      undefined,
      'hf-json'
    )
    const digests = digestCounts(t.lib.db)
    expect(digests.map((d) => [d.format, d.date])).toEqual([
      ['hf-json', '2024-06-06'],
      ['bibtex', null]
    ])
    const r = getPaper(t.lib.db, resnet as number)
    expect(r.digestDate).toBe('')
    expect(r.published).toBe('2015')
    expect(getPaper(t.lib.db, shared as number).digestDate).toBe('2024-06-06')
    expect([...iteratePapers(t.lib.db, {})].map((p) => p.title)).toEqual([
      'A Dated Paper',
      'Adam',
      'Deep Residual Learning'
    ])
  })
})
