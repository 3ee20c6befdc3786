/**
 * A search box's text, kept in step with a committed value (the store's query): typing commits
 * after a short pause, `commit()` at once (Enter); a change of the committed value from elsewhere
 * (Esc in the feed, a view switch) shows in the box.
 */
import { useEffect, useState } from 'react'

export const SEARCH_DEBOUNCE_MS = 200

export function useDebouncedText(committed: string, commit: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(committed)
  // Store -> box.
  useEffect(() => setText(committed), [committed])
  // Box -> store, debounced.
  useEffect(() => {
    if (text === committed) return
    const t = setTimeout(() => commit(text), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- commit and committed change with the store; only typing restarts the timer
  }, [text])
  return [text, setText]
}
