import { useEffect, useState } from 'react'
import type { NoteRevision } from '../../../shared/contract'
import { api, errorMessage } from '../api'
import { formatTimestamp } from '../lib/format'
import { useStore } from '../store'
import './data-views.css'

const firstLine = (body: string): string =>
  body
    .split('\n')
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 80) || '(empty)'

/** The open note's revisions, newest first; any older one can be viewed and restored. */
export function NoteHistory({ paperId }: { paperId: number }) {
  const savedBody = useStore((s) => s.savedBody)
  const restoreRevision = useStore((s) => s.restoreRevision)
  const [open, setOpen] = useState(false)
  const [revisions, setRevisions] = useState<NoteRevision[] | null>(null)
  const [shown, setShown] = useState<number | null>(null)
  /** Why the revisions could not be read (then a Try again button, never an endless "Loading…"). */
  const [failed, setFailed] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    setRevisions(null)
    setShown(null)
    setFailed(null)
  }, [paperId])
  // Reload while open whenever what the library holds changes (a save, a restore).
  useEffect(() => {
    if (!open) return
    let live = true
    api.listRevisions({ paperId }).then(
      (r) => {
        if (!live) return
        setFailed(null)
        setRevisions(r)
      },
      (err: unknown) => live && setFailed(errorMessage(err))
    )
    return () => {
      live = false
    }
  }, [open, paperId, savedBody, attempt])

  return (
    <details className="note-history" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>History{revisions ? ` (${revisions.length} revision${revisions.length === 1 ? '' : 's'})` : ''}</summary>
      {open && failed !== null && (
        <p className="small" role="alert">
          The history could not be read: {failed}{' '}
          <button type="button" className="link-button" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        </p>
      )}
      {open && revisions === null && failed === null && <p className="muted small">Loading…</p>}
      {revisions?.length === 0 && <p className="muted small">No revisions yet.</p>}
      {revisions && revisions.length > 0 && (
        <ol className="revisions" aria-label="Note revisions">
          {revisions.map((r, i) => {
            const label = `Revision of ${formatTimestamp(r.savedAt)}`
            return (
              <li key={r.id} aria-label={label}>
                <div className="revision-head">
                  <span className="small">
                    {formatTimestamp(r.savedAt)}
                    {i === 0 ? ' · latest' : ''}
                  </span>
                  <span className="revision-excerpt muted small">{firstLine(r.body)}</span>
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={shown === r.id}
                    onClick={() => setShown(shown === r.id ? null : r.id)}
                  >
                    {shown === r.id ? 'Hide' : 'View'}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={r.body === savedBody}
                    title={r.body === savedBody ? 'This is the note’s current text' : undefined}
                    onClick={() => void restoreRevision(r.id).then((ok) => ok && setShown(null))}
                  >
                    Restore
                  </button>
                </div>
                {shown === r.id && <pre className="revision-body">{r.body}</pre>}
              </li>
            )
          })}
        </ol>
      )}
    </details>
  )
}
