import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { expectCleanFields, fixturePath, parseFixture, parseText } from './helpers'

describe('RIS as databases export it', () => {
  it('variants/papers-ovid.ris: record numbers before TY, DOI from a doi.org UR, one AU line of three names, entities', () => {
    const d = parseFixture('variants/papers-ovid.ris')
    expect(d.papers.map((p) => [p.title, p.arxivId])).toEqual([
      ['Proximal Policy Optimization Algorithms', '1707.06347'],
      ['Playing Atari with Deep Reinforcement Learning', undefined]
    ])
    expect(d.papers[0]?.authors).toEqual(['John Schulman', 'Filip Wolski', 'Prafulla Dhariwal'])
    expect(d.papers[1]?.authors).toEqual(['Volodymyr Mnih', 'Koray Kavukcuoglu', 'David Silver'])
    expect(d.papers[1]?.abstract).toContain('(score ratio > 1.0)')
    expect(d.warnings).toEqual([])
    expectCleanFields(d)
  })

  it('a journal DOI from a doi.org UR; DO wins over UR; an export header before the first record', () => {
    const d = parseText(
      'Provider: Some Database\nContent: text/plain; charset="UTF-8"\n\nTY  - JOUR\nTI  - A &amp; B\nUR  - https://doi.org/10.1038/nature14539\nER  - \n\nTY  - JOUR\nTI  - C\nDO  - 10.1000/xyz\nUR  - https://doi.org/10.1038/other\nER  - \n'
    )
    expect(d.papers.map((p) => [p.title, p.doi])).toEqual([
      ['A & B', '10.1038/nature14539'],
      ['C', '10.1000/xyz']
    ])
  })

  it('AU lines: "Last, First" is one name; "and"/";" lists are several; et al. is none', () => {
    const d = parseText('TY  - JOUR\nTI  - T\nAU  - Smith, John\nAU  - Doe, J.; Roe, R.\nAU  - et al.\nER  - \n')
    expect(d.papers[0]?.authors).toEqual(['John Smith', 'J. Doe', 'R. Roe'])
  })

  it('prose with a TY line deep inside is still not RIS', () => {
    const notes = `${'A line of notes about the meeting.\n'.repeat(12)}TY  - JOUR\nER  - \n`
    expect(() => parseText(notes)).toThrow(/unrecognised/)
  })
})

describe('arXiv e-mail and Atom odds', () => {
  const email = readFileSync(fixturePath('arxiv-listing-email.txt'), 'utf8')

  it('a DOI: line repeating one DOI keeps it; et al. is not an author', () => {
    const text = email
      .replace('Categories: cs.LG stat.ML\n', 'Categories: cs.LG stat.ML\nDOI: 10.1000/snn 10.1000/snn\n')
      .replace('Sepp Hochreiter', 'Sepp Hochreiter et al.')
    const d = parseText(text)
    const snn = d.papers.find((p) => p.arxivId === '1706.02515')
    expect(snn?.doi).toBe('10.1000/snn')
    expect(snn?.authors).toEqual(['Günter Klambauer', 'Thomas Unterthiner', 'Andreas Mayr', 'Sepp Hochreiter'])
    expect(snn?.extras.otherDois).toBeUndefined()
  })

  it('Atom: MSC and ACM classes are not arXiv categories', () => {
    const atom = readFileSync(fixturePath('arxiv-atom.xml'), 'utf8').replace(
      /(<category term="nlin.AD"[^>]*\/>)/,
      '$1<category term="53C30, 53C25" scheme="http://arxiv.org/schemas/atom"/><category term="I.2.6" scheme="http://arxiv.org/schemas/atom"/>'
    )
    expect(atom).toContain('53C30')
    const d = parseText(atom)
    const old = d.papers.find((p) => p.arxivId === 'physics/0004057')
    expect(old?.categories).not.toContain('53C30, 53C25')
    expect(old?.categories).toContain('nlin.AD')
    expect(old?.extras.classes).toEqual(['53C30, 53C25', 'I.2.6'])
  })
})
