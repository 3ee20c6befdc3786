/**
 * Feed slice: which list is shown (view / digest / tag / search / sort) and its keyset-paged rows.
 * Showing a list also switches the UI to the feed (showFeed); a new list clears the bulk
 * selection (clearPicked).
 */
import type { FeedPage, PaperRow, Sort, View } from '../../../shared/contract'
import { FolioError, MAX_QUERY } from '../../../shared/values'
import { api } from '../api'
import type { SliceCreator } from './types'
import { isHostDown } from './ui'

export const PAGE_SIZE = 50
/** Later pages are bigger: fewer round trips while scrolling or holding j. */
export const MORE_SIZE = 150
/** The api's largest page; a refresh reloads what was loaded (up to REFRESH_MAX rows) in pages of this. */
const MAX_PAGE = 500
const REFRESH_MAX = 5_000
/** How far down a new list the current paper is looked for before it closes. */
const FIND_SELECTED_MAX = 2_000

/**
 * The current paper stays in the list across a refresh of the same list even when it no longer
 * belongs there (read in Unread, say): a row never vanishes from under the cursor. It goes back
 * where it was; it leaves when the user moves to another list.
 */
function keepSelected(before: readonly PaperRow[], after: PaperRow[], selectedId: number | null): PaperRow[] {
  if (selectedId === null || after.some((r) => r.id === selectedId)) return after
  const at = before.findIndex((r) => r.id === selectedId)
  if (at === -1) return after
  // Right after the nearest row before it that is still in the list (else first).
  const position = new Map(after.map((r, i) => [r.id, i]))
  let index = 0
  for (let i = at - 1; i >= 0; i--) {
    const p = position.get(before[i]!.id)
    if (p !== undefined) {
      index = p + 1
      break
    }
  }
  return [...after.slice(0, index), before[at]!, ...after.slice(index)]
}

export interface FeedSlice {
  /** For you is shown: the unread papers in the ranking's order (forYouPage), not the view's. */
  forYou: boolean
  /** For you's few words on why, by paper id; and how many stars or notes it has to learn from. */
  why: Record<number, string>
  forYouStrong: number | null
  view: View
  digestId: number | null
  /** Papers with this tag (all views), or null. */
  tag: string | null
  query: string
  sort: Sort
  rows: PaperRow[]
  nextCursor: string | null
  terms: string[]
  /** Set when the search's order is not relevance (too many matches to rank): the library's sentence saying so. */
  searchNote: string | null
  feedLoading: boolean
  /** The first page of the current feed has arrived. */
  feedLoaded: boolean
  /** Bumped on every reload so late pages of an older feed are dropped. */
  feedGen: number
  /** Why the search box's query cannot run (a malformed filter), shown beside the feed; else null. */
  feedError: string | null
  showForYou(): void
  /** Why the list is not exactly the view asked for (a status: filter over another status's view); else null. */
  feedNotice: string | null
  setView(view: View): void
  setDigest(digestId: number): void
  setTag(tag: string): void
  setQuery(query: string): void
  setSort(sort: Sort): void
  /** At start, the view the settings remember: the view alone changes, then the feed reloads. */
  restoreView(view: View): Promise<void>
  reloadFeed(): Promise<void>
  loadMore(): Promise<void>
  patchRows(ids: readonly number[], patch: (row: PaperRow) => PaperRow): void
}

/**
 * The filters of the list being shown, as the api takes them (feedPage, exports, whole-view
 * actions): a digest or a tag shows all its papers whatever the smart view.
 */
export function feedFilter(s: Pick<FeedSlice, 'forYou' | 'view' | 'digestId' | 'tag' | 'query'>): {
  view: View
  digestId?: number
  tag?: string
  query?: string
} {
  // For you is the Unread view in another order: whole-view actions and exports take Unread.
  if (s.forYou) return { view: 'unread' }
  return {
    view: s.digestId === null && s.tag === null ? s.view : 'all',
    digestId: s.digestId ?? undefined,
    tag: s.tag ?? undefined,
    query: s.query.trim() || undefined
  }
}

/** Which list is shown: a reload with the same key is a refresh of it (new data, same list). */
export function listKey(s: Pick<FeedSlice, 'forYou' | 'view' | 'digestId' | 'tag' | 'query' | 'sort'>): string {
  return JSON.stringify([s.forYou, s.view, s.digestId, s.tag, s.query.trim(), s.sort])
}

export const createFeedSlice: SliceCreator<FeedSlice> = (set, get) => {
  /**
   * The filters of the list whose rows are shown: set when its page arrives, not when it is asked for,
   * so a reload while another list is on its way (a libraryChanged right after a view switch) loads
   * that list rather than refreshing the old one's rows into it.
   */
  let shownKey = ''
  // Not async: a feed page resolves in as few steps as before (the store's callers count on its order).
  const fetchPage = (cursor: string | undefined, limit = cursor ? MORE_SIZE : PAGE_SIZE): Promise<FeedPage> => {
    const { sort, forYou } = get()
    if (!forYou) return api.feedPage({ ...feedFilter(get()), sort, cursor, limit })
    return api.forYouPage({ cursor, limit }).then((page) => {
      set({ why: cursor ? { ...get().why, ...page.why } : page.why, forYouStrong: page.strong })
      return page
    })
  }
  /** A refresh of the list being shown: as many rows as were loaded, so the place is kept. */
  const fetchRows = async (wanted: number) => {
    const page = await fetchPage(undefined, Math.min(wanted, MAX_PAGE))
    const items = [...page.items]
    let next = page.nextCursor
    while (next && items.length < wanted) {
      const more = await fetchPage(next, Math.min(wanted - items.length, MAX_PAGE))
      // eslint-disable-next-line no-restricted-syntax -- one page: at most MAX_PAGE rows
      items.push(...more.items)
      next = more.nextCursor
    }
    return { items, nextCursor: next, terms: page.terms, notice: page.notice, note: page.note }
  }

  /**
   * The paper pane shows the current row of the list shown, or nothing: once a list has loaded
   * without the current paper (another view, a search), the paper closes, so no key acts on a
   * paper that is not in the list. Later pages are looked through (up to FIND_SELECTED_MAX rows)
   * first: the paper may be further down. (The notes list has its own rows: it keeps its paper.)
   */
  const leaveIfGone = async () => {
    const gen = get().feedGen
    const missing = () => {
      const { selectedId, rows, mode } = get()
      return mode === 'feed' && selectedId !== null && !rows.some((r) => r.id === selectedId)
    }
    while (missing() && get().nextCursor && get().rows.length < FIND_SELECTED_MAX && get().feedGen === gen) {
      // A page already on its way (the feed asked as it scrolled): wait for it, then look again.
      if (get().feedLoading) await new Promise((resolve) => setTimeout(resolve, 50))
      else await get().loadMore()
    }
    if (missing() && get().feedGen === gen && !get().feedLoading) get().select(null)
  }

  return {
    forYou: false,
    why: {},
    forYouStrong: null,
    view: 'unread',
    digestId: null,
    tag: null,
    query: '',
    sort: 'digest',
    rows: [],
    nextCursor: null,
    terms: [],
    searchNote: null,
    feedLoading: false,
    feedLoaded: false,
    feedGen: 0,
    feedError: null,
    feedNotice: null,

    showForYou() {
      set({ forYou: true, digestId: null, tag: null, query: '' })
      get().showFeed()
      void get().reloadFeed()
    },
    setView(view) {
      set({ view, forYou: false, digestId: null, tag: null })
      get().showFeed()
      void get().reloadFeed()
    },
    setDigest(digestId) {
      set({ digestId, forYou: false, tag: null })
      get().showFeed()
      void get().reloadFeed()
    },
    setTag(tag) {
      set({ tag, forYou: false, digestId: null })
      get().showFeed()
      void get().reloadFeed()
    },
    setQuery(query) {
      if (query === get().query) return
      set({ query, forYou: false })
      get().showFeed()
      void get().reloadFeed()
    },
    setSort(sort) {
      set({ sort })
      void get().reloadFeed()
    },
    restoreView(view) {
      set({ view })
      return get().reloadFeed()
    },

    async reloadFeed() {
      const gen = get().feedGen + 1
      // A different list: the bulk selection no longer means anything (a refresh keeps it).
      const key = listKey(get())
      const refresh = key === shownKey && get().feedLoaded
      if (!refresh) get().clearPicked()
      const tooLong = get().query.trim().length - MAX_QUERY
      if (tooLong > 0) {
        // Said here rather than refused by the api's validation in its own words.
        shownKey = key
        set({
          feedGen: gen,
          rows: [],
          nextCursor: null,
          terms: [],
          feedLoading: false,
          feedLoaded: true,
          feedError: `A search can be up to ${MAX_QUERY} characters long: this one is ${tooLong.toLocaleString('en')} too long`,
          feedNotice: null
        })
        void leaveIfGone()
        return
      }
      set({ feedGen: gen, feedLoading: true })
      try {
        const page = refresh
          ? await fetchRows(Math.min(REFRESH_MAX, Math.max(PAGE_SIZE, get().rows.length)))
          : await fetchPage(undefined)
        if (get().feedGen !== gen) return
        const rows = refresh ? keepSelected(get().rows, page.items, get().selectedId) : page.items
        shownKey = key
        set({
          rows,
          nextCursor: page.nextCursor,
          terms: page.terms,
          searchNote: page.note ?? null,
          feedLoading: false,
          feedLoaded: true,
          feedError: null,
          feedNotice: page.notice ?? null
        })
        void leaveIfGone()
      } catch (err) {
        if (get().feedGen !== gen) return
        if (isHostDown(err)) {
          // Keep the list on screen; it is reloaded when the host is back (hostBack).
          set({ feedLoading: false })
          get().reportError(err)
          return
        }
        // A malformed query is the user's to fix: say why beside the feed, not as an error toast.
        const badQuery = err instanceof FolioError && (err.code === 'bad-query' || err.code === 'invalid-input')
        shownKey = key
        set({
          // A refresh of the list shown keeps the current paper even when its query no longer runs
          // (tag:x once x is gone): a row never vanishes from under the cursor.
          rows: refresh ? keepSelected(get().rows, [], get().selectedId) : [],
          nextCursor: null,
          terms: [],
          searchNote: null,
          feedLoading: false,
          feedLoaded: true,
          feedError: badQuery ? err.message : null,
          feedNotice: null
        })
        void leaveIfGone()
        if (!badQuery) get().reportError(err)
      }
    },

    async loadMore() {
      const { nextCursor, feedLoading, feedGen: gen } = get()
      if (!nextCursor || feedLoading || get().hostDown !== null) return
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
        // The host gone: keep the cursor to go on from once it is back.
        set({ feedLoading: false, nextCursor: isHostDown(err) ? nextCursor : null })
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
