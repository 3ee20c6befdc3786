import { describe, expect, it } from 'vitest'
import { titleKey } from '../../../src/main/digests/text'
import { byId, expectCleanFields, parseFixture, parseText } from './helpers'

describe('BibTeX: papers.bib', () => {
  const d = parseFixture('papers.bib')

  it('yields 5 papers from 8 @ blocks (@comment, @preamble, @string are not papers)', () => {
    expect(d.format).toBe('bibtex')
    expect(d.papers.map((p) => p.extras.citeKey)).toEqual([
      'he2015deepresiduallearning',
      'kingma2014adam',
      'klambauer2017selfnormalizing',
      'ho2020denoisingdiffusionprobabilistic',
      'harris2020numpy'
    ])
    expect(d.warnings).toEqual([])
    expectCleanFields(d)
  })

  it('arXiv ids from eprint, and from journal for the Scholar entry', () => {
    expect(d.papers.map((p) => p.arxivId)).toEqual(['1512.03385', '1412.6980', '1706.02515', '2006.11239', undefined])
    expect(byId(d, '1512.03385')).toMatchObject({
      title: 'Deep Residual Learning for Image Recognition',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      categories: ['cs.CV'],
      links: {
        abs: 'https://arxiv.org/abs/1512.03385',
        pdf: 'https://arxiv.org/pdf/1512.03385',
        url: 'https://arxiv.org/abs/1512.03385'
      }
    })
    const adam = byId(d, '1412.6980')
    expect(adam.authors).toEqual(['Diederik P Kingma', 'Jimmy Ba'])
    expect(titleKey(adam.title)).toBe(titleKey('Adam: A Method for Stochastic Optimization'))
  })

  it('quoted values with accents, macro concatenation, bare year and month macro', () => {
    const snn = byId(d, '1706.02515')
    expect(snn.authors).toEqual(['Günter Klambauer', 'Thomas Unterthiner', 'Andreas Mayr', 'Sepp Hochreiter'])
    expect(snn.extras).toMatchObject({
      venue: 'Advances in Neural Information Processing Systems 30',
      year: '2017',
      month: '12',
      pages: '971–980'
    })
    expect(snn.categories).toEqual(['cs.LG'])
  })

  it('upper-case fields, {NumPy} protection, DOI only, accents, multi-line abstract with math and \\&', () => {
    const np = d.papers[4]
    expect(np?.title).toBe('Array programming with NumPy')
    expect(np?.doi).toBe('10.1038/s41586-020-2649-2')
    expect(np?.arxivId).toBeUndefined()
    expect(np?.authors).toHaveLength(26)
    expect(np?.authors).toEqual(
      expect.arrayContaining(['Stéfan J. van der Walt', 'Jaime Fernández del Río', 'Pierre Gérard-Marchant'])
    )
    expect(np?.abstract).toContain('$\\mathcal{O}(1)$ views')
    expect(np?.abstract).toContain('it & the community')
    expect(np?.abstract).not.toContain('\n')
    expect(np?.extras.keywords).toEqual(expect.arrayContaining(['numpy', 'array programming', 'scientific computing']))
    expect(titleKey(np?.title ?? '')).toBe(titleKey('Array Programming with NumPy'))
  })
})

describe('BibTeX edge cases', () => {
  it('an undefined macro warns but does not fail', () => {
    const d = parseText('@article{k, title = {T}, journal = undefinedmacro # " 5", year = 2020}')
    expect(d.papers).toHaveLength(1)
    expect(d.papers[0]?.extras.venue).toBe('undefinedmacro 5')
    expect(d.warnings).toEqual(['undefined @string macro "undefinedmacro": value kept as written'])
  })

  it('a syntax error costs its entry only, with a warning naming its key and line', () => {
    const d = parseText('@article{a, title = {Good}}\n@article{b, title = "unterminated }\n@article{c, title={C}}\n')
    expect(d.papers.map((p) => p.title)).toEqual(['Good', 'C'])
    expect(d.warnings).toEqual(['entry "b" at line 2: the value of title never closes its quotes: skipped'])
  })

  it('does not split {Barnes and Noble}; "others" is et al.; Last, Jr., First', () => {
    const d = parseText('@book{k, title = {T}, author = {{Barnes and Noble} and King, Jr., Martin Luther and others}}')
    expect(d.papers[0]?.authors).toEqual(['Barnes and Noble', 'Martin Luther King Jr.'])
    expect(d.papers[0]?.extras.etAl).toBe(true)
  })

  it('arXiv id from url or from an arXiv DOI; versions kept; <> stays text', () => {
    const d = parseText(
      '@misc{a, title = {A <b> title}, url = {https://arxiv.org/abs/2106.09685v2}}\n@misc{b, title={B}, doi = {10.48550/arXiv.1406.2661}}\n@misc{c, title={C}, eprint={math.GT/0309136}, eprinttype={arxiv}}'
    )
    expect(d.papers.map((p) => [p.title, p.arxivId, p.version, p.doi])).toEqual([
      ['A <b> title', '2106.09685', 'v2', undefined],
      ['B', '1406.2661', undefined, undefined],
      ['C', 'math/0309136', undefined, undefined]
    ])
  })

  it('an eprint from another archive is not an arXiv id', () => {
    const d = parseText('@misc{a, title = {T}, eprint = {1512.03385}, archivePrefix = {HAL}}')
    expect(d.papers[0]?.arxivId).toBeUndefined()
  })
})
