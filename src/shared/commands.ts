/**
 * App commands: what main (the menu, the OS, closing the window) asks the renderer to do, sent as
 * the `command` event's payload. One list, shared by main (menu.ts) and the renderer's handler.
 * No electron import.
 */
import type { View } from './contract'

export const VIEW_COMMANDS = {
  all: 'view:all',
  unread: 'view:unread',
  reading: 'view:reading',
  starred: 'view:starred',
  notes: 'view:notes',
  read: 'view:read'
} as const satisfies Record<View, `view:${View}`>

export const COMMANDS = {
  ...VIEW_COMMANDS,
  nextUnread: 'go:nextUnread',
  previousUnread: 'go:previousUnread',
  search: 'go:search',
  toggleSidebar: 'sidebar:toggle',
  settings: 'settings:open',
  shortcuts: 'help:shortcuts',
  /** Save the pending note now and answer with api.notesFlushed (the window is about to close). */
  flush: 'flush'
} as const

export type AppCommand = (typeof COMMANDS)[keyof typeof COMMANDS]

export const isViewCommand = (c: string): c is (typeof VIEW_COMMANDS)[View] =>
  c.startsWith('view:') && (Object.values(VIEW_COMMANDS) as string[]).includes(c)
