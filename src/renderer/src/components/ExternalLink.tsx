import type { ReactNode } from 'react'
import { openExternal } from '../api'
import { useStore } from '../store'

/** An anchor that never navigates the app: a click asks main to open the URL in the browser. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault()
        openExternal(href).catch((err: unknown) => useStore.getState().reportError(err))
      }}
    >
      {children}
    </a>
  )
}
