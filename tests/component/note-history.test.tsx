// @vitest-environment jsdom
/**
 * Note history when the revisions cannot be read: the panel says why and offers Try again (it used to
 * stay on "Loading…" for good). The api is a stand-in here (jsdom has no library); the real
 * renderer against the real host is what the end-to-end tests cover.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { NoteRevision } from '../../src/shared/contract'

afterEach(() => {
  cleanup()
  vi.resetModules()
})

describe('NoteHistory', () => {
  it('a failed read says why and can be tried again; then the revisions show', async () => {
    const revision: NoteRevision = { id: 7, body: 'first thoughts', savedAt: '2026-12-01T10:00:00Z' }
    const listRevisions = vi
      .fn()
      .mockRejectedValueOnce(new Error('the library is busy'))
      .mockResolvedValueOnce([revision])
    vi.doMock('../../src/renderer/src/api', () => ({
      api: { on: () => () => {}, listRevisions },
      inBrowserHost: false,
      openExternal: async () => {},
      errorMessage: (e: unknown) => (e instanceof Error ? e.message : String(e))
    }))
    const { NoteHistory } = await import('../../src/renderer/src/views/NoteHistory')
    const { container } = render(<NoteHistory paperId={1} />)
    const details = container.querySelector('details')!
    details.open = true
    fireEvent(details, new Event('toggle'))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/could not be read: the library is busy/)
    expect(screen.queryByText('Loading…')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('first thoughts')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(listRevisions).toHaveBeenCalledTimes(2)
  })
})
