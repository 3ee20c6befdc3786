import { describe, expect, it } from 'vitest'
import { arxivIdFromDoi, classifyDoi, normaliseDoi } from '../../../src/main/digests/doi'
import { collapseWhitespace, titleKey } from '../../../src/main/digests/text'
import { extractLinks, trimUrl } from '../../../src/main/digests/urls'
import { invertName, splitAuthorList } from '../../../src/main/digests/names'
import { latexToUnicode, stripBraces } from '../../../src/main/digests/latex'
import { parseArxivId } from '../../../src/main/digests/arxiv-id'
import { rfc822Date } from '../../../src/main/digests/dates'

describe('parseArxivId', () => {
  it.each([
    ['1512.03385', { id: '1512.03385' }],
    ['2106.09685v2', { id: '2106.09685', version: 'v2' }],
    ['0704.0001', { id: '0704.0001' }],
    ['arXiv:1706.02515', { id: '1706.02515' }],
    ['https://arxiv.org/abs/2305.18290v3', { id: '2305.18290', version: 'v3' }],
    ['http://arxiv.org/pdf/1512.03385v1.pdf', { id: '1512.03385', version: 'v1' }],
    ['oai:arXiv.org:2001.08361v1', { id: '2001.08361', version: 'v1' }],
    ['physics/0004057v1', { id: 'physics/0004057', version: 'v1' }],
    ['http://arxiv.org/abs/physics/0004057v1', { id: 'physics/0004057', version: 'v1' }],
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['arXiv preprint arXiv:1412.6980', { id: '1412.6980' }]
  ])('%s', (input, expected) => {
    expect(parseArxivId(input)).toEqual(expected)
  })

  it.each([
    ['1513.03385', 'month 13'],
    ['0703.1234', 'before April 2007'],
    ['1501.1234', '4 digits after 1412'],
    ['1412.12345', '5 digits before 1501'],
    ['0004057', 'old number without archive'],
    ['foo/0004057', 'unknown archive'],
    ['physics/0713057', 'month 13 in old style'],
    ['1512.03385v0', 'version 0'],
    ['10.1038/s41586-020-2649-2', 'a DOI'],
    ['15120.03385', 'too many leading digits'],
    ['1512.033851', 'too many trailing digits'],
    ['', 'empty']
  ])('rejects %s (%s)', (input) => {
    expect(parseArxivId(input)).toBeUndefined()
  })
})

describe('DOIs', () => {
  it('normalises resolver prefixes and case', () => {
    expect(normaliseDoi('https://doi.org/10.1038/S41586-020-2649-2')).toBe('10.1038/s41586-020-2649-2')
    expect(normaliseDoi('http://dx.doi.org/10.1038/s41586-020-2649-2 ')).toBe('10.1038/s41586-020-2649-2')
    expect(normaliseDoi('doi:10.1038/s41586-020-2649-2')).toBe('10.1038/s41586-020-2649-2')
    expect(normaliseDoi('not a doi')).toBeUndefined()
  })
  it('maps arXiv DataCite DOIs to arXiv ids', () => {
    expect(arxivIdFromDoi('10.48550/arXiv.1406.2661')).toEqual({ id: '1406.2661' })
    expect(arxivIdFromDoi('https://doi.org/10.48550/arXiv.physics/0004057')).toEqual({ id: 'physics/0004057' })
    expect(arxivIdFromDoi('10.1038/s41586-020-2649-2')).toBeUndefined()
    expect(classifyDoi('10.48550/arXiv.1406.2661')).toEqual({ arxiv: { id: '1406.2661' } })
    expect(classifyDoi('10.1038/s41586-020-2649-2')).toEqual({ doi: '10.1038/s41586-020-2649-2' })
  })
})

describe('latexToUnicode', () => {
  it.each([
    ['G\\"unter', 'Günter'],
    ['G{\\"u}nter', 'Günter'],
    ['G\\"{u}nter', 'Günter'],
    ['G{\\"{u}}nter', 'Günter'],
    ["St{\\'e}fan", 'Stéfan'],
    ["Doll\\'ar", 'Dollár'],
    ["Fern{\\'{a}}ndez del R{\\'{\\i}}o", 'Fernández del Río'],
    ["R\\'\\i o", 'Río'],
    ['Fr\\`ere', 'Frère'],
    ['\\^ole', 'ôle'],
    ['Espa\\~na', 'España'],
    ['Gar\\c{c}on', 'Garçon'],
    ['\\v{S}koda \\v{c}', 'Škoda č'],
    ['D\\k{a}browski', 'Dąbrowski'],
    ['Pawe{\\l}', 'Paweł'],
    ['\\L{}ukasz', 'Łukasz'],
    ['Sm{\\o}rgrav {\\O}', 'Smørgrav Ø'],
    ['Stra\\ss e', 'Straße'],
    ['{\\aa}ngstr{\\"o}m', 'ångström'],
    ['Erd\\H{o}s', 'Erdős'],
    ['\\={a}', 'ā'],
    ['10\\% \\& 5\\_x costs \\$3', '10% & 5_x costs $3'],
    ['Schr\\"odinger', 'Schrödinger']
  ])('%s → %s', (input, expected) => {
    expect(latexToUnicode(input)).toBe(expected)
  })

  it('leaves math and unknown commands alone', () => {
    const s = 'unit variance ($\\lambda \\approx 1.0507$, $\\alpha$) and $\\mathcal{O}(1)$ \\emph{x}'
    expect(latexToUnicode(s)).toBe(s)
    expect(latexToUnicode('$\\"u$ but \\"u')).toBe('$\\"u$ but ü')
  })
  it('leaves text without TeX untouched, including markup-like text', () => {
    expect(latexToUnicode('<code>[class]</code> &lt; --')).toBe('<code>[class]</code> &lt; --')
  })
})

describe('stripBraces', () => {
  it('removes protective braces outside math but keeps command arguments', () => {
    expect(stripBraces('Array programming with {NumPy}')).toBe('Array programming with NumPy')
    expect(stripBraces('with $\\mathcal{O}(1)$ views')).toBe('with $\\mathcal{O}(1)$ views')
    expect(stripBraces('\\emph{x} {{A}}')).toBe('\\emph{x} A')
  })
})

describe('titleKey', () => {
  it('matches the spellings of one title across formats', () => {
    const k = titleKey('LoRA: Low-Rank Adaptation of Large Language Models')
    expect(k).toBe('lora low rank adaptation of large language models')
    expect(titleKey('LoRA: Low-Rank Adaptation of Large Language\n  Models')).toBe(k)
    expect(titleKey('Array programming with {NumPy}')).toBe(titleKey('Array Programming with NumPy'))
    expect(titleKey('Light Schr\\"odinger Bridge')).toBe(titleKey('Light Schrödinger Bridge'))
    expect(titleKey('Light Schrödinger Bridge')).toBe('light schrodinger bridge')
    expect(titleKey('Adam: A method for stochastic optimization')).toBe(
      titleKey('Adam: A Method for Stochastic Optimization')
    )
    expect(titleKey('Stra\\ss e $x$')).toBe('strasse x')
  })
})

describe('extractLinks', () => {
  it('takes the first code host as code and strips sentence punctuation', () => {
    expect(extractLinks('Code: https://github.com/ZhentingWang/DUMP.')).toEqual({
      code: 'https://github.com/ZhentingWang/DUMP'
    })
    expect(extractLinks('see (https://example.org/page), and https://gitlab.com/a/b;')).toEqual({
      code: 'https://gitlab.com/a/b',
      project: 'https://example.org/page'
    })
    expect(extractLinks('weights at https://huggingface.co/org/model!')).toEqual({
      code: 'https://huggingface.co/org/model'
    })
    expect(extractLinks('the CRATE code https://github.com/Ma-Lab-Berkeley/CRATE .')).toEqual({
      code: 'https://github.com/Ma-Lab-Berkeley/CRATE'
    })
  })
  it('keeps balanced brackets, ignores non-http schemes', () => {
    expect(trimUrl('https://en.wikipedia.org/wiki/Foo_(bar))')).toBe('https://en.wikipedia.org/wiki/Foo_(bar)')
    expect(trimUrl('https://x.org/a]')).toBe('https://x.org/a')
    expect(extractLinks('ftp://x.org/a javascript:alert(1) file:///etc/passwd')).toEqual({})
  })
})

describe('names', () => {
  it('splits author lists on commas and "and", keeping suffixes and dropping affiliations', () => {
    expect(splitAuthorList('G\\"unter Klambauer, Thomas Unterthiner and Sepp Hochreiter')).toEqual([
      'Günter Klambauer',
      'Thomas Unterthiner',
      'Sepp Hochreiter'
    ])
    expect(splitAuthorList('Martin Luther King, Jr., Ada Lovelace')).toEqual(['Martin Luther King Jr.', 'Ada Lovelace'])
    expect(splitAuthorList('A. Author (MIT, CSAIL), B. Brandt ((1) ETH, (2) EPFL)')).toEqual(['A. Author', 'B. Brandt'])
    expect(splitAuthorList('Alexander Andersen')).toEqual(['Alexander Andersen'])
  })
  it('inverts Last, First', () => {
    expect(invertName('Kingma, Diederik P')).toBe('Diederik P Kingma')
    expect(invertName('van der Walt, Stéfan J.')).toBe('Stéfan J. van der Walt')
    expect(invertName('King, Jr., Martin Luther')).toBe('Martin Luther King Jr.')
    expect(invertName('Ioffe, Sergey, Jr.')).toBe('Sergey Ioffe Jr.')
    expect(invertName('Jian  Sun')).toBe('Jian Sun')
  })
  it('collapses whitespace', () => {
    expect(collapseWhitespace('  a\n  b\t\tc  ')).toBe('a b c')
  })
})

describe('rfc822Date', () => {
  it('reads the date as written, with 2-digit years', () => {
    expect(rfc822Date('Tue, 14 Jan 2025 00:00:00 -0500')).toBe('2025-01-14')
    expect(rfc822Date('Fri,  9 Jun 17 00:52:07 GMT')).toBe('2017-06-09')
    expect(rfc822Date('Mon, 3 Jan 99 00:00:00 GMT')).toBe('1999-01-03')
    expect(rfc822Date('nonsense')).toBeUndefined()
  })
})
