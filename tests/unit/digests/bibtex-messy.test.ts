import { describe, expect, it } from 'vitest'
import { expectCleanFields, parseFixture, parseText } from './helpers'

describe('BibTeX as people keep it: variants/papers-messy.bib', () => {
  const d = parseFixture('variants/papers-messy.bib')

  it('4 papers: the entry that never closes is skipped with a warning naming it and its line', () => {
    expect(d.papers.map((p) => [p.title, p.arxivId])).toEqual([
      ['Language Models are Few-Shot Learners', '2005.14165'],
      ['Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer', undefined],
      ['BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', '1810.04805'],
      ['Training Compute-Optimal Large Language Models', '2203.15556']
    ])
    expect(d.warnings).toContainEqual(expect.stringMatching(/^entry "broken2021entry" at line 18: .*skipped$/))
    expectCleanFields(d)
  })

  it('a field with a space in its name is skipped with a warning, its entry kept', () => {
    expect(d.warnings).toContainEqual(
      'entry "exported2023scaling" (line 32): field "funding details" has an unusual name: skipped'
    )
    expect(d.papers[3]?.doi).toBeUndefined() // an arXiv DOI is the arXiv id, not a journal DOI
  })

  it('others and et al. are not authors; C.~Raffel is C. Raffel', () => {
    expect(d.papers[0]?.authors).toEqual(['Tom B. Brown', 'Benjamin Mann', 'Nick Ryder'])
    expect(d.papers[0]?.extras.etAl).toBe(true)
    expect(d.papers[1]?.authors).toEqual(['C. Raffel', 'N. Shazeer', 'A. Roberts', 'K. Lee', 'S. Narang'])
    expect(d.papers[1]?.extras.etAl).toBe(true)
  })
})

describe('BibTeX: ids and TeX where exporters put them', () => {
  const one = (body: string): ReturnType<typeof parseText>['papers'][number] => {
    const p = parseText(`@article{k, title = {T}, ${body}}`).papers[0]
    if (!p) throw new Error('no paper')
    return p
  }

  it('arXiv ids from journal={Ar{X}iv:…}, volume={abs/…} (DBLP CoRR), url and the arXiv DOI', () => {
    expect(one('journal = {Ar{X}iv:2005.14165}').arxivId).toBe('2005.14165')
    expect(one('journal = {ArXiv}, volume = {abs/2303.08774}').arxivId).toBe('2303.08774')
    expect(one('journal = {CoRR}, volume = {abs/1810.04805}').arxivId).toBe('1810.04805')
    expect(one('journal = {Nature}, volume = {abs/1810.04805x}').arxivId).toBeUndefined()
    expect(one('url = {http://arxiv.org/abs/1706.03762v5}').arxivId).toBe('1706.03762')
    expect(one('doi = {10.48550/ARXIV.2203.15556}').arxivId).toBe('2203.15556')
    expect(one('journal = {Nature}, volume = {596}').arxivId).toBeUndefined()
  })

  it('formatting commands keep their text; \\relax and <tex> go; ~ is a space; math stays', () => {
    expect(
      parseText('@misc{k, title = {A \\textit{Text-to-Text} and \\emph{fast} \\textbf{{BERT}} model}}').papers[0]?.title
    ).toBe('A Text-to-Text and fast BERT model')
    expect(parseText('@misc{k, title = {Scaling\\relax{} laws}}').papers[0]?.title).toBe('Scaling laws')
    expect(parseText('@misc{k, title = {On <tex>$\\alpha$</tex>-nets}}').papers[0]?.title).toBe('On $\\alpha$-nets')
    expect(parseText('@misc{k, title = {Fig.~3 and $a~b$}}').papers[0]?.title).toBe('Fig. 3 and $a~b$')
    expect(parseText('@misc{k, title = {T}, author = {A.~B.~Cee and Dee, E.~F.}}').papers[0]?.authors).toEqual([
      'A. B. Cee',
      'E. F. Dee'
    ])
  })

  it('text before the first entry and between entries is ignored; @comment, @preamble are not papers', () => {
    const d = parseText(
      'Exported by X\n\n@comment{jabref}\n@preamble{"x"}\nnote\n@misc{a, title={A}}\n\nfoo @bar\n@misc(b, title="B")\n'
    )
    expect(d.papers.map((p) => p.title)).toEqual(['A', 'B'])
  })

  it('an entry missing its = is skipped, the others kept', () => {
    const d = parseText('@misc{a, title {A}}\n@misc{b, title = {B}}\n')
    expect(d.papers.map((p) => p.title)).toEqual(['B'])
    expect(d.warnings[0]).toMatch(/^entry "a" at line 1: a field has no "="/)
  })
})
