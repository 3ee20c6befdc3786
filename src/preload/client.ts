/**
 * Builds a `FolioApi` over any transport, with one function per method name given: the contract's
 * names. The preload passes values.ts's `METHOD_NAMES` with ipcRenderer.invoke; the browser build uses fetch
 * against the loopback host, with the names the host put in the page (so the renderer's bundle
 * never carries the contract's validator). No electron import here.
 */
import type { EventName, FolioApi, MethodName } from './api'
import { isEventName, isReadMethod, unwrap, type Reply } from './values'

export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Reply<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

export function createClient(transport: Transport, methods: readonly MethodName[]): FolioApi {
  const api: Record<string, unknown> = {}
  for (const name of methods) {
    api[name] = async (input: unknown) => unwrap(await transport.invoke(name, input ?? {}))
  }
  api.on = (event: unknown, listener: unknown) => {
    if (!isEventName(event)) throw new TypeError(`Unknown event "${String(event)}"`)
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function')
    return transport.subscribe(event, (payload) => (listener as (p: unknown) => void)(payload))
  }
  return Object.freeze(api) as FolioApi
}

/** HTTP header carrying the browser host's token. */
export const TOKEN_HEADER = 'x-folio-token'
/** Path prefix of the browser host's method endpoints: POST /api/<method>. */
export const API_PATH = '/api/'
/** The page's meta tags where the browser host puts the access token and the contract's method names. */
export const TOKEN_META = 'folio-token'
export const METHODS_META = 'folio-methods'
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
        return { ok: false, error: { code: 'transport', message: `The Folio host answered ${res.status} ${res.statusText}` } }
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
