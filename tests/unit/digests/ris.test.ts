import { describe, expect, it } from 'vitest'
import { expectCleanFields, parseFixture, parseText } from './helpers'

describe('RIS: papers.ris (UTF-8 BOM)', () => {
  const d = parseFixture('papers.ris')

  it('yields 2 records', () => {
    expect(d.format).toBe('ris')
    expect(d.papers).toHaveLength(2)
    expect(d.warnings).toEqual([])
    expectCleanFields(d)
  })

  it('record 1: TI/AU/T2/PY/SP/EP/UR/KW/AB with an untagged continuation line', () => {
    const bn = d.papers[0]
    expect(bn).toMatchObject({
      title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
      authors: ['Sergey Ioffe', 'Christian Szegedy'],
      arxivId: '1502.03167',
      extras: {
        risType: 'CPAPER',
        venue: 'Proceedings of the 32nd International Conference on Machine Learning',
        year: '2015',
        pages: '448–456',
        keywords: ['normalization', 'deep learning']
      }
    })
    expect(bn?.abstract).toBe(
      "Deep networks train slowly because the distribution of each layer's inputs keeps shifting. Normalising activations per mini-batch inside the model permits much higher learning rates and also acts as a regulariser."
    )
  })

  it('record 2: T1/A1/Y1/N2 synonyms and an arXiv DOI that becomes the arXiv id', () => {
    const gan = d.papers[1]
    expect(gan?.title).toBe('Generative Adversarial Networks')
    expect(gan?.authors[0]).toBe('Ian J. Goodfellow')
    expect(gan?.authors).toHaveLength(8)
    expect(gan?.arxivId).toBe('1406.2661')
    expect(gan?.doi).toBeUndefined()
    expect(gan?.published).toBe('2014-06-10')
    expect(gan?.abstract).toMatch(/^A generator learns/)
    expect(gan?.links.abs).toBe('https://arxiv.org/abs/1406.2661')
  })
})

describe('RIS edge cases', () => {
  it('synonyms, one-space tags, a journal DOI, and a missing ER at the end (warned, kept)', () => {
    const text =
      'TY - JOUR\nT1 - First\nA1 - Doe, Jane\nAU  - Roe, Richard, Jr.\nDO  - https://doi.org/10.1038/S41586-020-2649-2\nER  -\n\nTY  - GEN\nTI  - Second\nN2  - An abstract\n  continued here.\nJO  - arXiv preprint arXiv:2106.09685'
    const d = parseText(text)
    expect(d.papers.map((p) => p.title)).toEqual(['First', 'Second'])
    expect(d.papers[0]?.authors).toEqual(['Jane Doe', 'Richard Roe Jr.'])
    expect(d.papers[0]?.doi).toBe('10.1038/s41586-020-2649-2')
    expect(d.papers[1]?.abstract).toBe('An abstract continued here.')
    expect(d.papers[1]?.arxivId).toBe('2106.09685')
    expect(d.warnings).toEqual(['line 8: last record has no ER line (end of file)'])
  })

  it('a tag outside a record is warned about and ignored; editors are not authors', () => {
    const d = parseText('TY  - JOUR\nTI  - A\nAU  - X, Y\nED  - Editor, E\nA2  - Series, S\nER  - \nKW  - stray\n')
    expect(d.papers[0]?.authors).toEqual(['Y X'])
    expect(d.warnings).toEqual(['line 7: KW tag outside a record ignored'])
  })
})
