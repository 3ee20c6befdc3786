import { formatTimestamp, STATUS_LABEL } from '../lib/format'
import { useStore } from '../store'

/** Papers with notes, newest edited first; choosing one opens the paper. */
export function NotesView() {
  const notes = useStore((s) => s.notesList)
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  return (
    <section className="feed notes-view" aria-labelledby="notes-view-heading">
      <h2 id="notes-view-heading" className="feed-heading">
        Notes
      </h2>
      {notes === null ? (
        <p className="muted feed-empty">Loading…</p>
      ) : notes.length === 0 ? (
        <p className="muted feed-empty">No notes yet. Select a paper and write in its Notes box.</p>
      ) : (
        <ul className="notes-list">
          {notes.map((n) => (
            <li key={n.paperId}>
              <button
                type="button"
                className={`note-item${n.paperId === selectedId ? ' selected' : ''}`}
                aria-current={n.paperId === selectedId ? 'true' : undefined}
                onClick={() => select(n.paperId)}
              >
                <span className="note-title">{n.title}</span>
                <span className="note-excerpt">{n.excerpt}</span>
                <span className="muted small">
                  {STATUS_LABEL[n.status]} · edited {formatTimestamp(n.updatedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
