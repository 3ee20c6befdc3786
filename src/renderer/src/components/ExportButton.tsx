import { useEffect, useRef, useState } from 'react'
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
  const box = useRef<HTMLDivElement>(null)
  const empty = useStore((s) => s.counts !== null && s.counts.views.all === 0)
  // Open, the popover closes on Escape wherever focus is, on a press outside it, and when focus
  // leaves it (a dialog opening takes focus): it never stays over anything else.
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
      box.current?.querySelector('button')?.focus()
    }
    const onPointer = (e: PointerEvent) => {
      if (!(e.target instanceof Node) || !box.current?.contains(e.target)) setOpen(false)
    }
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof Node && !box.current?.contains(e.target)) setOpen(false)
    }
    window.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onPointer, true)
    document.addEventListener('focusin', onFocus)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onPointer, true)
      document.removeEventListener('focusin', onFocus)
    }
  }, [open])
  useEffect(() => {
    if (empty) setOpen(false)
  }, [empty])
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
    <div className="export" ref={box}>
      <button
        type="button"
        aria-expanded={open}
        disabled={empty}
        title={empty ? 'Nothing to export yet: import a digest first' : undefined}
        onClick={() => setOpen(!open)}
      >
        Export…
      </button>
      {open && (
        <div className="export-panel" role="group" aria-label="Export this list">
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
