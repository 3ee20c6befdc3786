import type { FolioApi } from '../../shared/contract'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (the loopback host). */
    api?: FolioApi
  }
}

export {}

declare module 'react' {
  // Declaration merging: the type parameter must match React's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- see above
  interface HTMLAttributes<T> {
    /** Element Timing API: the browser reports when this element's text is first painted. */
    elementtiming?: string
  }
}
