/**
 * Builds a `FolioApi` from the contract over any transport. The preload uses it with
 * ipcRenderer.invoke; the browser build uses it with fetch against the loopback host.
 * No electron import here.
 */
import { methodNames, unwrap, type FolioApi, type MethodName, type Reply } from './api'

export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Reply<unknown>>
  subscribeLibraryChanged(listener: () => void): () => void
}

export function createClient(transport: Transport): FolioApi {
  const api: Record<string, unknown> = {}
  for (const name of methodNames) {
    api[name] = async (input: unknown) => unwrap(await transport.invoke(name, input ?? {}))
  }
  api.onLibraryChanged = (listener: () => void) => transport.subscribeLibraryChanged(listener)
  return Object.freeze(api) as FolioApi
}

/** HTTP header carrying the browser host's token. */
export const TOKEN_HEADER = 'x-folio-token'
/** Path prefix of the browser host's method endpoints: POST /api/<method>. */
export const API_PATH = '/api/'
/** Server-sent events stream for libraryChanged. */
export const EVENTS_PATH = '/events'

/** Bodies up to this size go with fetch `keepalive` (Chromium allows 64 KiB in flight). */
const KEEPALIVE_MAX = 60_000

/**
 * fetch transport for the browser host. The token comes from a meta tag the host injects.
 * Small calls use `keepalive`, so a note save started in `pagehide`/`beforeunload` survives the
 * page going away (reload, closed tab).
 */
export function fetchTransport(token: string, base = ''): Transport {
  return {
    async invoke(method, input) {
      const body = JSON.stringify(input)
      const res = await fetch(`${base}${API_PATH}${method}`, {
        method: 'POST',
        keepalive: body.length <= KEEPALIVE_MAX,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body
      })
      if (!res.headers.get('content-type')?.includes('application/json')) {
        return { ok: false, error: { code: 'transport', message: `The Folio host answered ${res.status} ${res.statusText}` } }
      }
      return (await res.json()) as Reply<unknown>
    },
    subscribeLibraryChanged(listener) {
      if (typeof EventSource === 'undefined') return () => {}
      const source = new EventSource(`${base}${EVENTS_PATH}?token=${encodeURIComponent(token)}`)
      source.addEventListener('libraryChanged', () => listener())
      return () => source.close()
    }
  }
}
