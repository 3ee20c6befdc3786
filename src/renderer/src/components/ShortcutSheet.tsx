import { useStore } from '../store'
import { Dialog } from './Dialog'

/** ? opens the sheet and closes it again. */
const CLOSE_KEYS = ['Escape', '?']

export const SHORTCUTS: [string, string][] = [
  ['j / ↓', 'Next paper (in the Notes view: next note)'],
  ['k / ↑', 'Previous paper (in the Notes view: previous note)'],
  ['Home / End', 'First / last paper of the list'],
  ['Page Down / Page Up', 'A screenful of papers on / back'],
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
  ['Tab', 'Sidebar, list, paper in turn (the first Tab offers “Skip to papers”)'],
  ['↑ ↓ Home End', 'In the sidebar: move; Enter or Space shows the view or digest'],
  ['← →', 'In the sidebar: close or open a section or month'],
  ['?', 'This list']
]

export function ShortcutSheet() {
  const open = useStore((s) => s.shortcutsOpen)
  const setOpen = useStore((s) => s.setShortcutsOpen)
  if (!open) return null
  return (
    <Dialog labelledBy="shortcuts-heading" onClose={() => setOpen(false)} closeKeys={CLOSE_KEYS} focusFirst="button">
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
      <button type="button" onClick={() => setOpen(false)}>
        Close
      </button>
    </Dialog>
  )
}
