/**
 * The paper pane's "Similar papers": the nearest papers in the library by text, read or not
 * (api.similarPapers, from the ranking's features). A title opens that paper; "All like this" lists
 * them in the feed (the search `like:<id>`).
 */
import { useEffect, useState } from 'react'
import type { PaperRow } from '../../../shared/contract'
import { api } from '../api'
import { useStore } from '../store'
import './for-you.css'

const SHOWN = 6

export function SimilarPapers({ paperId }: { paperId: number }) {
  const [items, setItems] = useState<PaperRow[] | null>(null)
  const select = useStore((s) => s.select)
  const setQuery = useStore((s) => s.setQuery)
  useEffect(() => {
    let live = true
    setItems(null)
    api.similarPapers({ id: paperId, limit: SHOWN }).then(
      (r) => live && setItems(r.items),
      () => live && setItems([])
    )
    return () => {
      live = false
    }
  }, [paperId])
  return (
    <section aria-labelledby="similar-heading" className="similar-papers">
      <h3 id="similar-heading">Similar papers</h3>
      {items === null ? (
        <p className="muted">Looking…</p>
      ) : items.length === 0 ? (
        <p className="muted">None in the library yet.</p>
      ) : (
        <>
          <ul>
            {items.map((p) => (
              <li key={p.id}>
                <button type="button" className="link-button" onClick={() => select(p.id)}>
                  {p.title}
                </button>
                {p.status !== 'unread' && <span className="muted"> · {p.status}</span>}
              </li>
            ))}
          </ul>
          <button type="button" className="link-button" onClick={() => setQuery(`like:${paperId}`)}>
            All papers like this
          </button>
        </>
      )}
    </section>
  )
}
