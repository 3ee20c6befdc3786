// @vitest-environment jsdom
/** ExternalLink: only http(s) URLs become links; anything else (javascript:, data:, file:) is text. */
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ExternalLink } from '../../src/renderer/src/components/ExternalLink'

afterEach(cleanup)

describe('ExternalLink', () => {
  it('renders http(s) URLs as links', () => {
    const { container } = render(<ExternalLink href="https://arxiv.org/abs/2106.09685">arXiv</ExternalLink>)
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://arxiv.org/abs/2106.09685')
  })

  it.each([
    'javascript:window.__pwned=1',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>x</script>',
    'file:///etc/passwd',
    'vbscript:x',
    'not a url',
    ''
  ])('renders %j as plain text, never an href', (href) => {
    const { container } = render(<ExternalLink href={href}>label</ExternalLink>)
    expect(container.querySelector('a')).toBeNull()
    expect(container.querySelector('[href]')).toBeNull()
    expect(container.textContent).toBe('label')
  })
})
