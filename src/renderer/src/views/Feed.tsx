/**
 * The feed: a virtualized, multi-selectable listbox fed by keyset pages. Only visible rows are in
 * the DOM; the next page is requested when the user scrolls near the end of what is loaded. In
 * date order the rows are grouped under date headers (visual only: hidden from the tree, never
 * options, so options keep their names and positions).
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import type { PaperRow } from '../../../shared/contract'
import { RowMenu, type RowMenuState } from '../components/RowMenu'
import { useStore } from '../store'
import { BulkBar } from './BulkBar'
import { EmptyFeed } from './EmptyFeed'
import './feed.css'
import { feedTitle } from './feedTitle'
import { FeedRow } from './FeedRow'
import { ForYouNotice } from './ForYou'
import { groupEntries } from './feedGroups'
import { feedMetrics } from './feedMetrics'

export function Feed() {
  const rows = useStore((s) => s.rows)
  const terms = useStore((s) => s.terms)
  const selectedId = useStore((s) => s.selectedId)
  const picked = useStore((s) => s.picked)
  const allPicked = useStore((s) => s.allPicked)
  const nextCursor = useStore((s) => s.nextCursor)
  const feedLoading = useStore((s) => s.feedLoading)
  const feedLoaded = useStore((s) => s.feedLoaded)
  const feedError = useStore((s) => s.feedError)
  const feedNotice = useStore((s) => s.feedNotice)
  const searchNote = useStore((s) => s.searchNote)
  const feedKey = useStore((s) => `${s.forYou}|${s.view}|${s.digestId}|${s.tag}|${s.query}|${s.sort}`)
  // Date headers: in date order, outside a single digest and outside ranked search results.
  const grouping = useStore((s) =>
    s.forYou || s.digestId !== null || s.query.trim() ? null : s.sort === 'title' ? null : s.sort
  )
  // The date is in the header above the row (digest order) or in the heading (one digest).
  const showDate = useStore((s) => s.digestId === null && (s.forYou || s.query.trim() !== '' || s.sort !== 'digest'))
  const textSize = useStore((s) => s.settings?.textSize)
  const { row: rowHeight, header: headerHeight } = useMemo(() => feedMetrics(textSize), [textSize])
  const measuredFor = useRef(rowHeight)
  const title = useStore(feedTitle)
  const query = useStore((s) => s.query)
  const clickRow = useStore((s) => s.clickRow)
  const select = useStore((s) => s.select)
  const loadMore = useStore((s) => s.loadMore)
  const parentRef = useRef<HTMLDivElement>(null)

  const { entries, entryOfRow } = useMemo(() => groupEntries(rows, grouping), [rows, grouping])

  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => parentRef.current,
    estimateSize: (i) => (entries[i]?.kind === 'header' ? headerHeight : rowHeight),
    overscan: 8,
    getItemKey: (i) => {
      const e = entries[i]
      return !e ? i : e.kind === 'header' ? e.key : (rows[e.index]?.id ?? i)
    }
  })
  // A new text size changes every height: the virtualizer drops the sizes it computed.
  useEffect(() => {
    if (measuredFor.current === rowHeight) return
    measuredFor.current = rowHeight
    virtualizer.measure()
  }, [virtualizer, rowHeight])
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1

  // Near the end of what is loaded: ask for the next page.
  useEffect(() => {
    if (nextCursor && !feedLoading && lastIndex >= entries.length - 20) void loadMore()
  }, [lastIndex, entries.length, nextCursor, feedLoading, loadMore])

  // A different feed starts at the top (a refresh of the same feed keeps its place).
  useEffect(() => {
    parentRef.current?.scrollTo({ top: 0 })
  }, [feedKey])

  // Keep the selected row in view (keyboard navigation); the first row of a group shows its header.
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)
  const selectedEntry = selectedIndex >= 0 ? (entryOfRow ? entryOfRow[selectedIndex]! : selectedIndex) : -1
  // Once per frame (several j presses in one frame scroll once), and only when the row is not
  // already in view: scrolling forces a layout, and a held j must not pay it on every press.
  useEffect(() => {
    if (selectedEntry < 0) return
    const frame = requestAnimationFrame(() => {
      const item = virtualizer.measurementsCache[selectedEntry]
      const top = virtualizer.scrollOffset ?? 0
      const height = virtualizer.scrollRect?.height ?? 0
      const header = entries[selectedEntry - 1]?.kind === 'header' ? headerHeight : 0
      if (item && height && item.start - header >= top && item.end <= top + height) return
      if (header) virtualizer.scrollToIndex(selectedEntry - 1, { align: 'auto' })
      virtualizer.scrollToIndex(selectedEntry, { align: 'auto' })
    })
    return () => cancelAnimationFrame(frame)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- entries change on every page; the scroll follows the selection only
  }, [selectedEntry, virtualizer])

  const open = useCallback(
    (id: number) => {
      select(id)
      document.getElementById('paper-pane')?.focus()
    },
    [select]
  )
  const onSelect = useCallback(
    (id: number, e: MouseEvent) => {
      clickRow(id, { range: e.shiftKey, toggle: e.ctrlKey || e.metaKey })
      parentRef.current?.focus({ preventScroll: true })
    },
    [clickRow]
  )

  // The row context menu: right click, or the context-menu key / Shift+F10 on the feed.
  const [menu, setMenu] = useState<RowMenuState | null>(null)
  const onMenu = useCallback(
    (row: PaperRow, x: number, y: number) => {
      select(row.id)
      setMenu({ row, x, y })
    },
    [select]
  )
  const closeMenu = useCallback(() => {
    setMenu(null)
    parentRef.current?.focus({ preventScroll: true })
  }, [])
  const onFeedKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ContextMenu' && !(e.shiftKey && e.key === 'F10')) return
    // The selection as it is now (a key can arrive before this component re-renders).
    const now = useStore.getState()
    const row = now.rows.find((r) => r.id === now.selectedId)
    if (!row) return
    e.preventDefault()
    const box =
      document.getElementById(`paper-row-${row.id}`)?.getBoundingClientRect() ??
      parentRef.current?.getBoundingClientRect()
    setMenu({ row, x: (box?.left ?? 0) + 24, y: (box?.bottom ?? 0) - 4 })
  }

  const setSize = nextCursor ? -1 : rows.length
  const activeRendered = selectedEntry >= 0 && items.some((i) => i.index === selectedEntry)
  const empty = feedLoaded && !rows.length
  const multi = allPicked || picked.size > 0

  return (
    <section className="feed" aria-labelledby="feed-heading">
      <div className="feed-head">
        <h2 id="feed-heading" className="feed-heading">
          {title}
          {query.trim() && <span className="muted"> · search “{query.trim()}”</span>}
        </h2>
        <BulkBar />
      </div>
      <ForYouNotice />
      {feedError && (
        <p role="alert" className="query-error">
          {feedError}
        </p>
      )}
      {searchNote && !feedError && (
        <p role="status" className="search-note">
          {searchNote}
        </p>
      )}
      {feedNotice && !feedError && (
        <p role="status" className="query-notice">
          {feedNotice}
        </p>
      )}
      <div
        ref={parentRef}
        className={activeRendered ? 'feed-scroll has-current' : 'feed-scroll'}
        hidden={empty}
        role="listbox"
        tabIndex={0}
        aria-label={`${title} papers`}
        aria-multiselectable="true"
        aria-busy={feedLoading}
        aria-activedescendant={activeRendered ? `paper-row-${selectedId}` : undefined}
        onKeyDown={onFeedKey}
        onContextMenu={(e) => e.preventDefault()}
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const entry = entries[item.index]
            if (!entry) return null
            if (entry.kind === 'header') {
              return (
                // Date headers sit inside the listbox: no role, and hidden from assistive technology (each
                // option names its own date); jsx-a11y does not know this pairing.
                // eslint-disable-next-line jsx-a11y/role-supports-aria-props -- see above
                <div
                  key={entry.key}
                  role="none"
                  aria-hidden="true"
                  className="feed-group"
                  data-group={entry.key}
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                >
                  {entry.label}
                </div>
              )
            }
            const row = rows[entry.index]
            if (!row) return null
            return (
              <FeedRow
                key={row.id}
                row={row}
                index={entry.index}
                setSize={setSize}
                selected={allPicked || (multi ? picked.has(row.id) : row.id === selectedId)}
                current={row.id === selectedId}
                terms={terms}
                showDate={showDate}
                start={item.start}
                height={item.size}
                onSelect={onSelect}
                onOpen={open}
                onMenu={onMenu}
              />
            )
          })}
        </div>
      </div>
      {menu && <RowMenu menu={menu} onClose={closeMenu} />}
      {empty && !feedError && <EmptyFeed />}
    </section>
  )
}
