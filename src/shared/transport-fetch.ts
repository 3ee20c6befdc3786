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

/** Error code of a call the host never answered (it stopped, or the network refused the request). */
export const HOST_STOPPED = 'host-stopped'
export const HOST_STOPPED_MESSAGE = "Folio's server stopped — run `folio serve` again"
/** Error code of a call a host refused for its token: a new `folio serve` with a new address. */
export const HOST_REPLACED = 'host-replaced'
const HOST_REPLACED_MESSAGE = "Folio's server was restarted with a new address — open the one `folio serve` printed"
/** How long after the event stream closes for good it is opened again. */
const REOPEN_MS = 3_000
const CLOSED = 2 // EventSource.CLOSED

type Handler = (e: { data: string }) => void
/** The part of EventSource we use (named events carrying JSON). */
interface EventStream {
  readonly readyState: number
  addEventListener(type: string, handler: Handler): void
  removeEventListener(type: string, handler: Handler): void
  close(): void
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
  let reopening: ReturnType<typeof setTimeout> | undefined
  /** Every subscription, so a stream opened again gets them all. */
  const handlers = new Set<{ event: string; handler: Handler }>()
  /**
   * The event stream. EventSource retries a dropped connection by itself, but gives up for good
   * when an attempt is answered with an error: then it is opened again a little later, so events
   * flow again once the host is back.
   */
  let opened = false
  const open = (): EventStream => {
    const es = new EventSource(`${base}${EVENTS_PATH}?token=${encodeURIComponent(token)}`) as unknown as EventStream
    for (const h of handlers) es.addEventListener(h.event, h.handler)
    // Connected again after a break: changes made meanwhile sent no event, so say the library may have changed.
    es.addEventListener('open', () => {
      if (opened) for (const h of handlers) if (h.event === 'libraryChanged') h.handler({ data: '{}' })
      opened = true
    })
    es.addEventListener('error', () => {
      if (es.readyState !== CLOSED || es !== source || reopening) return
      reopening = setTimeout(() => {
        reopening = undefined
        source?.close()
        source = handlers.size ? open() : undefined
      }, REOPEN_MS)
    })
    return es
  }
  return {
    async invoke(method, input) {
      const body = JSON.stringify(input)
      let res: Response
      try {
        res = await fetch(`${base}${API_PATH}${method}`, {
          method: 'POST',
          keepalive: !isReadMethod(method) && body.length <= KEEPALIVE_MAX,
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body
        })
      } catch {
        // fetch rejects only when no answer came at all: the host is not running.
        return { ok: false, error: { code: HOST_STOPPED, message: HOST_STOPPED_MESSAGE } }
      }
      if (res.status === 401) return { ok: false, error: { code: HOST_REPLACED, message: HOST_REPLACED_MESSAGE } }
      if (!res.headers.get('content-type')?.includes('application/json')) {
        return {
          ok: false,
          error: { code: 'transport', message: `The Folio host answered ${res.status} ${res.statusText}` }
        }
      }
      try {
        return (await res.json()) as Reply<unknown>
      } catch {
        // The connection dropped in the middle of the answer.
        return { ok: false, error: { code: HOST_STOPPED, message: HOST_STOPPED_MESSAGE } }
      }
    },
    subscribe(event, listener) {
      if (typeof EventSource === 'undefined') return () => {}
      const entry = { event, handler: (e: { data: string }): void => listener(JSON.parse(e.data) as unknown) }
      handlers.add(entry)
      source ??= open()
      source.addEventListener(event, entry.handler)
      return () => {
        handlers.delete(entry)
        source?.removeEventListener(event, entry.handler)
      }
    }
  }
}
