import { memo, type MouseEvent } from 'react'
import type { PaperRow } from '../../../shared/contract'
import { STATUS_LABELS } from '../../../shared/values'
import { Highlight } from '../components/Highlight'
import { authorLine, formatDigestDate } from '../lib/format'
import { WhyLine } from './ForYou'

interface Props {
  row: PaperRow
  index: number
  setSize: number
  /** In the selection (aria-selected): the bulk selection, else the current paper. */
  selected: boolean
  /** The feed's cursor (aria-activedescendant): j/k move it. */
  current: boolean
  terms: readonly string[]
  /** Show the digest date (not when a date header or the heading above already says it: then only to screen readers). */
  showDate: boolean
  start: number
  height: number
  onSelect(id: number, e: MouseEvent): void
  onOpen(id: number): void
  /** Right click: the row's context menu at (x, y). */
  onMenu?(row: PaperRow, x: number, y: number): void
}

/**
 * One feed row. Its accessible name is the title; everything else is its description. Memoized:
 * moving the selection re-renders only the two rows whose `selected`/`current` changed.
 */
export const FeedRow = memo(function FeedRow({
  row,
  index,
  setSize,
  selected,
  current,
  terms,
  showDate,
  start,
  height,
  onSelect,
  onOpen,
  onMenu
}: Props) {
  const metaId = `paper-meta-${row.id}`
  const unread = row.status === 'unread'
  // The option holds only the title, so its name is exactly its visible text (WCAG 2.5.3);
  // the meta line sits beside it, hidden from the tree, and is the option's description.
  // elementtiming: the browser reports when the first rows are painted (the first-paint benchmark).
  return (
    <div
      role="none"
      className={`row${selected ? ' selected' : ''}${current ? ' current' : ''}${unread ? ' unread' : ''}`}
      style={{ transform: `translateY(${start}px)`, height }}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault() // a shift-click selects rows, not text
      }}
      onClick={(e) => onSelect(row.id, e)}
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
        elementtiming="feed-row"
        aria-selected={selected}
        aria-describedby={metaId}
        aria-posinset={index + 1}
        aria-setsize={setSize}
      >
        <Highlight text={row.title} terms={terms} />
      </div>
      <div className="row-meta" id={metaId} aria-hidden="true">
        <span className={`status-dot ${row.status}`}>{STATUS_LABELS[row.status]}</span>
        {row.authors.length > 0 && (
          <span className="row-authors">
            <Highlight text={authorLine(row.authors, row.authorCount)} terms={terms} />
          </span>
        )}
        {/* Under a date header the date is not shown again, but stays in the row's description (the
            headers are hidden from assistive technology). */}
        <span
          className={showDate ? 'row-date' : 'row-date sr-only'}
          title={row.digestDateInferred ? 'The digest did not give the year: inferred from the file date' : undefined}
        >
          {formatDigestDate(row.digestDate, row.digestDateInferred)}
        </span>
        {row.starred && (
          <span className="badge star" title="Starred">
            ★<span className="sr-only"> Starred</span>
          </span>
        )}
        {row.hasNote && <span className="badge">Note</span>}
        {row.hasCode && <span className="badge">Code</span>}
        {row.seenIn > 1 && <span className="badge">In {row.seenIn} digests</span>}
        <WhyLine id={row.id} />
      </div>
    </div>
  )
})
