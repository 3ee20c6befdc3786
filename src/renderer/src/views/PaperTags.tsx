import { useId, useState } from 'react'
import type { PaperDetail } from '../../../shared/contract'
import { useStore } from '../store'
import './data-views.css'

/** The open paper's tags: remove with ×, add by typing (suggestions from every existing tag). */
export function PaperTags({ paper }: { paper: PaperDetail }) {
  const allTags = useStore((s) => s.counts?.tags)
  const tagPaper = useStore((s) => s.tagPaper)
  const setTag = useStore((s) => s.setTag)
  const [text, setText] = useState('')
  const listId = useId()
  const add = () => {
    const names = text
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean)
    if (!names.length) return
    setText('')
    void tagPaper(names)
  }
  const mine = new Set(paper.tags.map((t) => t.toLowerCase()))
  return (
    <section className="paper-tags" aria-label="Tags">
      <ul className="tag-chips" aria-label="Tags on this paper">
        {paper.tags.map((t) => (
          <li key={t} className="tag-chip">
            <button type="button" className="link-button" title={`Show papers tagged ${t}`} onClick={() => setTag(t)}>
              #{t}
            </button>
            <button
              type="button"
              className="tag-remove"
              aria-label={`Remove tag ${t}`}
              onClick={() => void tagPaper([], [t])}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="tag-add"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <input
          type="text"
          aria-label="Add tag"
          placeholder="Add tag…"
          list={listId}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation()
              setText('')
              e.currentTarget.blur()
            }
          }}
        />
        <datalist id={listId}>
          {(allTags ?? [])
            .filter((t) => !mine.has(t.name.toLowerCase()))
            .map((t) => (
              <option key={t.name} value={t.name} />
            ))}
        </datalist>
        <button type="submit" disabled={!text.trim()}>
          Add
        </button>
      </form>
    </section>
  )
}
