/** One zustand store, typed slices (zustand's slices pattern). Components select single fields. */
import { create } from 'zustand'
import { createFeedSlice } from './feed'
import { createCursorSlice } from './cursor'
import { createNotesSlice } from './notes'
import { createTagsSlice } from './tags'
import { createSettingsSlice } from './settings'
import { createTriageSlice } from './triage'
import type { Store } from './types'
import { createUiSlice } from './ui'
import { createUndoSlice } from './undo'

export type { Store } from './types'

export const useStore = create<Store>()((...a) => ({
  ...createFeedSlice(...a),
  ...createCursorSlice(...a),
  ...createTriageSlice(...a),
  ...createUndoSlice(...a),
  ...createNotesSlice(...a),
  ...createTagsSlice(...a),
  ...createUiSlice(...a),
  ...createSettingsSlice(...a)
}))
