import { useEffect, useRef } from 'react'
import { useStore } from '../store'

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next paper'],
  ['k / ↑', 'Previous paper'],
  ['n / Shift+N', 'Next / previous unread paper'],
  ['o / Enter', 'Open the paper (focus its pane)'],
  ['b', 'Open the paper’s arXiv page in the browser'],
  ['m', 'Mark read / unread'],
  ['r', 'Mark reading / unread'],
  ['s', 'Star / unstar'],
  ['x', 'Select the paper (add to / take from the selection)'],
  ['Shift+click, Ctrl/⌘+click', 'Select a range, add one paper'],
  ['Ctrl+A / ⌘A', 'Select all papers in this view'],
  ['Shift+A', 'Mark all papers in this view read'],
  ['e', 'Write a note'],
  ['/', 'Search'],
  ['Esc', 'Clear the selection, leave search, close, back'],
  ['Ctrl+Z / ⌘Z', 'Undo the last status or star change (again: the one before, up to 100)'],
  ['?', 'This list']
]

export function ShortcutSheet() {
  const open = useStore((s) => s.shortcutsOpen)
  const setOpen = useStore((s) => s.setShortcutsOpen)
  const closeRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const before = document.activeElement as HTMLElement | null
    closeRef.current?.focus()
    return () => before?.focus?.()
  }, [open])
  if (!open) return null
  return (
    <div className="backdrop" onClick={() => setOpen(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-heading"
        className="dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault()
            e.stopPropagation()
            setOpen(false)
          }
        }}
      >
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </div>
  )
}
