// @vitest-environment jsdom
/** Notes render math like abstracts do; search marks skip stop words (issue 15.8). */
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Highlight } from '../../src/renderer/src/components/Highlight'
import { renderMarkdown } from '../../src/renderer/src/lib/markdown'

afterEach(cleanup)

const parse = (html: string): Document => new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html')

describe('notes with LaTeX', () => {
  it('typesets $…$ inline and $$…$$ displayed, inside the Markdown', () => {
    const doc = parse(renderMarkdown('**Loss** $\\mathcal{L} = \\sum_i x_i$ here\n\n$$\\frac{a}{b}$$\n\n- item $x^2$'))
    expect(doc.querySelectorAll('.katex')).toHaveLength(3)
    expect(doc.querySelectorAll('.katex-display')).toHaveLength(1)
    expect(doc.querySelector('strong')?.textContent).toBe('Loss')
    expect(doc.querySelector('li .katex')).not.toBeNull()
    // KaTeX lays formulas out with inline styles: they survive (the note's own Markdown never has any).
    expect(doc.querySelector('.katex [style]')).not.toBeNull()
  })

  it('leaves prices, escaped dollars and code as text, and stays inert', () => {
    const doc = parse(
      renderMarkdown(
        'costs $5 and $10; \\$x\\$ is literal; `$y$` is code; $\\href{javascript:alert(1)}{x}$ <img src=x onerror=alert(1)>'
      )
    )
    expect(doc.querySelectorAll('.katex')).toHaveLength(1) // the \href one, shown as text (trust off)
    expect(doc.body.textContent).toContain('costs $5 and $10')
    expect(doc.body.textContent).toContain('$x$ is literal')
    expect(doc.querySelector('code')?.textContent).toBe('$y$')
    expect(doc.querySelectorAll('img, [onerror], a[href^="javascript"]')).toHaveLength(0)
    expect(doc.body.innerHTML).not.toMatch(/\uE000|\uE001/)
  })
})

describe('search marks', () => {
  it('skip stop words, unless the query is nothing else', () => {
    const { container, unmount } = render(
      <Highlight text="The attention of the model is all you need" terms={['the', 'attention', 'of']} />
    )
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['attention'])
    unmount()
    const only = render(<Highlight text="The model of the world" terms={['the']} />)
    expect([...only.container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['The', 'the'])
  })
})
