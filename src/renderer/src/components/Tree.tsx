/**
 * A tree view (WAI-ARIA tree pattern) drawn flat: every visible item is a treeitem carrying its
 * level, position and expanded state, so the tree is one Tab stop (roving tabindex) however many
 * items it shows. ↑/↓ move, → opens a closed item or enters an open one, ← closes an open item or
 * goes to its parent, Home/End go to the first/last item, Enter and Space choose (or open/close).
 */
import { useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react'

export interface TreeNode {
  key: string
  /** What the item shows; its text is the item's accessible name. */
  content: ReactNode
  className?: string
  title?: string
  /** The item whose content is shown now (aria-selected); undefined for items that only group. */
  selected?: boolean
  children?: TreeNode[]
  expanded?: boolean
  onActivate?(): void
  onToggle?(): void
}

interface FlatItem {
  node: TreeNode
  level: number
  posinset: number
  setsize: number
  parent: string | null
}

function flatten(nodes: TreeNode[], level = 1, parent: string | null = null, out: FlatItem[] = []): FlatItem[] {
  nodes.forEach((node, i) => {
    out.push({ node, level, posinset: i + 1, setsize: nodes.length, parent })
    if (node.children && node.expanded) flatten(node.children, level + 1, node.key, out)
  })
  return out
}

const domId = (key: string) => `tree-item-${key.replace(/[^\w-]/g, '_')}`

export function Tree({ label, nodes }: { label: string; nodes: TreeNode[] }) {
  const flat = useMemo(() => flatten(nodes), [nodes])
  const items = useRef(new Map<string, HTMLLIElement>())
  const [focusKey, setFocusKey] = useState<string | null>(null)
  // The one item Tab reaches: the last one focused, else the one shown now, else the first.
  const tabKey = flat.some((f) => f.node.key === focusKey)
    ? focusKey
    : (flat.find((f) => f.node.selected)?.node.key ?? flat[0]?.node.key)

  const focusItem = (item: FlatItem | undefined) => {
    if (!item) return
    setFocusKey(item.node.key)
    items.current.get(item.node.key)?.focus()
  }
  const choose = (node: TreeNode) => (node.onActivate ? node.onActivate() : node.onToggle?.())

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const key = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.key
    const at = flat.findIndex((f) => f.node.key === key)
    const item = flat[at]
    if (!item) return
    const { node } = item
    const open = !!node.children && !!node.expanded
    const actions: Record<string, () => void> = {
      ArrowDown: () => focusItem(flat[at + 1]),
      ArrowUp: () => focusItem(flat[at - 1]),
      Home: () => focusItem(flat[0]),
      End: () => focusItem(flat[flat.length - 1]),
      ArrowRight: () => (node.children ? (open ? focusItem(flat[at + 1]) : node.onToggle?.()) : undefined),
      ArrowLeft: () => (open ? node.onToggle?.() : focusItem(flat.find((f) => f.node.key === item.parent))),
      Enter: () => choose(node),
      ' ': () => choose(node)
    }
    const act = actions[e.key]
    if (!act) return
    // The tree's keys are its own: the window's shortcuts (Enter opens a paper, ↑/↓ move the feed) do not see them.
    e.preventDefault()
    e.stopPropagation()
    act()
  }

  return (
    <ul role="tree" aria-label={label} className="tree" onKeyDown={onKeyDown}>
      {flat.map(({ node, level, posinset, setsize }) => (
        // The tree handles the items' keys (one handler for all, above).
        // eslint-disable-next-line jsx-a11y/click-events-have-key-events -- see above
        <li
          key={node.key}
          ref={(el) => {
            if (el) items.current.set(node.key, el)
            else items.current.delete(node.key)
          }}
          id={domId(node.key)}
          data-key={node.key}
          role="treeitem"
          aria-level={level}
          aria-posinset={posinset}
          aria-setsize={setsize}
          aria-expanded={node.children ? !!node.expanded : undefined}
          aria-selected={node.selected}
          tabIndex={node.key === tabKey ? 0 : -1}
          // Classes, not [aria-…] selectors: the feed's options change aria-selected on every j, and an
          // attribute rule would have the browser re-test them each time.
          className={['tree-item', node.className, node.selected && 'selected', node.expanded && 'open']
            .filter(Boolean)
            .join(' ')}
          title={node.title}
          style={{ '--level': level } as CSSProperties}
          onFocus={() => setFocusKey(node.key)}
          onClick={() => choose(node)}
        >
          <span className="tree-label">
            {node.children && <span className="disclosure" aria-hidden="true" />}
            {node.content}
          </span>
        </li>
      ))}
    </ul>
  )
}
