/**
 * The one place that decides where `api` comes from. In Electron the preload sets `window.api`;
 * in a browser served by the loopback host (`folio serve`, the E2E tests) we build the same
 * FolioApi over fetch, with the token the host put in index.html.
 */
import type { FolioApi } from '../../shared/contract'
import { FolioError } from '../../shared/values'
import { createClient } from '../../shared/client'
import { fetchTransport, TOKEN_META } from '../../shared/transport-fetch'
import { uploadFiles as uploadWith } from './lib/upload'

/** The access token the browser host put in the page (it may also be in the URL). */
function hostToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? ''
  return meta || new URLSearchParams(location.search).get('token')
}

function disconnected(): FolioApi {
  const fail = (): Promise<never> =>
    Promise.reject(
      new FolioError(
        'no-api',
        'Folio is not connected to a library (no window.api, and not a page served by the Folio host).'
      )
    )
  return new Proxy({} as FolioApi, {
    get: (_t, prop) => (prop === 'on' ? () => () => {} : fail)
  })
}

function resolveApi(): FolioApi {
  if (window.api) return window.api
  const token = hostToken()
  if (!token) return disconnected()
  // The page also uploads files to its host (lib/upload.ts): streamed, never base64.
  const uploadFiles: FolioApi['uploadFiles'] = (files, onProgress, signal) =>
    uploadWith(token, files, onProgress, signal)
  return Object.freeze({ ...createClient(fetchTransport(token)), uploadFiles })
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
