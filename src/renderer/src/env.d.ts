import type { FolioApi } from '../../preload/api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (the loopback host). */
    api?: FolioApi
  }
}

export {}
