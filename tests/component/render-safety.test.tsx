// @vitest-environment jsdom
/** The renderer's pure helpers: search highlighting, Markdown and math safety. */
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Highlight, termsRegex } from '../../src/renderer/src/components/Highlight'
import { externalHref, renderMarkdown } from '../../src/renderer/src/lib/markdown'
import { splitMath } from '../../src/renderer/src/lib/math'

afterEach(cleanup)

describe('Highlight', () => {
  it('marks word-start matches case-insensitively, with React text nodes', () => {
    const { container } = render(
      <Highlight text="MomentumSMoE: Sparse Mixture of Experts (mixture!)" terms={['mixture', 'expert']} />
    )
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Mixture', 'Expert', 'mixture'])
    expect(container.textContent).toBe('MomentumSMoE: Sparse Mixture of Experts (mixture!)')
  })
  it('treats regex characters and markup in terms and titles as text', () => {
    const { container } = render(<Highlight text="<img src=x onerror=alert(1)> C++ (a+b)" terms={['c++', '(a+b']} />)
    expect(container.querySelector('img')).toBeNull()
    expect(termsRegex(['.*'])?.test('anything')).toBe(false)
  })
  it('matches phrases across punctuation and whitespace', () => {
    const { container } = render(<Highlight text="Large  Language-Models" terms={['large language models']} />)
    expect(container.querySelector('mark')?.textContent).toBe('Large  Language-Models')
  })
})

describe('renderMarkdown', () => {
  it('keeps notes inert: raw HTML is text, script links are dropped', () => {
    const html = renderMarkdown(
      [
        '<img src=x onerror=alert(1)>',
        '<script>alert(2)</script>',
        '[x](javascript:alert(3))',
        '[y](JaVaScRiPt:alert(4))',
        '[z](data:text/html,<script>alert(5)</script>)',
        '![i](https://example.org/t.png)',
        '**ok** https://example.org'
      ].join('\n\n')
    )
    const doc = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html')
    expect(doc.querySelectorAll('img, script, iframe, [onerror]').length).toBe(0)
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs).toEqual(['https://example.org'])
    expect(doc.body.textContent).toContain('<script>alert(2)</script>')
    expect(doc.querySelector('strong')?.textContent).toBe('ok')
  })
  it('opens only http(s) links', () => {
    expect(externalHref('https://arxiv.org/abs/1706.03762')).toBe('https://arxiv.org/abs/1706.03762')
    expect(externalHref('javascript:alert(1)')).toBeNull()
    expect(externalHref('file:///etc/passwd')).toBeNull()
    expect(externalHref('/relative')).toBeNull()
    expect(externalHref(null)).toBeNull()
  })
})

describe('splitMath', () => {
  it('typesets $…$ and leaves prices and markup as text', () => {
    const segs = splitMath('SELU with $\\lambda \\approx 1.0507$ costs $5 and $10; a <code>[class]</code> token')
    expect(segs.filter((s) => s.kind === 'math')).toHaveLength(1)
    const text = segs
      .filter((s) => s.kind === 'text')
      .map((s) => (s.kind === 'text' ? s.text : ''))
      .join('')
    expect(text).toContain('costs $5 and $10')
    expect(text).toContain('<code>[class]</code>')
  })
  it('never lets KaTeX emit active HTML', () => {
    const [seg] = splitMath('$\\href{javascript:alert(1)}{x}\\htmlId{a}{b}$')
    expect(seg?.kind).toBe('math')
    if (seg?.kind !== 'math') return
    // The source may appear as (red, error) text; no link, script or handler may exist.
    const doc = new DOMParser().parseFromString(`<div>${seg.html}</div>`, 'text/html')
    expect(doc.querySelectorAll('a, script, [href], [onerror], [onclick], [id="a"]').length).toBe(0)
  })
})
