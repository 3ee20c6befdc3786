/**
 * What one BibTeX file may cost is bounded (field length, macro expansion, authors, reading time). The three
 * files of the report each took 12–46 s and 3–3.6 GB with the BibTeX library used before; here each is
 * read in well under a second with a message saying what was skipped.
 */
import { describe, expect, it } from 'vitest'
import { MAX_FIELD_CHARS, MAX_PARSE_MS, readBibtex } from '../../../src/main/digests/bibtex-reader'
import { MAX_AUTHORS } from '../../../src/main/digests/bibtex'
import { parseText } from './helpers'

function doubling(times: number): string {
  let s = `@string{s0 = "${'x'.repeat(100)}"}\n`
  for (let i = 1; i <= times; i++) s += `@string{s${i} = s${i - 1} # s${i - 1}}\n`
  return `${s}@article{k, title = s${times}}\n@article{ok, title = {Kept}}\n`
}

const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const t0 = performance.now()
  const value = fn()
  return { value, ms: performance.now() - t0 }
}

describe('BibTeX: bounded cost', () => {
  it('a 479-byte file doubling an @string 14 times: the long macros are not defined, the entry using them is skipped', () => {
    const text = doubling(14)
    expect(text.length).toBeLessThan(520)
    const { value: d, ms } = timed(() => parseText(text))
    expect(ms).toBeLessThan(1000)
    expect(d.papers.map((p) => p.title)).toEqual(['Kept'])
    expect(d.warnings[0]).toBe('line 9: @string s8 is longer than 20,000 characters: not defined')
    expect(d.warnings).toContain('entry "k" at line 16: it uses @string s14, which was too long to define: skipped')
  })

  it('a 1.6 MB field skips its entry with the limit in the message', () => {
    const text = `@article{big, title = {T}, abstract = {${'ab '.repeat(533_334)}}}\n@misc{b, title={B}}`
    const { value: d, ms } = timed(() => parseText(text))
    expect(ms).toBeLessThan(1000)
    expect(d.papers.map((p) => p.title)).toEqual(['B'])
    expect(d.warnings).toEqual([
      `entry "big" at line 1: abstract is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters: skipped`
    ])
  })

  it('200,000 authors: the field is too long, the entry skipped; a long list keeps its first names', () => {
    const huge = Array.from({ length: 200_000 }, (_, i) => `Au${i} Bc`).join(' and ')
    const { value: d, ms } = timed(() => parseText(`@article{k, title = {T}, author = {${huge}}}\n@misc{b, title={B}}`))
    expect(ms).toBeLessThan(1500)
    expect(d.papers.map((p) => p.title)).toEqual(['B'])
    const many = Array.from({ length: 6000 }, (_, i) => `A${i} B`).join(' and ')
    const e = parseText(`@article{k, title = {T}, author = {${many}}}`)
    expect(e.papers[0]?.authors).toHaveLength(MAX_AUTHORS)
    expect(e.warnings).toEqual([`entry "k" (line 1): 6000 authors, only the first ${MAX_AUTHORS} kept`])
  })

  it('a file that reads for longer than the limit is refused, naming where it stopped', () => {
    let clock = 0
    const text = '@misc{a, title={A}}\n@misc{b, title={B}}\n@misc{c, title={C}}\n'
    const read = (): unknown[] => [...readBibtex(text, { warn: () => {}, now: () => (clock += MAX_PARSE_MS / 2 + 1) })]
    expect(read).toThrow(/^BibTeX: reading took longer than 20 s \(stopped at line 2\)$/)
  })

  it('many small entries with no "=" anywhere cost linear time', () => {
    const text = '@misc{a, x}\n'.repeat(20_000)
    const warnings: string[] = []
    const { ms } = timed(() => [...readBibtex(text, { warn: (m) => warnings.push(m) })])
    expect(warnings).toHaveLength(20_000)
    expect(ms).toBeLessThan(1500)
  })
})
