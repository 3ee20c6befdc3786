/** Feed slice: which list is shown (view / digest / search / sort) and its keyset-paged rows. */
import type { PaperRow, Sort, View } from '../../../preload/api'
import { api } from '../api'
import type { SliceCreator } from './types'

export const PAGE_SIZE = 50

export interface FeedSlice {
  view: View
  digestId: number | null
  query: string
  sort: Sort
  rows: PaperRow[]
  nextCursor: string | null
  terms: string[]
  feedLoading: boolean
  /** The first page of the current feed has arrived. */
  feedLoaded: boolean
  /** Bumped on every reload so late pages of an older feed are dropped. */
  feedGen: number
  setView(view: View): void
  setDigest(digestId: number): void
  setQuery(query: string): void
  setSort(sort: Sort): void
  reloadFeed(): Promise<void>
  loadMore(): Promise<void>
  patchRows(ids: readonly number[], patch: (row: PaperRow) => PaperRow): void
}

export const createFeedSlice: SliceCreator<FeedSlice> = (set, get) => {
  const fetchPage = (cursor: string | undefined) => {
    const { view, digestId, query, sort } = get()
    return api.feedPage({
      view: digestId === null ? view : 'all',
      digestId: digestId ?? undefined,
      query: query.trim() || undefined,
      sort,
      cursor,
      limit: PAGE_SIZE
    })
  }

  return {
    view: 'unread',
    digestId: null,
    query: '',
    sort: 'digest',
    rows: [],
    nextCursor: null,
    terms: [],
    feedLoading: false,
    feedLoaded: false,
    feedGen: 0,

    setView(view) {
      set({ view, digestId: null, mode: 'feed' })
      void get().reloadFeed()
    },
    setDigest(digestId) {
      set({ digestId, mode: 'feed' })
      void get().reloadFeed()
    },
    setQuery(query) {
      if (query === get().query) return
      set({ query, mode: 'feed' })
      void get().reloadFeed()
    },
    setSort(sort) {
      set({ sort })
      void get().reloadFeed()
    },

    async reloadFeed() {
      const gen = get().feedGen + 1
      set({ feedGen: gen, feedLoading: true })
      try {
        const page = await fetchPage(undefined)
        if (get().feedGen !== gen) return
        set({ rows: page.items, nextCursor: page.nextCursor, terms: page.terms, feedLoading: false, feedLoaded: true })
      } catch (err) {
        if (get().feedGen !== gen) return
        set({ rows: [], nextCursor: null, terms: [], feedLoading: false, feedLoaded: true })
        get().reportError(err)
      }
    },

    async loadMore() {
      const { nextCursor, feedLoading, feedGen: gen } = get()
      if (!nextCursor || feedLoading) return
      set({ feedLoading: true })
      try {
        const page = await fetchPage(nextCursor)
        if (get().feedGen !== gen) return
        const seen = new Set(get().rows.map((r) => r.id))
        set({
          rows: [...get().rows, ...page.items.filter((r) => !seen.has(r.id))],
          nextCursor: page.nextCursor,
          feedLoading: false
        })
      } catch (err) {
        if (get().feedGen !== gen) return
        set({ feedLoading: false, nextCursor: null })
        get().reportError(err)
      }
    },

    patchRows(ids, patch) {
      const wanted = new Set(ids)
      if (!get().rows.some((r) => wanted.has(r.id))) return
      set({ rows: get().rows.map((r) => (wanted.has(r.id) ? patch(r) : r)) })
    }
  }
}
