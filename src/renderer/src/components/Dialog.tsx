/**
 * A modal dialog: a labelled `dialog` over a backdrop. Clicking the backdrop or pressing one of
 * `closeKeys` (Esc by default) closes it; focus moves into it when it opens (`focusFirst`, else
 * its first control) and goes back where it was when it closes.
 */
import { useEffect, useRef, type ReactNode } from 'react'

interface Props {
  /** id of the heading that names the dialog. */
  labelledBy: string
  className?: string
  onClose(): void
  closeKeys?: readonly string[]
  /** Where focus goes on opening (a CSS selector inside the dialog). */
  focusFirst?: string
  children: ReactNode
}

export function Dialog({ labelledBy, className, onClose, closeKeys = ['Escape'], focusFirst, children }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    ref.current?.querySelector<HTMLElement>(focusFirst ?? 'button, select, input, textarea, [tabindex]')?.focus()
    return () => before?.focus?.()
    // Once per opening: the dialog is mounted while open.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see the comment above
  }, [])
  return (
    // The backdrop's click is the mouse's Escape (the dialog handles Escape itself).
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- see above
    <div className="backdrop" onClick={onClose}>
      {/* A modal dialog handles its own keys (Escape, the Tab trap) and keeps its clicks from the backdrop. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above */}
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        className={className ? `dialog ${className}` : 'dialog'}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (!closeKeys.includes(e.key)) return
          e.preventDefault()
          e.stopPropagation()
          onClose()
        }}
      >
        {children}
      </div>
    </div>
  )
}
