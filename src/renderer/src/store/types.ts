import type { StateCreator } from 'zustand'
import type { CursorSlice } from './cursor'
import type { FeedSlice } from './feed'
import type { NotesSlice } from './notes'
import type { SettingsSlice } from './settings'
import type { TagsSlice } from './tags'
import type { TriageSlice } from './triage'
import type { UiSlice } from './ui'
import type { UndoSlice } from './undo'

/** Each slice writes only its own fields; what it does to another slice goes through that slice's actions. */
export type Store = FeedSlice & CursorSlice & TriageSlice & UndoSlice & NotesSlice & TagsSlice & UiSlice & SettingsSlice
export type SliceCreator<T> = StateCreator<Store, [], [], T>
