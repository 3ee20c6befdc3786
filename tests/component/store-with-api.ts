/**
 * The renderer's zustand store over a stand-in api, for store tests in jsdom: the store is what is
 * under test there; the real renderer against the real host is what the end-to-end tests cover.
 */
import { vi } from 'vitest'
import type { FolioApi } from '../../src/shared/contract'

/** Load the store with `api` replaced by these methods (plus a no-op event subscription). */
export async function storeWithApi(methods: Partial<Record<keyof FolioApi, unknown>>) {
  const api = { on: () => () => {}, ...methods } as unknown as FolioApi
  vi.doMock('../../src/renderer/src/api', () => ({
    api,
    inBrowserHost: false,
    openExternal: async () => {},
    errorMessage: (e: unknown) => String(e)
  }))
  const { useStore } = await import('../../src/renderer/src/store')
  return { useStore, api }
}
