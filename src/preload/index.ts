/**
 * The sandboxed preload (built as ONE CommonJS file, out/preload/index.cjs: a sandboxed
 * preload may only require 'electron'). Exposes exactly one thing, `window.api`, built from the
 * contract's method names (values.ts: not its zod validators, which main applies) over an IPC
 * transport (plus pathForFile for dropped folders). Never exposes ipcRenderer, channels or IPC events: invoke only
 * reaches the contract's own channels, and event listeners get the payload only.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { createClient, type Transport } from './client'
import { channelOf, eventChannelOf, METHOD_NAMES } from './values'

const transport: Transport = {
  invoke: (method, input) => ipcRenderer.invoke(channelOf(method), input),
  subscribe(event, listener) {
    const channel = eventChannelOf(event)
    // Drop the IpcRendererEvent: it must not reach the page.
    const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload ?? {})
    ipcRenderer.on(channel, handler)
    return () => {
      ipcRenderer.removeListener(channel, handler)
    }
  }
}

/**
 * Dropped files and folders: their paths (for api.importPaths), via webUtils.getPathForFile,
 * the only way to get them since Electron 32. The page gets strings, never a file handle.
 */
const pathForFile = (file: File): string => {
  try {
    return webUtils.getPathForFile(file)
  } catch {
    return ''
  }
}

contextBridge.exposeInMainWorld('api', Object.freeze({ ...createClient(transport, METHOD_NAMES), pathForFile }))
