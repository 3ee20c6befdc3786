import { useEffect, useState } from 'react'
import type { TreeNode } from '../components/Tree'
import { useStore } from '../store'
import './data-views.css'

/** Rename or delete the tag being shown. Deleting asks once more, inline (no modal dialogs). */
function TagTools({ tag, count }: { tag: string; count: number }) {
  const renameTag = useStore((s) => s.renameTag)
  const deleteTag = useStore((s) => s.deleteTag)
  const [name, setName] = useState(tag)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => {
    setName(tag)
    setConfirming(false)
  }, [tag])
  return (
    <div className="tag-tools" role="group" aria-label={`Manage tag ${tag}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim() && name.trim() !== tag) void renameTag(tag, name.trim())
        }}
      >
        <input
          type="text"
          aria-label="New tag name"
          maxLength={100}
          spellCheck={false}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" disabled={!name.trim() || name.trim() === tag}>
          Rename
        </button>
      </form>
      {confirming ? (
        <p className="tag-confirm">
          <span>
            Remove “{tag}” from {count} paper{count === 1 ? '' : 's'}? Papers and notes stay.
          </span>{' '}
          <button type="button" className="danger" onClick={() => void deleteTag(tag)}>
            Delete tag
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      ) : (
        <button type="button" className="link-button" onClick={() => setConfirming(true)}>
          Delete tag…
        </button>
      )}
    </div>
  )
}

/** The Tags section's items (every tag with its paper count), or null when there are none. */
export function useTagNodes(choose: (run: () => void) => () => void): TreeNode[] | null {
  const tags = useStore((s) => s.counts?.tags)
  const current = useStore((s) => (s.mode === 'feed' ? s.tag : null))
  const setTag = useStore((s) => s.setTag)
  if (!tags?.length) return null
  return tags.map((t) => ({
    key: `tag-${t.name}`,
    selected: t.name.toLowerCase() === current?.toLowerCase(),
    onActivate: choose(() => setTag(t.name)),
    content: (
      <>
        <span className="tree-text">{t.name}</span> <span className="count">{t.count}</span>
      </>
    )
  }))
}

/** Rename or delete the tag being shown: under the tree, while a tag's papers are shown. */
export function CurrentTagTools() {
  const tags = useStore((s) => s.counts?.tags)
  const current = useStore((s) => (s.mode === 'feed' ? s.tag : null))
  const active = tags?.find((t) => t.name.toLowerCase() === current?.toLowerCase())
  return active ? <TagTools tag={active.name} count={active.count} /> : null
}
