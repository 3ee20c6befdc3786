import { useRef, useState } from 'react'
import type { DownloadFile, RestoreResult } from '../../../shared/values'
import { api } from '../api'
import { useStore } from '../store'
import '../views/data-views.css'

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`

/** Offer a file the library made (text or base64 bytes) as a download. */
function save(file: DownloadFile): void {
  const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const restoredText = (r: RestoreResult): string =>
  `Restored ${plural(r.papers, 'paper')}, ${plural(r.digests, 'digest')}, ${plural(r.tags, 'tag')} and ${plural(r.notes, 'note')}`

/**
 * The library's data as files: a backup (Folio's JSON Lines) and the notes (a zip of Markdown files)
 * to download, and a backup to restore, which only an empty library accepts (the server refuses any
 * other, changing nothing). The desktop app has the same in its File menu.
 */
export function LibraryMenu() {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const empty = useStore((s) => s.counts !== null && s.counts.views.all === 0)
  const picker = useRef<HTMLInputElement>(null)

  const run = async (what: string, job: () => Promise<string>) => {
    const s = useStore.getState()
    setBusy(true)
    try {
      s.showInfo(await job())
      setOpen(false)
    } catch (err) {
      s.reportError(err, `${what} failed`)
    } finally {
      setBusy(false)
    }
  }
  const backup = () =>
    run('Backup', async () => {
      const file = await api.backupDownload({})
      save(file)
      return `Backed up ${file.summary}`
    })
  const exportNotes = () =>
    run('Export notes', async () => {
      const file = await api.exportNotesDownload({})
      save(file)
      return `Exported ${file.summary} as Markdown`
    })
  const restore = (file: File) =>
    run('Restore', async () => {
      // The browser version sends the file as an upload (streamed to disk, never held as one string);
      // the app's window hands its text over IPC.
      if (api.uploadFiles) {
        const [sent] = await api.uploadFiles([file], () => {}, new AbortController().signal)
        return restoredText(await api.restoreUpload({ id: sent!.id, name: file.name }))
      }
      return restoredText(await api.restoreFromFile({ name: file.name, text: await file.text() }))
    })

  return (
    <div className="export">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Library…
      </button>
      {open && (
        // Escape anywhere inside the popover closes it (its buttons are the interactive part).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- see above
        <div
          className="export-panel"
          role="group"
          aria-label="Library data"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setOpen(false)
            }
          }}
        >
          <button type="button" disabled={busy || empty} onClick={() => void backup()}>
            Download backup
          </button>
          <button type="button" disabled={busy || empty} onClick={() => void exportNotes()}>
            Export notes (Markdown)
          </button>
          <button
            type="button"
            disabled={busy || !empty}
            title={empty ? undefined : 'A backup is restored into an empty library only'}
            onClick={() => picker.current?.click()}
          >
            Restore a backup…
          </button>
          <input
            ref={picker}
            type="file"
            accept=".jsonl,.json"
            hidden
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              e.currentTarget.value = ''
              if (file) void restore(file)
            }}
          />
        </div>
      )}
    </div>
  )
}
