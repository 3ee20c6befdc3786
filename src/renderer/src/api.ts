/**
 * The one place that decides where `api` comes from. In Electron the preload sets `window.api`;
 * in a browser served by the loopback host (`folio serve`, the E2E tests) we build the same
 * FolioApi over fetch, with the token and the contract's method names the host put in index.html.
 */
import type { FolioApi, MethodName } from '../../preload/api'
import { FolioError } from '../../preload/values'
import { createClient, fetchTransport, METHODS_META, TOKEN_META } from '../../preload/client'

/** The access token and method names the browser host put in the page (the token may also be in the URL). */
function hostConnection(): { token: string; methods: MethodName[] } | null {
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? ''
  const token = meta(TOKEN_META) || new URLSearchParams(location.search).get('token')
  const methods = meta(METHODS_META).split(' ').filter(Boolean) as MethodName[]
  return token && methods.length ? { token, methods } : null
}

function disconnected(): FolioApi {
  const fail = (): Promise<never> =>
    Promise.reject(new FolioError('no-api', 'Folio is not connected to a library (no window.api, and not a page served by the Folio host).'))
  return new Proxy({} as FolioApi, {
    get: (_t, prop) => (prop === 'on' ? () => () => {} : fail)
  })
}

function resolveApi(): FolioApi {
  if (window.api) return window.api
  const host = hostConnection()
  return host ? createClient(fetchTransport(host.token), host.methods) : disconnected()
}

export const api: FolioApi = resolveApi()

/** True when running in a plain browser against the loopback host (no Electron preload). */
export const inBrowserHost = !window.api

/**
 * Open an external link. The api validates the URL and, in Electron, hands it to the OS.
 * The browser host never launches programs (it answers opened: false), so there the page opens
 * the validated URL in a new tab itself.
 */
export async function openExternal(url: string): Promise<void> {
  const { opened } = await api.openExternal({ url })
  if (!opened) window.open(url, '_blank', 'noopener,noreferrer')
}

/** A user-facing message for anything an api call rejected with. */
export function errorMessage(err: unknown): string {
  if (err instanceof FolioError) return err.message
  if (err instanceof Error) return err.message || err.name
  return String(err)
}
