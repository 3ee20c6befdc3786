/**
 * The one place that decides where `api` comes from. In Electron the preload sets `window.api`;
 * in a browser served by the loopback host (`folio serve`, the E2E tests) we build the same
 * FolioApi from the contract over fetch, with the token the host injected into index.html.
 */
import { FolioError, type FolioApi, type Reply } from '../../preload/api'
import { API_PATH, createClient, fetchTransport, TOKEN_HEADER, type Transport } from '../../preload/client'

function hostToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="folio-token"]')
  if (meta?.content) return meta.content
  return new URLSearchParams(location.search).get('token')
}

/** Bodies up to this size may use fetch keepalive (Chromium allows 64 KiB in flight). */
const KEEPALIVE_MAX = 60_000

/**
 * fetchTransport, except that note saves small enough are sent with `keepalive`, so a save
 * started in `pagehide`/`beforeunload` survives the page going away (reload, close tab).
 */
function browserTransport(token: string): Transport {
  const base = fetchTransport(token)
  return {
    ...base,
    async invoke(method, input) {
      const body = JSON.stringify(input)
      if (method !== 'saveNote' || body.length > KEEPALIVE_MAX) return base.invoke(method, input)
      const res = await fetch(`${API_PATH}${method}`, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body
      })
      if (!res.headers.get('content-type')?.includes('application/json')) {
        return { ok: false, error: { code: 'transport', message: `The Folio host answered ${res.status} ${res.statusText}` } }
      }
      return (await res.json()) as Reply<unknown>
    }
  }
}

function disconnected(): FolioApi {
  const fail = (): Promise<never> =>
    Promise.reject(new FolioError('no-api', 'Folio is not connected to a library (no window.api and no host token).'))
  return new Proxy({} as FolioApi, {
    get: (_t, prop) => (prop === 'onLibraryChanged' ? () => () => {} : fail)
  })
}

function resolveApi(): FolioApi {
  if (window.api) return window.api
  const token = hostToken()
  return token ? createClient(browserTransport(token)) : disconnected()
}

export const api: FolioApi = resolveApi()

/** True when running in a plain browser against the loopback host (no Electron preload). */
export const inBrowserHost = !window.api

/**
 * Open an external link. The api validates the URL (and, in Electron, hands it to the OS).
 * The browser host never launches programs, so there the page opens the validated URL in a
 * new tab itself.
 */
export async function openExternal(url: string): Promise<void> {
  await api.openExternal({ url })
  if (inBrowserHost) window.open(url, '_blank', 'noopener,noreferrer')
}

/** A user-facing message for anything an api call rejected with. */
export function errorMessage(err: unknown): string {
  if (err instanceof FolioError) return err.message
  if (err instanceof Error) return err.message || err.name
  return String(err)
}
