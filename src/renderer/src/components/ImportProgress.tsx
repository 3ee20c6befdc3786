/**
 * A progress bar while an import runs: the importProgress events the import worker streams
 * (file i of n, papers so far). Hidden when no import is running.
 */
import { useEffect, useRef, useState } from 'react'
import type { ImportProgressEvent } from '../../../shared/contract'
import { api } from '../api'

export function ImportProgress(): React.JSX.Element | null {
  const [progress, setProgress] = useState<ImportProgressEvent | null>(null)
  const hide = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => {
    const stop = api.on('importProgress', (p) => {
      setProgress(p)
      clearTimeout(hide.current)
      // No news for a while: the import finished (its report panel takes over).
      hide.current = setTimeout(() => setProgress(null), 1500)
    })
    return () => {
      stop()
      clearTimeout(hide.current)
    }
  }, [])
  if (!progress) return null
  const name = progress.file.split(/[\\/]/).pop()
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <label>
        Importing {name} ({progress.fileIndex + 1} of {progress.fileCount}): {progress.papers.toLocaleString()} papers…
        <progress max={progress.fileCount} value={progress.fileIndex + 0.5} aria-label="Import progress" />
      </label>
    </div>
  )
}
