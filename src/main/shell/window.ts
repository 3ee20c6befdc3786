/** The one Folio window: secure webPreferences, shown when ready, our renderer only. */
import { BrowserWindow } from 'electron'
import { secureWebPreferences } from './security'
import { MIN_HEIGHT, MIN_WIDTH } from './window-state'

/** The window's background before the page paints (styles.css --bg), per theme: no white flash. */
export const BACKGROUND = { dark: '#1b1d21', light: '#ffffff' } as const

export interface WindowOptions {
  preload: string
  url: string
  icon?: string
  /** Restored size and position (window-state.ts); centred when x/y are absent. */
  bounds?: { x?: number; y?: number; width: number; height: number }
  dark?: boolean
}

export function createMainWindow({ preload, url, icon, bounds, dark = true }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Folio',
    width: 1280,
    height: 820,
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: dark ? BACKGROUND.dark : BACKGROUND.light,
    autoHideMenuBar: false,
    ...(icon ? { icon } : {}),
    webPreferences: secureWebPreferences(preload)
  })
  win.once('ready-to-show', () => win.show())
  win.loadURL(url).catch((err: unknown) => {
    console.error(`[folio] could not load ${url}:`, err)
  })
  return win
}
