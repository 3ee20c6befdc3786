import { useMemo, type MouseEvent } from 'react'
import { openExternal } from '../api'
import { externalHref, renderMarkdown } from '../lib/markdown'
import { useStore } from '../store'
import type { NoteState } from '../store/notes'

const STATE_TEXT: Record<NoteState, string> = {
  idle: '',
  loading: 'Loading…',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved'
}

function onPreviewClick(e: MouseEvent<HTMLDivElement>) {
  const a = (e.target as Element).closest('a')
  if (!a) return
  e.preventDefault()
  const url = externalHref(a.getAttribute('href'))
  if (url) openExternal(url).catch((err: unknown) => useStore.getState().reportError(err))
}

export function NotesEditor() {
  const draft = useStore((s) => s.draft)
  const noteState = useStore((s) => s.noteState)
  const noteError = useStore((s) => s.noteError)
  const editNote = useStore((s) => s.editNote)
  const flushNote = useStore((s) => s.flushNote)
  const preview = useMemo(() => renderMarkdown(draft), [draft])
  const retry = noteState === 'error' && noteError === 'Not saved'
  return (
    <section className="notes" aria-labelledby="notes-label">
      <div className="notes-head">
        <h3>
          <label id="notes-label" htmlFor="note-text">
            Notes
          </label>
        </h3>
        <span className={`save-state ${noteState}`} role="status" aria-live="polite">
          {noteError && noteState === 'error' ? noteError : STATE_TEXT[noteState]}
        </span>
        {retry && (
          <button type="button" className="link-button" onClick={() => void flushNote()}>
            Retry
          </button>
        )}
      </div>
      <textarea
        id="note-text"
        className="note-text"
        rows={8}
        placeholder="Markdown: what matters, what to try, what to cite…"
        value={draft}
        disabled={noteState === 'loading'}
        onChange={(e) => editNote(e.currentTarget.value)}
        onBlur={() => void flushNote()}
      />
      {draft.trim() && (
        // Clicks on the preview's links are intercepted to open them outside; the links stay keyboard-reachable.
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- see above
        <div
          className="note-preview"
          aria-label="Note preview"
          role="region"
          onClick={onPreviewClick}
          dangerouslySetInnerHTML={{ __html: preview }}
        />
      )}
    </section>
  )
}
