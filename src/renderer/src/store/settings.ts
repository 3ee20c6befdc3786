/**
 * Settings slice: the app settings (theme, text size, mark-read-on-open, sidebar, last view and
 * paper) as the library's door stores them (api.getSettings / setSettings), applied to the page:
 * `data-theme` and `data-text-size` on <html> (CSS follows the OS through prefers-color-scheme
 * when the theme is "system"). Sidebar width and the last view/paper are saved shortly after
 * they change.
 */
import type { LocationPurpose, Settings, SettingsInfo, SettingsPatch } from '../../../shared/settings'
import { api } from '../api'
import type { SliceCreator } from './types'

export interface SettingsSlice {
  settings: Settings | null
  settingsInfo: SettingsInfo | null
  settingsOpen: boolean
  loadSettings(): Promise<Settings | null>
  updateSettings(patch: SettingsPatch): Promise<void>
  /** Save soon (coalesced): for values that change often (sidebar width, last view). */
  rememberSoon(patch: SettingsPatch): void
  pickLocation(purpose: LocationPurpose): Promise<void>
  setSettingsOpen(open: boolean): void
  toggleSidebar(): void
}

/** Put the theme and text size on <html>, where the CSS reads them. */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'textSize'>): void {
  const html = document.documentElement
  if (settings.theme === 'system') html.removeAttribute('data-theme')
  else html.setAttribute('data-theme', settings.theme)
  html.setAttribute('data-text-size', settings.textSize)
}

const REMEMBER_MS = 400

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => {
  let pending: SettingsPatch = {}
  let timer: ReturnType<typeof setTimeout> | undefined
  const flushRemembered = () => {
    timer = undefined
    const patch = pending
    pending = {}
    if (Object.keys(patch).length) void get().updateSettings(patch)
  }

  return {
    settings: null,
    settingsInfo: null,
    settingsOpen: false,

    async loadSettings() {
      try {
        const info = await api.getSettings({})
        set({ settings: info.settings, settingsInfo: info })
        applyAppearance(info.settings)
        return info.settings
      } catch (err) {
        get().reportError(err, 'Could not read the settings')
        return null
      }
    },

    async updateSettings(patch) {
      const before = get().settings
      // Show it at once; the door's answer is the truth.
      if (before) {
        const optimistic = {
          ...before,
          ...(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Settings>)
        }
        set({ settings: optimistic })
        applyAppearance(optimistic)
      }
      try {
        const settings = await api.setSettings(patch)
        set({ settings, settingsInfo: get().settingsInfo ? { ...get().settingsInfo!, settings } : null })
        applyAppearance(settings)
      } catch (err) {
        if (before) {
          set({ settings: before })
          applyAppearance(before)
        }
        get().reportError(err, 'Could not save the settings')
      }
    },

    rememberSoon(patch) {
      pending = { ...pending, ...patch }
      const current = get().settings
      if (current) set({ settings: { ...current, ...(patch as Partial<Settings>) } })
      if (timer) clearTimeout(timer)
      timer = setTimeout(flushRemembered, REMEMBER_MS)
    },

    async pickLocation(purpose) {
      try {
        const result = await api.pickLocation({ purpose })
        if (!result.changed) return
        set({ settings: result.settings })
        await get().loadSettings()
        if (result.restarting) get().showInfo('Folio restarts to open the library…')
        else if (purpose === 'watchFolder') get().showInfo(`Watching ${result.settings.watchFolder ?? ''}`)
      } catch (err) {
        get().reportError(err)
      }
    },

    setSettingsOpen(open) {
      set({ settingsOpen: open })
    },

    toggleSidebar() {
      const visible = get().settings?.sidebarVisible ?? true
      void get().updateSettings({ sidebarVisible: !visible })
    }
  }
}
