import { STATUSES, type Status } from '../../../shared/values'
import { formatTimestamp, STATUS_LABEL } from '../lib/format'
import { useDebouncedText } from '../lib/useDebouncedText'
import { useStore } from '../store'
import './data-views.css'

/** Search in the notes' text, filter by tag and status. */
function NotesFilters() {
  const filter = useStore((s) => s.notesFilter)
  const setFilter = useStore((s) => s.setNotesFilter)
  const tags = useStore((s) => s.counts?.tags)
  const [text, setText] = useDebouncedText(filter.query, (query) => setFilter({ query }))
  return (
    <div className="notes-filters" role="search" aria-label="Notes">
      <input
        type="search"
        aria-label="Search notes"
        placeholder="Search in notes"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setFilter({ query: text })
          if (e.key === 'Escape') {
            e.stopPropagation()
            setText('')
            setFilter({ query: '' })
          }
        }}
      />
      <label>
        Tag{' '}
        <select value={filter.tag ?? ''} onChange={(e) => setFilter({ tag: e.currentTarget.value || null })}>
          <option value="">Any tag</option>
          {(tags ?? []).map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status{' '}
        <select
          value={filter.status ?? ''}
          onChange={(e) => setFilter({ status: (e.currentTarget.value || null) as Status | null })}
        >
          <option value="">Any status</option>
          {STATUSES.map((st) => (
            <option key={st} value={st}>
              {STATUS_LABEL[st]}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/** Papers with notes, newest edited first; choosing one opens the paper. */
export function NotesView() {
  const notes = useStore((s) => s.notesList)
  const filtered = useStore(
    (s) => s.notesFilter.query.trim() !== '' || s.notesFilter.tag !== null || s.notesFilter.status !== null
  )
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  return (
    <section className="feed notes-view" aria-label="All notes">
      <h2 id="notes-view-heading" className="feed-heading">
        Notes
      </h2>
      <NotesFilters />
      {notes === null ? (
        <p className="muted feed-empty">Loading…</p>
      ) : notes.length === 0 ? (
        <p className="muted feed-empty">
          {filtered ? 'No notes match.' : 'No notes yet. Select a paper and write in its Notes box.'}
        </p>
      ) : (
        <ul className="notes-list" aria-label="Notes, newest edited first">
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
