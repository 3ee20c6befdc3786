/**
 * Reading lists: the papers of any view or search as Markdown, BibTeX, CSV or JSON. Plain Node;
 * the CLI writes the text to a file, the app's menu saves it, the browser host downloads it.
 */
import { STATUS_LABELS, type ExportFile, type ExportFormat, type PaperDetail } from '../../shared/contract'
import type { DB } from '../library/db'
import { toBibtex } from './bibtex-writer'
import { describeFilter, listPapers, type ListFilter } from './collect'
import { safeStem } from './file-names'

const MIME: Record<ExportFormat, string> = {
  md: 'text/markdown',
  bib: 'application/x-bibtex',
  csv: 'text/csv',
  json: 'application/json'
}

/** Markdown inline text: characters that would start formatting or links are escaped. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ')
}

function bestLink(p: PaperDetail): string | undefined {
  const doi = p.doi ? `https://doi.org/${p.doi}` : undefined
  const arxiv = p.arxivId ? `https://arxiv.org/abs/${p.arxivId}` : undefined
  return p.links.abs ?? arxiv ?? doi ?? p.links.url ?? p.links.project ?? p.links.pdf
}

function markdown(papers: PaperDetail[], heading: string): string {
  const lines = [
    `# Reading list: ${mdEscape(heading)}`,
    '',
    `${papers.length} paper${papers.length === 1 ? '' : 's'}, exported from Folio.`,
    ''
  ]
  for (const p of papers) {
    const link = bestLink(p)
    const title = link ? `[${mdEscape(p.title)}](<${link.replace(/[<>\s]/g, encodeURIComponent)}>)` : mdEscape(p.title)
    const authors = p.authors.length > 3 ? `${p.authors.slice(0, 3).join(', ')} et al.` : p.authors.join(', ')
    const meta = [
      authors && mdEscape(authors),
      p.arxivId && `arXiv:${p.arxivId}`,
      p.doi && !p.arxivId && `doi:${mdEscape(p.doi)}`,
      `${STATUS_LABELS[p.status]}${p.starred ? ' ★' : ''}`,
      p.tags.length ? p.tags.map((t) => `#${t.replace(/[^\p{L}\p{N}_/-]/gu, '_')}`).join(' ') : ''
    ].filter(Boolean)
    lines.push(`- **${title}**  `, `  ${meta.join(' · ')}`)
  }
  return `${lines.join('\n')}\n`
}

/** RFC 4180 field; cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function csvField(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const CSV_COLUMNS = [
  'id',
  'title',
  'authors',
  'arxiv_id',
  'doi',
  'url',
  'status',
  'starred',
  'tags',
  'digest_date',
  'first_seen',
  'published',
  'abstract'
] as const

function csv(papers: PaperDetail[]): string {
  const rows = [CSV_COLUMNS.join(',')]
  for (const p of papers) {
    const cells = [
      String(p.id),
      p.title,
      p.authors.join('; '),
      p.arxivId ?? '',
      p.doi ?? '',
      bestLink(p) ?? '',
      p.status,
      p.starred ? 'yes' : 'no',
      p.tags.join('; '),
      p.digestDate ?? '',
      p.firstSeen,
      p.published ?? '',
      p.abstract
    ]
    rows.push(cells.map(csvField).join(','))
  }
  return `${rows.join('\r\n')}\r\n`
}

function json(papers: PaperDetail[]): string {
  const out = papers.map((p) => ({
    id: p.id,
    title: p.title,
    authors: p.authors,
    arxivId: p.arxivId,
    version: p.version,
    doi: p.doi,
    abstract: p.abstract,
    links: p.links,
    categories: p.categories,
    published: p.published,
    status: p.status,
    starred: p.starred,
    statusChangedAt: p.statusChangedAt,
    tags: p.tags,
    hasNote: p.hasNote,
    firstSeen: p.firstSeen,
    digestDate: p.digestDate,
    digests: p.digests.map((d) => ({ date: d.date, fileName: d.fileName, format: d.format, position: d.position }))
  }))
  return `${JSON.stringify(out, null, 2)}\n`
}

export function exportReadingList(db: DB, format: ExportFormat, filter: ListFilter = {}): ExportFile {
  const papers = [...listPapers(db, filter)]
  const heading = describeFilter(filter)
  const text =
    format === 'md'
      ? markdown(papers, heading)
      : format === 'bib'
        ? toBibtex(papers)
        : format === 'csv'
          ? csv(papers)
          : json(papers)
  return { fileName: `Folio - ${safeStem(heading)}.${format}`, mimeType: MIME[format], text, papers: papers.length }
}
