/** What an empty feed says: why it is empty and what to do next. */
import type { View } from '../../../shared/contract'
import { useStore } from '../store'

const VIEW_EMPTY: Record<View, [string, string]> = {
  unread: ['Nothing unread: you are up to date.', 'Import the next digest to see new papers, or look in All.'],
  reading: ['No papers marked Reading.', 'Press r on a paper to keep it here while you read it.'],
  starred: ['No starred papers.', 'Press s on a paper (or its Star button) to keep it here.'],
  notes: ['No papers with notes.', 'Select a paper and press e to write in its Notes box.'],
  read: ['No papers read yet.', 'Press m on a paper to mark it read; Shift+A marks a whole view read.'],
  all: ['No papers yet.', 'Import a digest to start your reading list.']
}

export function EmptyFeed() {
  const query = useStore((s) => s.query.trim())
  const view = useStore((s) => s.view)
  const inDigest = useStore((s) => s.digestId !== null)
  const tag = useStore((s) => s.tag)
  const [what, next] = query
    ? ['No papers match this search.', 'Try fewer or other words. Esc clears the search.']
    : inDigest
      ? ['This digest lists no papers.', 'Choose another digest or a view in the sidebar.']
      : tag !== null
        ? [`No papers tagged “${tag}”.`, 'Add the tag from a paper’s Tags field.']
        : VIEW_EMPTY[view]
  return (
    <div className="feed-empty" role="status">
      <p>
        <strong>{what}</strong>
      </p>
      <p className="muted">{next}</p>
    </div>
  )
}
