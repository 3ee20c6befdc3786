/**
 * The papers of any view, digest, tag or search, in the feed's order: the reading-list exports
 * page through feedPage with the very filters the feed uses (never a second filter language).
 */
import type { PaperDetail, View } from '../../shared/contract'
import type { DB } from '../library/db'
import { feedPage } from '../library/feed'
import { getPaper } from '../library/papers'

export interface ListFilter {
  view?: View
  digestId?: number
  tag?: string
  /** The search box's language: words, "phrases", status:, starred, tag:, digest:. */
  query?: string
}

export function* feedIds(db: DB, filter: ListFilter): Generator<number> {
  let cursor: string | undefined
  do {
    const page = feedPage(db, {
      view: filter.view ?? 'all',
      digestId: filter.digestId,
      tag: filter.tag,
      query: filter.query?.trim() || undefined,
      cursor,
      limit: 500
    })
    for (const row of page.items) yield row.id
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}

export function* listPapers(db: DB, filter: ListFilter): Generator<PaperDetail> {
  for (const id of feedIds(db, filter)) yield getPaper(db, id)
}

/** "unread papers, tag rlhf, matching “reward”": for headings and file names. */
export function describeFilter(f: ListFilter): string {
  const parts: string[] = []
  if (f.view && f.view !== 'all') parts.push(f.view === 'notes' ? 'papers with notes' : `${f.view} papers`)
  if (f.digestId !== undefined) parts.push(`digest ${f.digestId}`)
  if (f.tag) parts.push(`tag ${f.tag}`)
  if (f.query?.trim()) parts.push(`matching “${f.query.trim()}”`)
  return parts.length ? parts.join(', ') : 'all papers'
}
