import { formatLabel } from '../../../shared/format-labels'
import { useStore } from '../store'

/** The reason alone: the line already starts with the file's name. */
const withoutFileName = (error: string, file: string): string =>
  error.startsWith(`${file}: `) ? error.slice(file.length + 2) : error

/** What an import did: added / already known / rejected, with each file's message. */
export function ImportReportPanel() {
  const report = useStore((s) => s.importReport)
  const close = useStore((s) => s.closeImportReport)
  if (!report) return null
  const known = report.files.filter((f) => f.ok && f.alreadyImported).length
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <div className="import-report-head">
        <h2 id="import-report-heading">Import finished</h2>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
      <p role="status">
        {report.added} added · {report.merged} already known
        {known ? ` · ${known} file${known > 1 ? 's' : ''} already imported` : ''} · {report.rejected} rejected
      </p>
      <ul>
        {report.files.map((f, i) => (
          <li key={i} className={f.ok ? 'ok' : 'rejected'}>
            <strong>{f.file}</strong>:{' '}
            {f.ok
              ? f.alreadyImported
                ? 'already imported, nothing to do'
                : `${f.papers} papers (${formatLabel(f.format)}): ${f.added} added, ${f.merged} already known`
              : `rejected: ${withoutFileName(f.error ?? 'unknown error', f.file)}`}
            {f.warnings.length > 0 && (
              <ul className="warnings">
                {f.warnings.slice(0, 20).map((w, j) => (
                  <li key={j}>{w}</li>
                ))}
                {f.warnings.length > 20 && <li>… {f.warnings.length - 20} more warnings</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
