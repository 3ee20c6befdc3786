import type { StateCreator } from 'zustand'
import type { FeedSlice } from './feed'
import type { NotesSlice } from './notes'
import type { PaperSlice } from './paper'
import type { TagsSlice } from './tags'
import type { SettingsSlice } from './settings'
import type { UiSlice } from './ui'

export type Store = FeedSlice & PaperSlice & NotesSlice & TagsSlice & UiSlice & SettingsSlice
export type SliceCreator<T> = StateCreator<Store, [], [], T>
