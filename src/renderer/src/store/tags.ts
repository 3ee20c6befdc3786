/** Tags slice: tag the open paper, rename or delete a tag everywhere; counts, feed and paper follow. */
import { api } from '../api'
import type { SliceCreator } from './types'

export interface TagsSlice {
  /** Add and/or remove tags on the open paper. */
  tagPaper(add: string[], remove?: string[]): Promise<void>
  renameTag(from: string, to: string): Promise<boolean>
  deleteTag(name: string): Promise<boolean>
}

export const createTagsSlice: SliceCreator<TagsSlice> = (_set, get) => {
  /** After a tag change: counts (sidebar), the feed if it is filtered by tag, the notes list. */
  const refresh = (tagsTouched: string[]) => {
    void get().refreshCounts()
    const { tag, query, mode } = get()
    const lower = tagsTouched.map((t) => t.toLowerCase())
    if ((tag !== null && lower.includes(tag.toLowerCase())) || /\btag:/i.test(query)) void get().reloadFeed()
    if (mode === 'notes') void get().loadNotesList()
  }

  return {
    async tagPaper(add, remove = []) {
      const paper = get().paper
      if (!paper) return
      try {
        const [res] = await api.tagPapers({ ids: [paper.id], add, remove })
        if (res) get().patchPaper(paper.id, (now) => ({ ...now, tags: res.tags }))
        refresh([...add, ...remove])
      } catch (err) {
        get().reportError(err, 'Could not change the tags')
      }
    },

    async renameTag(from, to) {
      try {
        const r = await api.renameTag({ from, to })
        if (get().tag?.toLowerCase() === from.toLowerCase()) get().setTag(r.name)
        const paper = get().paper
        if (paper) void get().loadPaper(paper.id)
        refresh([from, to])
        get().showInfo(`Renamed tag “${from}” to “${r.name}” (${r.papers} paper${r.papers === 1 ? '' : 's'})`)
        return true
      } catch (err) {
        get().reportError(err, 'Could not rename the tag')
        return false
      }
    },

    async deleteTag(name) {
      try {
        const r = await api.deleteTag({ name })
        if (get().tag?.toLowerCase() === name.toLowerCase()) get().setView('all')
        const paper = get().paper
        if (paper) void get().loadPaper(paper.id)
        refresh([name])
        get().showInfo(
          `Deleted tag “${r.name}” from ${r.papers} paper${r.papers === 1 ? '' : 's'} (papers and notes kept)`
        )
        return true
      } catch (err) {
        get().reportError(err, 'Could not delete the tag')
        return false
      }
    }
  }
}
