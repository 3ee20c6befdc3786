import { describe, expect, it } from 'vitest'
import { inferYear, parseDateLine } from '../../../src/main/digests/hf-text'
import { parseDigestBytes } from '../../../src/main/digests/index'
import { expectCleanFields, parseFixture, parseText } from './helpers'

const BOILER = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n'
const ABSTRACT = (n: number): string =>
  `Abstract number ${n} describes a method in enough words to be read as an abstract and it ends with a full stop.`

describe('HF papers page as text: real capture hf-trending-jun6.txt', () => {
  const d = parseFixture('hf-trending-jun6.txt', new Date(2024, 5, 10, 12))

  it('yields exactly 61 papers with the right first and last titles', () => {
    expect(d.format).toBe('hf-text')
    expect(d.papers).toHaveLength(61)
    expect(d.papers[0]?.title).toBe(
      'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences'
    )
    expect(d.papers[60]?.title).toBe('Generative Marginalization Models')
    expect(d.warnings).toEqual([])
  })

  it('never turns boilerplate or the date line into a paper', () => {
    const titles = d.papers.map((p) => p.title)
    for (const b of [
      'new',
      'Get trending papers in your email inbox!',
      'Subscribe',
      'byAK and the research community',
      'Jun 6'
    ]) {
      expect(titles).not.toContain(b)
    }
    expect(new Set(titles).size).toBe(61)
  })

  it('pairs every title with its one-line abstract, ranks in order, no ids', () => {
    for (const [i, p] of d.papers.entries()) {
      expect(p.abstract.length).toBeGreaterThan(1000)
      expect(p.extras.rank).toBe(i + 1)
      expect(p.extras.sectionDate).toBe('2024-06-06')
      expect(p.arxivId).toBeUndefined()
      expect(p.authors).toEqual([])
    }
    expectCleanFields(d)
  })

  it('infers the year of the date line from the modification time', () => {
    expect(d.date).toBe('2024-06-06')
    expect(d.dateInferred).toBe(true)
    expect(parseFixture('hf-trending-jun6.txt', new Date(2024, 5, 5)).date).toBe('2023-06-06')
  })

  it('extracts code links without trailing punctuation', () => {
    const codes = d.papers.map((p) => p.links.code).filter((c): c is string => c !== undefined)
    expect(codes).toContain('https://github.com/ZhentingWang/DUMP')
    expect(codes.length).toBeGreaterThanOrEqual(12)
    for (const c of codes) expect(c).not.toMatch(/[.,;:!?)]$/)
    const withUrl = d.papers.filter((p) => /https?:\/\//.test(p.abstract))
    expect(withUrl).toHaveLength(16)
    for (const p of withUrl) expect(p.links.code ?? p.links.project).toBeDefined()
  })

  it('keeps the Unicode title and converts TeX in the abstract consistently', () => {
    const p = d.papers.find((x) => x.title === 'Light Schrödinger Bridge')
    expect(p).toBeDefined()
    expect(p?.abstract).toContain('Schrödinger')
    expect(p?.abstract).not.toContain('\\"o')
    expect(d.papers.some((x) => x.abstract.includes('\\%'))).toBe(false)
  })
})

describe('HF papers page as text: hf-trending-crlf.txt', () => {
  const d = parseFixture('hf-trending-crlf.txt', new Date(2024, 5, 10))
  it('yields 3 papers, joins the hard-wrapped DDPM abstract, no \\r anywhere', () => {
    expect(d.papers.map((p) => p.title)).toEqual([
      'LoRA: Low-Rank Adaptation of Large Language Models',
      'Denoising Diffusion Probabilistic Models',
      'Chain-of-Thought Prompting Elicits Reasoning in Large Language Models'
    ])
    const ddpm = d.papers[1]
    expect(ddpm?.abstract).toMatch(
      /^We train a model to reverse a fixed Markov chain that gradually adds Gaussian noise to images\. The training/
    )
    expect(ddpm?.abstract).not.toContain('\n')
    expect(ddpm?.links.code).toBe('https://github.com/hojonathanho/diffusion')
    expect(d.papers[0]?.links.code).toBe('https://github.com/microsoft/LoRA')
    expect(d.date).toBe('2024-03-03')
    expectCleanFields(d)
  })
})

describe('HF papers page as text: bad/utf16.txt (UTF-16LE, BOM, CRLF)', () => {
  it('yields the 2 papers with clean Unicode', () => {
    const d = parseFixture('bad/utf16.txt', new Date(2024, 0, 15))
    expect(d.papers.map((p) => p.title)).toEqual([
      'Neural Ordinary Differential Equations',
      'Understanding deep learning requires rethinking generalization'
    ])
    expect(d.papers[0]?.abstract).toContain('naïve')
    expect(d.papers[0]?.abstract).toContain('—')
    expect(d.papers[1]?.abstract).toContain('≈100%')
    expect(d.date).toBe('2023-11-21')
    expectCleanFields(d)
  })
})

describe('HF text layout rules', () => {
  it('a title without an abstract, in the middle and as the last line, becomes a paper with an empty abstract', () => {
    const text = `${BOILER}Jun 6\n\nFirst Title\n\n${ABSTRACT(1)}\n\nOrphan Title In The Middle\n\nThird Title\n\n${ABSTRACT(3)}\n\nLast Title Without Abstract`
    const d = parseText(text)
    expect(d.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['First Title', ABSTRACT(1)],
      ['Orphan Title In The Middle', ''],
      ['Third Title', ABSTRACT(3)],
      ['Last Title Without Abstract', '']
    ])
    expect(d.papers.map((p) => p.extras.rank)).toEqual([1, 2, 3, 4])
  })

  it('several date sections: digest date is the first, each paper keeps its section date', () => {
    const text = `${BOILER}Jun 6\n\nA Title\n\n${ABSTRACT(1)}\n\nJun 5\n\nB Title\n\n${ABSTRACT(2)}\n\nC Title\n\n${ABSTRACT(3)}\n\nMay 31\n\nD Title\n\n${ABSTRACT(4)}`
    const d = parseText(text, new Date(2024, 5, 7))
    expect(d.date).toBe('2024-06-06')
    expect(d.dateInferred).toBe(true)
    expect(d.papers.map((p) => [p.title, p.extras.sectionDate])).toEqual([
      ['A Title', '2024-06-06'],
      ['B Title', '2024-06-05'],
      ['C Title', '2024-06-05'],
      ['D Title', '2024-05-31']
    ])
  })

  it('a date line directly after a title does not swallow it', () => {
    const d = parseText(`Jun 6\n\nLonely Title\n\nJun 5\n\nOther Title\n\n${ABSTRACT(1)}`)
    expect(d.papers.map((p) => [p.title, p.abstract, p.extras.sectionDate])).toEqual([
      ['Lonely Title', '', '2024-06-06'],
      ['Other Title', ABSTRACT(1), '2024-06-05']
    ])
  })

  it('CRLF input through the byte pipeline leaves no \\r', () => {
    const text = `${BOILER}Jun 6\n\nTitle\n\nwrapped line one\nwrapped line two.\n`.replace(/\n/g, '\r\n')
    const d = parseDigestBytes(new TextEncoder().encode(text), { fileName: 'x', mtime: new Date(2024, 5, 10) })
    expect(d.papers.map((p) => [p.title, p.abstract])).toEqual([['Title', 'wrapped line one wrapped line two.']])
    expectCleanFields(d)
  })

  it('accepts a page with only a date line (no boilerplate) and ignores a missing boilerplate line', () => {
    const d = parseText(`June 06\n\nTitle One\n\n${ABSTRACT(1)}`)
    expect(d.papers).toHaveLength(1)
    expect(d.date).toBe('2024-06-06')
    const e = parseText(`new\n\nSubscribe\n\nTitle One\n\n${ABSTRACT(1)}`)
    expect(e.papers.map((p) => p.title)).toEqual(['Title One'])
    expect(e.date).toBeUndefined()
  })

  it('handles long lines in linear time', () => {
    const long = 'word '.repeat(200_000).trim() + '.'
    const t0 = performance.now()
    const d = parseText(`${BOILER}Jun 6\n\nA Title\n\n${long}\n\nB Title\n\n${long}`)
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(d.papers).toHaveLength(2)
  })
})

describe('date lines and year inference', () => {
  it('parses the accepted spellings and rejects others', () => {
    expect(parseDateLine('Jun 6')).toEqual({ month: 6, day: 6 })
    expect(parseDateLine('June 6')).toEqual({ month: 6, day: 6 })
    expect(parseDateLine('Jun 06')).toEqual({ month: 6, day: 6 })
    expect(parseDateLine('Sept 30')).toEqual({ month: 9, day: 30 })
    expect(parseDateLine('Feb 29')).toEqual({ month: 2, day: 29 })
    expect(parseDateLine('Feb 30')).toBeUndefined()
    expect(parseDateLine('Jun 6, 2024')).toBeUndefined()
    expect(parseDateLine('Junk 6')).toBeUndefined()
  })
  it('takes the most recent date not after the ceiling, handling Feb 29 and year ends', () => {
    expect(inferYear(6, 6, new Date(2024, 5, 6, 0, 1))).toBe('2024-06-06')
    expect(inferYear(6, 7, new Date(2024, 5, 6))).toBe('2023-06-07')
    expect(inferYear(12, 31, new Date(2025, 0, 2))).toBe('2024-12-31')
    expect(inferYear(2, 29, new Date(2025, 5, 1))).toBe('2024-02-29')
    expect(inferYear(2, 29, new Date(2024, 1, 28))).toBe('2020-02-29')
  })
})
