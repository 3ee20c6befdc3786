/** An import's report, from its files' reports (the importer, and the supervisor of a stopped worker). */
import type { FileReport, ImportReport } from '../../shared/contract'

export function summarize(files: FileReport[], cancelled = false): ImportReport {
  return {
    files,
    added: files.reduce((n, f) => n + f.added, 0),
    merged: files.reduce((n, f) => n + f.merged, 0),
    rejected: files.filter((f) => !f.ok).length,
    ...(cancelled ? { cancelled: true } : {})
  }
}

/** A file that was not imported, and why (the message names the file). */
export const refusedFile = (file: string, error: string): FileReport => ({
  file,
  ok: false,
  error,
  added: 0,
  merged: 0,
  papers: 0,
  warnings: []
})
