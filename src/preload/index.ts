/**
 * The sandboxed preload (built as ONE CommonJS file, out/preload/index.cjs: a sandboxed
 * preload may only require 'electron'). Exposes exactly one thing, `window.api`, built from the
 * contract's method names (shared/values.ts; main applies the zod validators) over the IPC
 * transport (shared/transport-ipc.ts), plus pathForFile for dropped files and folders. Never
 * exposes ipcRenderer, channels or IPC events.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createClient } from '../shared/client'
import { ipcTransport } from '../shared/transport-ipc'

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

contextBridge.exposeInMainWorld('api', Object.freeze({ ...createClient(ipcTransport(ipcRenderer)), pathForFile }))
