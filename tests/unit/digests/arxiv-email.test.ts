import { describe, expect, it } from 'vitest'
import { byId, expectCleanFields, parseFixture, parseText } from './helpers'

describe('arXiv listing e-mail: arxiv-listing-email.txt', () => {
  const d = parseFixture('arxiv-listing-email.txt')

  it('yields 5 records (3 new, 1 cross, 1 replace) in order', () => {
    expect(d.format).toBe('arxiv-email')
    expect(d.papers.map((p) => [p.arxivId, p.extras.announceType])).toEqual([
      ['1706.02515', 'new'],
      ['1706.02677', 'new'],
      ['1706.02690', 'new'],
      ['1706.02216', 'cross'],
      ['1412.6980', 'replace']
    ])
    expect(d.papers.map((p) => p.extras.rank)).toEqual([1, 2, 3, 4, 5])
    expectCleanFields(d)
  })

  it('reads the mailing date with its 2-digit year', () => {
    expect(d.date).toBe('2017-06-09')
  })

  it('converts TeX accents in authors and leaves math alone', () => {
    const snn = byId(d, '1706.02515')
    expect(snn.authors).toEqual(['Günter Klambauer', 'Thomas Unterthiner', 'Andreas Mayr', 'Sepp Hochreiter'])
    expect(snn.abstract).toContain('($\\lambda \\approx 1.0507$, $\\alpha \\approx 1.6733$)')
    expect(snn.categories).toEqual(['cs.LG', 'stat.ML'])
    expect(snn.extras.comments).toBe(
      '9 pages (+ 93 pages appendix); code and tables are linked from https://github.com/bioinf-jku/SNNs'
    )
    expect(snn.links.code).toBe('https://github.com/bioinf-jku/SNNs')
    expect(snn.extras.size).toBe('1807kb,D')
    expect(snn.published).toBe('2017-06-08T10:36:40.000Z')
  })

  it('joins an author name split across lines and keeps two abstract paragraphs', () => {
    const sgd = byId(d, '1706.02677')
    expect(sgd.authors).toContain('Lukasz Wesolowski')
    expect(sgd.authors).toContain('Piotr Dollár')
    expect(sgd.authors).toHaveLength(9)
    const paras = sgd.abstract.split('\n\n')
    expect(paras).toHaveLength(2)
    expect(paras[0]).toMatch(/^Large minibatches need not cost accuracy.*small-batch baseline\.$/)
    expect(paras[1]).toBe('On 256 GPUs this brings ResNet-50 training on ImageNet down to about one hour.')
  })

  it('joins a wrapped title', () => {
    expect(byId(d, '1706.02690').title).toBe(
      'Enhancing The Reliability of Out-of-distribution Image Detection in Neural Networks'
    )
  })

  it('imports the replacement with an empty abstract and does not swallow anything', () => {
    const adam = byId(d, '1412.6980')
    expect(adam.title).toBe('Adam: A Method for Stochastic Optimization')
    expect(adam.abstract).toBe('')
    expect(adam.authors).toEqual(['Diederik P. Kingma', 'Jimmy Ba'])
    expect(adam.extras.comments).toBe(
      'Published as a conference paper at the 3rd International Conference for Learning Representations, San Diego, 2015'
    )
    expect(adam.extras.replacedDate).toBe('2017-06-08T09:12:44.000Z')
    expect(adam.published).toBeUndefined()
  })

  it('cross-list keeps its categories and links', () => {
    const sage = byId(d, '1706.02216')
    expect(sage.categories).toEqual(['cs.SI', 'cs.LG', 'stat.ML'])
    expect(sage.links).toMatchObject({
      abs: 'https://arxiv.org/abs/1706.02216',
      pdf: 'https://arxiv.org/pdf/1706.02216'
    })
  })
})

const RULE = '-'.repeat(78)
const REPLACE = '%%--'.repeat(19) + '%%'
const END = '%%%---'.repeat(13)
const record = (id: string, extra = '', abstract = '  Some abstract text.\n'): string =>
  `\\\\\narXiv:${id}\nDate: Thu, 8 Jun 2017 10:36:40 GMT   (10kb)\n\nTitle: T ${id}\nAuthors: A and B\nCategories: physics.data-an\n${extra}\\\\\n${abstract}\\\\ ( https://arxiv.org/abs/${id} , 10kb)\n`

describe('arXiv e-mail edge cases', () => {
  it('old-style ids, replaced cross-lists, footer ignored, "A and B" authors', () => {
    const text = `${RULE}\n${record('physics/0004057')}${REPLACE}\n${RULE}\n\\\\\narXiv:hep-th/9901001 (*cross-listing*)\nreplaced with revised version Thu, 8 Jun 2017 09:12:44 GMT   (285kb)\n\nTitle: Old\nAuthors: X\nCategories: hep-th\n\\\\ ( https://arxiv.org/abs/hep-th/9901001 ,  285kb)\n${END}\n${record('1706.00001')}`
    const d = parseText(text)
    expect(d.papers.map((p) => [p.arxivId, p.extras.announceType])).toEqual([
      ['physics/0004057', 'new'],
      ['hep-th/9901001', 'replace-cross']
    ])
    expect(d.papers[0]?.authors).toEqual(['A', 'B'])
  })

  it('rejects a truncated record', () => {
    const text = `${RULE}\n${record('1706.00001')}${RULE}\n\\\\\narXiv:1706.00002\nDate: Thu, 8 Jun 2017 10:36:40 GMT\n\nTitle: Cut\n\\\\\n  abstract that never ends`
    expect(() => parseText(text)).toThrow(/line \d+: record arXiv:1706.00002 \(line \d+\) is not closed/)
  })

  it('keeps unknown Key: lines and journal refs as extras, DOI as doi', () => {
    const d = parseText(record('1706.00001', 'Journal-ref: Nature 1 (2017)\nDOI: 10.1038/XYZ\nMSC-class: 68T05\n'))
    expect(d.papers[0]?.extras).toMatchObject({ journalRef: 'Nature 1 (2017)', mscClass: '68T05' })
    expect(d.papers[0]?.doi).toBe('10.1038/xyz')
  })
})
