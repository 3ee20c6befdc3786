import { SORTS, type Sort } from '../../../shared/values'
import { ExportButton } from '../components/ExportButton'
import { ImportButton } from '../components/ImportButton'
import { LibraryMenu } from '../components/LibraryMenu'
import { useDebouncedText } from '../lib/useDebouncedText'
import { useStore } from '../store'

const SORT_LABEL: Record<Sort, string> = { digest: 'Digest date', firstSeen: 'First seen', title: 'Title' }

interface SidebarToggle {
  expanded: boolean
  onToggle(): void
}

/** A sidebar beside a page: the toggle's picture. */
const SIDEBAR_ICON = (
  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
    <rect x="1.5" y="2.5" width="4.5" height="11" rx="1" fill="currentColor" opacity="0.55" />
  </svg>
)

export function Toolbar({ sidebarToggle }: { sidebarToggle: SidebarToggle }) {
  const query = useStore((s) => s.query)
  const setQuery = useStore((s) => s.setQuery)
  const sort = useStore((s) => s.sort)
  const setSort = useStore((s) => s.setSort)
  const inDigest = useStore((s) => s.digestId !== null)
  const empty = useStore((s) => s.counts !== null && s.counts.views.all === 0)
  const [text, setText] = useDebouncedText(query, setQuery)

  const searching = query.trim() !== ''
  return (
    <header className="toolbar">
      <button
        type="button"
        id="sidebar-toggle"
        className="icon"
        aria-label="Sidebar"
        aria-expanded={sidebarToggle.expanded}
        aria-controls={sidebarToggle.expanded ? 'sidebar' : undefined}
        title={sidebarToggle.expanded ? 'Hide the sidebar' : 'Show the sidebar'}
        onClick={sidebarToggle.onToggle}
      >
        {SIDEBAR_ICON}
      </button>
      <h1 className="app-name">Folio</h1>
      <div className="search" role="search" aria-label="Papers">
        <input
          id="search"
          type="search"
          role="searchbox"
          aria-label="Search papers"
          placeholder="Search papers  ( / )"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setQuery(text)
            if (e.key === 'Escape') {
              e.preventDefault()
              e.stopPropagation()
              if (text) {
                setText('')
                setQuery('')
              } else {
                e.currentTarget.blur()
                document.querySelector<HTMLElement>('[role="listbox"]')?.focus()
              }
            }
          }}
        />
      </div>
      <label className="sort">
        Sort by{' '}
        <select
          value={sort}
          disabled={empty || searching || inDigest}
          title={
            empty
              ? 'Nothing to sort yet: import a digest first'
              : searching
                ? 'Search results are ranked by relevance'
                : inDigest
                  ? 'A digest is shown in its own order'
                  : undefined
          }
          onChange={(e) => setSort(e.currentTarget.value as Sort)}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <ImportButton className="primary" />
      <ExportButton />
      <LibraryMenu />
      <button
        type="button"
        className="icon"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        onClick={() => useStore.getState().setShortcutsOpen(true)}
      >
        ?
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Settings"
        title="Settings"
        onClick={() => useStore.getState().setSettingsOpen(true)}
      >
        ⚙
      </button>
    </header>
  )
}
