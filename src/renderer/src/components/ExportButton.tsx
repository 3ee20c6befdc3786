import { useState } from 'react'
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/values'
import { api } from '../api'
import { useStore } from '../store'
import { feedFilter } from '../store/feed'
import '../views/data-views.css'

const LABEL: Record<ExportFormat, string> = { md: 'Markdown', bib: 'BibTeX', csv: 'CSV', json: 'JSON' }

/** Offer text as a file download (works in the browser host and in Electron). */
export function download(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Export the list being shown (view, digest, tag or search) as Markdown, BibTeX, CSV or JSON. */
export function ExportButton() {
  const [open, setOpen] = useState(false)
  const [format, setFormat] = useState<ExportFormat>('md')
  const [busy, setBusy] = useState(false)
  const run = async () => {
    const s = useStore.getState()
    setBusy(true)
    try {
      const file = await api.exportReadingList({ format, ...feedFilter(s) })
      download(file.fileName, file.mimeType, file.text)
      s.showInfo(`Exported ${file.papers} paper${file.papers === 1 ? '' : 's'} as ${LABEL[format]}`)
      setOpen(false)
    } catch (err) {
      s.reportError(err, 'Export failed')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="export">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Export…
      </button>
      {open && (
        // Escape anywhere inside the popover closes it (its buttons are the interactive part).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above
        <div
          className="export-panel"
          role="group"
          aria-label="Export this list"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setOpen(false)
            }
          }}
        >
          <label>
            Format{' '}
            <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {LABEL[f]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            Download
          </button>
        </div>
      )}
    </div>
  )
}
