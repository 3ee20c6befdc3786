import { SORTS, type Sort } from '../../../shared/values'
import { ExportButton } from '../components/ExportButton'
import { ImportButton } from '../components/ImportButton'
import { useDebouncedText } from '../lib/useDebouncedText'
import { useStore } from '../store'

const SORT_LABEL: Record<Sort, string> = { digest: 'Digest date', firstSeen: 'First seen', title: 'Title' }

export function Toolbar() {
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
      <h1 className="app-name">Folio</h1>
      <div className="search" role="search">
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
