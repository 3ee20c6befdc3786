/** One zustand store, typed slices (zustand's slices pattern). Components select single fields. */
import { create } from 'zustand'
import { createFeedSlice } from './feed'
import { createNotesSlice } from './notes'
import { createPaperSlice } from './paper'
import { createTagsSlice } from './tags'
import { createSettingsSlice } from './settings'
import type { Store } from './types'
import { createUiSlice } from './ui'

export type { Store } from './types'

export const useStore = create<Store>()((...a) => ({
  ...createFeedSlice(...a),
  ...createPaperSlice(...a),
  ...createNotesSlice(...a),
  ...createTagsSlice(...a),
  ...createUiSlice(...a),
  ...createSettingsSlice(...a)
}))
