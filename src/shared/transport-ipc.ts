/**
 * The preload's transport over Electron IPC. It takes the part of `ipcRenderer` it uses as an
 * argument, so this file imports nothing from electron (the preload passes the real one). Invoke
 * reaches the contract's own channels only; listeners get the payload, never the IPC event.
 */
import type { Transport } from './client'
import { channelOf, eventChannelOf } from './values'

export interface IpcRendererLike {
  invoke(channel: string, input: unknown): Promise<unknown>
  on(channel: string, handler: (event: unknown, payload: unknown) => void): unknown
  removeListener(channel: string, handler: (event: unknown, payload: unknown) => void): unknown
}

export function ipcTransport(ipc: IpcRendererLike): Transport {
  return {
    invoke: (method, input) => ipc.invoke(channelOf(method), input) as ReturnType<Transport['invoke']>,
    subscribe(event, listener) {
      const channel = eventChannelOf(event)
      // Drop the IpcRendererEvent: it must not reach the page.
      const handler = (_e: unknown, payload: unknown): void => listener(payload ?? {})
      ipc.on(channel, handler)
      return () => {
        ipc.removeListener(channel, handler)
      }
    }
  }
}
