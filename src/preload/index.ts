/**
 * The sandboxed preload (built as ONE CommonJS file, out/preload/index.cjs: a sandboxed
 * preload may only require 'electron'). Exposes exactly one thing, `window.api`, built from the
 * contract over an IPC transport. Never exposes ipcRenderer, channels or IPC events: invoke only
 * reaches the contract's own channels, and libraryChanged listeners get no arguments.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { channelOf, LIBRARY_CHANGED } from './api'
import { createClient, type Transport } from './client'

const transport: Transport = {
  invoke: (method, input) => ipcRenderer.invoke(channelOf(method), input),
  subscribeLibraryChanged(listener) {
    const handler = (): void => listener() // drop the IpcRendererEvent: it must not reach the page
    ipcRenderer.on(LIBRARY_CHANGED, handler)
    return () => {
      ipcRenderer.removeListener(LIBRARY_CHANGED, handler)
    }
  }
}

contextBridge.exposeInMainWorld('api', createClient(transport))
