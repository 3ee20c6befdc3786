/**
 * The feed: a virtualized listbox fed by keyset pages. Only visible rows are in the DOM; the
 * next page is requested when the user scrolls near the end of what is loaded.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PaperRow } from '../../../preload/api'
import { RowMenu, type RowMenuState } from '../components/RowMenu'
import { useStore } from '../store'
import { feedTitle } from './feedTitle'
import { FeedRow } from './FeedRow'

const ROW_HEIGHT = 54

export function Feed() {
  const rows = useStore((s) => s.rows)
  const terms = useStore((s) => s.terms)
  const selectedId = useStore((s) => s.selectedId)
  const nextCursor = useStore((s) => s.nextCursor)
  const feedLoading = useStore((s) => s.feedLoading)
  const feedLoaded = useStore((s) => s.feedLoaded)
  const feedKey = useStore((s) => `${s.view}|${s.digestId}|${s.query}|${s.sort}`)
  const title = useStore(feedTitle)
  const query = useStore((s) => s.query)
  const select = useStore((s) => s.select)
  const loadMore = useStore((s) => s.loadMore)
  const parentRef = useRef<HTMLDivElement>(null)

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]?.id ?? i
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items[items.length - 1]?.index ?? -1

  // Near the end of what is loaded: ask for the next page.
  useEffect(() => {
    if (nextCursor && !feedLoading && lastIndex >= rows.length - 10) void loadMore()
  }, [lastIndex, rows.length, nextCursor, feedLoading, loadMore])

  // A different feed starts at the top (a refresh of the same feed keeps its place).
  useEffect(() => {
    parentRef.current?.scrollTo({ top: 0 })
  }, [feedKey])

  // Keep the selected row in view (keyboard navigation).
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId)
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  const open = useCallback(
    (id: number) => {
      select(id)
      document.getElementById('paper-pane')?.focus()
    },
    [select]
  )
  const onSelect = useCallback(
    (id: number) => {
      select(id)
      parentRef.current?.focus({ preventScroll: true })
    },
    [select]
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
    const row = rows.find((r) => r.id === selectedId)
    if (!row) return
    e.preventDefault()
    const box = document.getElementById(`paper-row-${row.id}`)?.getBoundingClientRect() ?? parentRef.current?.getBoundingClientRect()
    setMenu({ row, x: (box?.left ?? 0) + 24, y: (box?.bottom ?? 0) - 4 })
  }

  const setSize = nextCursor ? -1 : rows.length
  const activeRendered = selectedIndex >= 0 && items.some((i) => i.index === selectedIndex)
  const empty = feedLoaded && !rows.length

  return (
    <section className="feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading" className="feed-heading">
        {title}
        {query.trim() && <span className="muted"> · search “{query.trim()}”</span>}
      </h2>
      <div
        ref={parentRef}
        className="feed-scroll"
        hidden={empty}
        role="listbox"
        tabIndex={0}
        aria-label={`${title} papers`}
        aria-busy={feedLoading}
        aria-activedescendant={activeRendered ? `paper-row-${selectedId}` : undefined}
        onKeyDown={onFeedKey}
        onContextMenu={(e) => e.preventDefault()}
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <FeedRow
                key={row.id}
                row={row}
                index={item.index}
                setSize={setSize}
                selected={row.id === selectedId}
                terms={terms}
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
      {empty && <p className="feed-empty">{query.trim() ? 'No papers match this search.' : 'No papers in this view.'}</p>}
    </section>
  )
}
