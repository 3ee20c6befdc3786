/**
 * Builds a `FolioApi` over any transport, with one function per method name: values.ts's
 * `METHOD_NAMES` (checked against the contract at compile time), so neither the preload nor the
 * renderer's bundle carries the contract's validator. The two transports: transport-ipc.ts
 * (the preload) and transport-fetch.ts (the page served by the browser host).
 */
import type { EventName, FolioApi, MethodName } from './contract'
import { isEventName, METHOD_NAMES, unwrap, type Reply } from './values'

export interface Transport {
  invoke(method: MethodName, input: unknown): Promise<Reply<unknown>>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

export function createClient(transport: Transport, methods: readonly MethodName[] = METHOD_NAMES): FolioApi {
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
