/** How the CLI prints things. */
import type { FileReport, ImportReport, PaperRow } from '../../shared/contract'
import type { ImportProgress } from '../import/import-files'

const MARK: Record<string, string> = { unread: '•', reading: '◐', read: ' ' }

export function paperLine(p: Pick<PaperRow, 'id' | 'status' | 'starred' | 'digestDate' | 'title' | 'hasNote'>): string {
  return `${String(p.id).padStart(6)} ${MARK[p.status] ?? ' '}${p.starred ? '★' : ' '}${p.hasNote ? '✎' : ' '} ${p.digestDate ?? '          '}  ${p.title}`
}

function fileLine(f: FileReport): string {
  if (!f.ok) return `✗ ${f.error}`
  if (f.alreadyImported) return `= ${f.file}: already imported, nothing to do`
  return `✓ ${f.file} (${f.format}): ${f.papers} papers, ${f.added} added, ${f.merged} already known`
}

export function importSummary(r: ImportReport, dryRun = false): string {
  const lines = r.files.map(fileLine)
  for (const f of r.files)
    for (const w of f.ok && !f.alreadyImported ? f.warnings : []) lines.push(`  warning: ${f.file}: ${w}`)
  const verb = dryRun ? 'would add' : 'added'
  lines.push(
    `${dryRun ? 'Dry run: ' : ''}${r.files.length} file${r.files.length === 1 ? '' : 's'}: ${verb} ${r.added} papers, ${r.merged} already known, ${r.rejected} file${r.rejected === 1 ? '' : 's'} refused${dryRun ? ' (nothing written)' : ''}`
  )
  return lines.join('\n')
}

/** What a cancelled import says (Ctrl+C, SIGTERM): what it kept, and that it wrote nothing else. */
export function cancelledLine(r: ImportReport, dryRun = false): string {
  const kept = dryRun ? 0 : r.files.filter((f) => f.ok && !f.alreadyImported).length
  if (kept === 0) return 'import cancelled: nothing was written'
  return `import cancelled: the ${kept} file${kept === 1 ? '' : 's'} imported before ${kept === 1 ? 'was' : 'were'} kept; nothing else was written`
}

/** A progress line on a terminal (rewritten in place); quiet when stderr is not a TTY unless forced. */
export function progressPrinter(stream: NodeJS.WriteStream, force = false): ((p: ImportProgress) => void) | undefined {
  const line = (p: ImportProgress): string => `[${p.fileIndex + 1}/${p.fileCount}] ${p.file}: ${p.papers} papers…`
  if (stream.isTTY) return (p) => stream.write(`\r\x1b[2K${line(p)}`)
  return force ? (p) => stream.write(`${line(p)}\n`) : undefined
}
