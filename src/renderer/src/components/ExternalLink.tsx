import type { ReactNode } from 'react'
import { openExternal } from '../api'
import { externalHref } from '../lib/markdown'
import { useStore } from '../store'

/**
 * An anchor that never navigates the app: a click asks main to open the URL in the browser.
 * Only an http(s) URL becomes a link (main checks again before opening); anything else is text.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const safe = externalHref(href)
  if (!safe) return <span className="link-refused">{children}</span>
  return (
    <a
      href={safe}
      rel="noopener noreferrer"
      onClick={(e) => {
        e.preventDefault()
        openExternal(safe).catch((err: unknown) => useStore.getState().reportError(err))
      }}
    >
      {children}
    </a>
  )
}
