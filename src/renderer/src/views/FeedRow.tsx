import { memo } from 'react'
import type { PaperRow } from '../../../preload/api'
import { Highlight } from '../components/Highlight'
import { authorLine, formatDigestDate } from '../lib/format'

interface Props {
  row: PaperRow
  index: number
  setSize: number
  selected: boolean
  terms: readonly string[]
  start: number
  height: number
  onSelect(id: number): void
  onOpen(id: number): void
  /** Right click: the row's context menu at (x, y). */
  onMenu?(row: PaperRow, x: number, y: number): void
}

/** One feed row. Its accessible name is the title; everything else is its description. */
export const FeedRow = memo(function FeedRow({ row, index, setSize, selected, terms, start, height, onSelect, onOpen, onMenu }: Props) {
  const metaId = `paper-meta-${row.id}`
  const unread = row.status === 'unread'
  // The option holds only the title, so its name is exactly its visible text (WCAG 2.5.3);
  // the meta line sits beside it, hidden from the tree, and is the option's description.
  return (
    <div
      role="none"
      className={`row${selected ? ' selected' : ''}${unread ? ' unread' : ''}`}
      style={{ transform: `translateY(${start}px)`, height }}
      onClick={() => onSelect(row.id)}
      onDoubleClick={() => onOpen(row.id)}
      onContextMenu={(e) => {
        if (!onMenu) return
        e.preventDefault()
        onMenu(row, e.clientX, e.clientY)
      }}
    >
      <div
        role="option"
        id={`paper-row-${row.id}`}
        className="row-title"
        aria-selected={selected}
        aria-describedby={metaId}
        aria-posinset={index + 1}
        aria-setsize={setSize}
      >
        <Highlight text={row.title} terms={terms} />
      </div>
      <div className="row-meta" id={metaId} aria-hidden="true">
        <span className={`status-dot ${row.status}`}>{row.status === 'unread' ? 'Unread' : row.status === 'reading' ? 'Reading' : 'Read'}</span>
        {row.authors.length > 0 && <span className="row-authors">{authorLine(row.authors, row.authorCount)}</span>}
        <span className="row-date">{formatDigestDate(row.digestDate)}</span>
        {row.starred && <span className="badge star">Starred</span>}
        {row.hasNote && <span className="badge">Note</span>}
        {row.hasCode && <span className="badge">Code</span>}
        {row.seenIn > 1 && <span className="badge">In {row.seenIn} digests</span>}
      </div>
    </div>
  )
})
