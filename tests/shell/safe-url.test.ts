/** safeExternalUrl: the only URLs Folio hands to the OS. */
import { describe, expect, it } from 'vitest'
import { safeExternalUrl } from '../../src/main/safe-url'

describe('safeExternalUrl', () => {
  it.each([
    ['https://arxiv.org/abs/2406.00001', 'https://arxiv.org/abs/2406.00001'],
    ['http://example.com', 'http://example.com/'],
    ['  https://github.com/a/b  ', 'https://github.com/a/b'],
    ['mailto:someone@example.com', 'mailto:someone@example.com']
  ])('allows %s', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'folio://app/index.html',
    'smb://host/share',
    'https://user:pw@evil.example/',
    'https://user@evil.example/',
    'http://',
    'not a url',
    '/relative/path',
    'https://exa mple.com/',
    'https://example.com/\nfoo',
    `https://example.com/${'a'.repeat(5000)}`,
    ''
  ])('refuses %s', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull()
  })

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 42, {}, ['https://x.org']]) expect(safeExternalUrl(v)).toBeNull()
  })
})
