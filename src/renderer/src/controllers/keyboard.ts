/**
 * A controller, in controllers/ beside the store rather than in lib/ (pure helpers): it turns
 * key presses and page-lifecycle events into store actions and holds no state; the store never
 * imports it.
 *
 * NetNewsWire-style single-key triage. Keys are ignored while typing in a field, and while a
 * modal dialog is open (the dialog handles its own keys).
 */
import { openExternal } from '../api'
import { useStore } from '../store'
import { goToUnread } from './shell'

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file'].includes(type)
  }
  return false
}

function focusList(): void {
  document.querySelector<HTMLElement>('[role="listbox"]')?.focus()
}

function focusPaperPane(): void {
  document.getElementById('paper-pane')?.focus()
}

/** Feed rows that fit in its viewport (measured: the layout sets the rows' height), less one kept in view. */
function rowsPerPage(): number {
  const box = document.querySelector<HTMLElement>('[role="listbox"]')
  const row = box?.querySelector<HTMLElement>('[role="option"]')?.offsetHeight
  return row ? Math.max(1, Math.floor((box?.clientHeight ?? 0) / row) - 1) : 1
}

const currentIndex = (s: { rows: readonly { id: number }[]; selectedId: number | null }): number =>
  s.selectedId === null ? -1 : s.rows.findIndex((r) => r.id === s.selectedId)

export function handleGlobalKey(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.isComposing) return
  const s = useStore.getState()
  const mod = e.ctrlKey || e.metaKey

  if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') {
    if (isTypingTarget(e.target)) return // native text undo
    e.preventDefault()
    void s.undo()
    return
  }
  if (
    mod &&
    !e.altKey &&
    !e.shiftKey &&
    e.key.toLowerCase() === 'a' &&
    !isTypingTarget(e.target) &&
    !s.shortcutsOpen &&
    s.mode === 'feed'
  ) {
    e.preventDefault()
    s.pickAll()
    return
  }
  if (mod || e.altKey) return
  if (isTypingTarget(e.target)) {
    // Esc leaves a field (blurring the note saves it) and returns to the list.
    if (e.key === 'Escape' && e.target instanceof HTMLElement) {
      e.preventDefault()
      e.target.blur()
      focusList()
    }
    return
  }
  if (s.shortcutsOpen) return

  // Buttons and links handle Enter/Space themselves; arrows belong to whatever has focus
  // (scrolling the paper pane, say) except in the feed or on the page itself.
  const onControl = e.target instanceof HTMLElement && e.target.closest('button, a, [role="button"]') !== null
  const arrowsOk =
    e.target === document.body || (e.target instanceof HTMLElement && e.target.getAttribute('role') === 'listbox')
  const key = e.key

  const run = (fn: () => void) => {
    e.preventDefault()
    fn()
  }
  switch (key) {
    case 'j':
    case 'ArrowDown':
      if (key === 'ArrowDown' && !arrowsOk) return
      return run(() => (s.mode === 'notes' ? s.moveInNotes(1) : s.moveSelection(1)))
    case 'k':
    case 'ArrowUp':
      if (key === 'ArrowUp' && !arrowsOk) return
      return run(() => (s.mode === 'notes' ? s.moveInNotes(-1) : s.moveSelection(-1)))
    case 'Home':
    case 'End':
    case 'PageDown':
    case 'PageUp':
      // The cursor moves with the scroll: to the first or last loaded row, or a page of rows on.
      if (!arrowsOk || s.mode !== 'feed' || !s.rows.length) return
      return run(() => {
        if (key === 'Home') s.moveSelection(-s.rows.length)
        else if (key === 'End') s.moveSelection(s.rows.length - 1 - currentIndex(s))
        else s.moveSelection((key === 'PageDown' ? 1 : -1) * rowsPerPage())
      })
    case 'o':
    case 'Enter':
      if (onControl) return
      return run(() => {
        if (s.selectedId === null) s.moveSelection(1)
        focusPaperPane()
      })
    case 'b':
      return run(() => {
        const url = s.paper?.links.abs ?? s.paper?.links.pdf ?? s.paper?.links.url
        if (url) openExternal(url).catch((err: unknown) => s.reportError(err))
      })
    case 'm':
      return run(() => s.whenSettled(() => void useStore.getState().toggleRead()))
    case 'r':
      return run(() => s.whenSettled(() => void useStore.getState().toggleReading()))
    case 's':
      return run(() => s.whenSettled(() => void useStore.getState().toggleStar()))
    case 'x':
      return run(() => s.whenSettled(() => useStore.getState().togglePicked()))
    case 'A':
      if (!e.shiftKey) return // Caps Lock is not Shift: marking a whole view read takes Shift+A
      return run(() => void s.markViewRead())
    case 'n':
      return run(() => void goToUnread(1))
    case 'N':
      return run(() => void goToUnread(-1))
    case 'e':
      return run(() => document.getElementById('note-text')?.focus())
    case '/':
      return run(() => document.getElementById('search')?.focus())
    case '?':
      return run(() => s.setShortcutsOpen(true))
    case 'Escape':
      return run(() => {
        if (s.importReport) s.closeImportReport()
        else if (s.picked.size || s.allPicked) s.clearPicked()
        else if (s.mode === 'notes') s.setView(s.view)
        else if (s.query) s.setQuery('')
        else focusList()
      })
  }
}

/** Flush the note when the page is hidden or unloaded (the save request starts synchronously). */
export function installLifecycleFlush(): () => void {
  const flush = () => void useStore.getState().flushNote()
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush()
  }
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pagehide', flush)
  window.addEventListener('beforeunload', flush)
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pagehide', flush)
    window.removeEventListener('beforeunload', flush)
  }
}
