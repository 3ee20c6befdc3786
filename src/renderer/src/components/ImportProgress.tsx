/**
 * The running import, beside a Cancel button: first the bytes sent (the browser page uploads picked
 * or dropped files to its host), then the papers imported so far (the importProgress events the
 * import worker streams; a file's paper total is not known before it is read, so that bar runs
 * without an end). Hidden when no import is running.
 */
import { useEffect, useRef, useState } from 'react'
import type { ImportProgressEvent } from '../../../shared/contract'
import { api } from '../api'
import { useStore } from '../store'

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1)

export function ImportProgress(): React.JSX.Element | null {
  const importing = useStore((s) => s.importing)
  const upload = useStore((s) => s.uploadProgress)
  const cancelImport = useStore((s) => s.cancelImport)
  const [papers, setPapers] = useState<ImportProgressEvent | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const hide = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    const stop = api.on('importProgress', (p) => {
      setPapers(p)
      clearTimeout(hide.current)
      // No news for a while: an import this page did not start (watched folder) finished.
      hide.current = setTimeout(() => setPapers(null), 1500)
    })
    return () => {
      stop()
      clearTimeout(hide.current)
    }
  }, [])
  useEffect(() => {
    if (!importing) {
      setPapers(null)
      setCancelling(false)
    }
  }, [importing])
  if (!importing && !papers) return null
  let text: string
  let bar: React.JSX.Element
  if (upload) {
    const of = upload.count > 1 ? ` (${upload.index + 1} of ${upload.count})` : ''
    text = `Sending ${upload.file}${of}: ${mb(upload.sent)} of ${mb(upload.total)} MB`
    bar = <progress max={upload.total || 1} value={upload.sent} aria-label="Bytes sent" />
  } else if (papers) {
    const name = papers.file.split(/[\\/]/).pop()
    const of = papers.fileCount > 1 ? ` (${papers.fileIndex + 1} of ${papers.fileCount})` : ''
    text = `Importing ${name}${of}: ${papers.papers.toLocaleString()} papers…`
    bar = <progress aria-label="Papers imported" />
  } else {
    text = 'Importing…'
    bar = <progress aria-label="Papers imported" />
  }
  return (
    <div className="import-progress">
      <span role="status" aria-live="polite">
        {cancelling ? 'Cancelling…' : text}
      </span>
      {bar}
      <button
        type="button"
        disabled={cancelling}
        onClick={() => {
          setCancelling(true)
          void cancelImport()
        }}
      >
        Cancel
      </button>
    </div>
  )
}
