/**
 * The browser host's transport: one POST per call to the loopback host (`folio serve`, the E2E
 * tests), events over one server-sent events stream. No electron, no Node.
 */
import type { Transport } from './client'
import { isReadMethod, type Reply } from './values'

/** HTTP header carrying the browser host's token. */
export const TOKEN_HEADER = 'x-folio-token'
/** Path prefix of the browser host's method endpoints: POST /api/<method>. */
export const API_PATH = '/api/'
/** The page's meta tag where the browser host puts the access token. */
export const TOKEN_META = 'folio-token'
/** The browser host's upload endpoint: POST the File itself as the body; answers a Reply<{ id, bytes }>. */
export const UPLOAD_PATH = '/upload'
/** Server-sent events stream (one per page) carrying every event. */
export const EVENTS_PATH = '/events'

/** The part of EventSource we use (named events carrying JSON). */
interface EventStream {
  addEventListener(type: string, handler: (e: { data: string }) => void): void
  removeEventListener(type: string, handler: (e: { data: string }) => void): void
}

/** Bodies up to this size go with fetch `keepalive` (Chromium allows 64 KiB in flight, all requests together). */
const KEEPALIVE_MAX = 60_000

/**
 * fetch transport for the browser host. The token comes from a meta tag the host injects.
 * Writes use `keepalive`, so a note save started in `pagehide`/`beforeunload` survives the page
 * going away (reload, closed tab); reads do not, so they never count against keepalive's budget.
 */
export function fetchTransport(token: string, base = ''): Transport {
  let source: EventStream | undefined
  return {
    async invoke(method, input) {
      const body = JSON.stringify(input)
      const res = await fetch(`${base}${API_PATH}${method}`, {
        method: 'POST',
        keepalive: !isReadMethod(method) && body.length <= KEEPALIVE_MAX,
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body
      })
      if (!res.headers.get('content-type')?.includes('application/json')) {
        return {
          ok: false,
          error: { code: 'transport', message: `The Folio host answered ${res.status} ${res.statusText}` }
        }
      }
      return (await res.json()) as Reply<unknown>
    },
    subscribe(event, listener) {
      if (typeof EventSource === 'undefined') return () => {}
      source ??= new EventSource(`${base}${EVENTS_PATH}?token=${encodeURIComponent(token)}`) as unknown as EventStream
      const handler = (e: { data: string }): void => listener(JSON.parse(e.data) as unknown)
      source.addEventListener(event, handler)
      return () => source?.removeEventListener(event, handler)
    }
  }
}
