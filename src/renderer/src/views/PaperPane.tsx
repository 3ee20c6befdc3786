import type { PaperDetail, PaperLinks, Status } from '../../../shared/contract'
import { formatLabel } from '../../../shared/format-labels'
import { Abstract } from '../components/Abstract'
import { ExternalLink } from '../components/ExternalLink'
import { Highlight } from '../components/Highlight'
import { formatDigestDate, STATUS_LABEL } from '../lib/format'
import { useStore } from '../store'
import { NoteHistory } from './NoteHistory'
import { NotesEditor } from './NotesEditor'
import { PaperTags } from './PaperTags'
import './paper.css'
import { SimilarPapers } from './SimilarPapers'

const LINKS: { key: keyof PaperLinks; label: string }[] = [
  { key: 'abs', label: 'arXiv' },
  { key: 'pdf', label: 'PDF' },
  { key: 'code', label: 'Code' },
  { key: 'project', label: 'Project page' },
  { key: 'doi', label: 'DOI' },
  { key: 'hf', label: 'Hugging Face' },
  { key: 'url', label: 'Link' }
]

function linkUrl(paper: PaperDetail, key: keyof PaperLinks): string | undefined {
  const v = paper.links[key]
  if (v) return key === 'doi' && !/^https?:/i.test(v) ? `https://doi.org/${v}` : v
  if (key === 'doi' && paper.doi) return `https://doi.org/${paper.doi}`
  return undefined
}

function StatusControl({ status }: { status: Status }) {
  const setStatus = useStore((s) => s.setStatus)
  const id = useStore((s) => s.selectedId)
  return (
    <div role="group" aria-label="Reading status" className="segmented">
      {(['unread', 'reading', 'read'] as const).map((st) => (
        <button
          key={st}
          type="button"
          aria-pressed={status === st}
          onClick={() => id !== null && status !== st && void setStatus([id], st)}
        >
          {STATUS_LABEL[st]}
        </button>
      ))}
    </div>
  )
}

function PaperView({ paper }: { paper: PaperDetail }) {
  const toggleStar = useStore((s) => s.toggleStar)
  const setDigest = useStore((s) => s.setDigest)
  const terms = useStore((s) => s.terms)
  const links = LINKS.map((l) => ({ ...l, url: linkUrl(paper, l.key) })).filter((l) => l.url)
  return (
    <article aria-labelledby="paper-title">
      <h2 id="paper-title" className="paper-title">
        {paper.title}
      </h2>
      <p className="authors">
        {paper.authors.length ? (
          <Highlight text={paper.authors.join(', ')} terms={terms} />
        ) : (
          'Authors not listed in the imported digests'
        )}
      </p>
      <div className="paper-controls">
        <StatusControl status={paper.status} />
        <button type="button" className="star-toggle" aria-pressed={paper.starred} onClick={() => void toggleStar()}>
          <span aria-hidden="true">{paper.starred ? '★' : '☆'}</span> Star
        </button>
      </div>
      <PaperTags paper={paper} />
      {links.length > 0 && (
        <ul className="links" aria-label="Links">
          {links.map((l) => (
            <li key={l.key}>
              <ExternalLink href={l.url!}>{l.label}</ExternalLink>
            </li>
          ))}
        </ul>
      )}
      <p className="ids muted">
        {[
          paper.arxivId && `arXiv:${paper.arxivId}${paper.version ?? ''}`,
          paper.published && `published ${formatDigestDate(paper.published)}`,
          paper.categories.join(' ')
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <h3>Abstract</h3>
      {paper.abstract ? (
        <Abstract text={paper.abstract} terms={terms} />
      ) : (
        <p className="muted">No abstract in the imported digests.</p>
      )}
      <NotesEditor />
      <NoteHistory paperId={paper.id} />
      <SimilarPapers paperId={paper.id} />
      <h3>Seen in</h3>
      <ul className="seen-in">
        {paper.digests.map((d) => (
          <li key={d.id}>
            <button type="button" className="link-button" onClick={() => setDigest(d.id)}>
              {formatDigestDate(d.date, d.dateInferred)} · {d.fileName} ({formatLabel(d.format)}), #{d.position}
            </button>
          </li>
        ))}
      </ul>
    </article>
  )
}

export function PaperPane() {
  const paper = useStore((s) => s.paper)
  const selectedId = useStore((s) => s.selectedId)
  const emptyLibrary = useStore((s) => s.counts !== null && s.counts.views.all === 0)
  const paperError = useStore((s) => s.paperError)
  return (
    <section id="paper-pane" className="paper-pane" tabIndex={-1} aria-label="Paper">
      {paper && paper.id === selectedId ? (
        <PaperView paper={paper} />
      ) : selectedId !== null && paperError !== null ? (
        <p className="muted">This paper could not be loaded: {paperError}</p>
      ) : selectedId !== null ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : (
        <div className="placeholder">
          <p>
            <strong>
              {emptyLibrary
                ? 'The paper you open appears here.'
                : 'Select a paper to read its abstract and write notes.'}
            </strong>
          </p>
          <p className="muted">
            {emptyLibrary
              ? 'Import a digest first: its papers fill the list.'
              : 'j and k move through the list, o opens a paper, ? lists every shortcut.'}
          </p>
        </div>
      )}
    </section>
  )
}
