/** The one Folio window: secure webPreferences, shown when ready, our renderer only. */
import { BrowserWindow } from 'electron'
import { secureWebPreferences } from './security'

export const BACKGROUND = '#1b1d21'

export interface WindowOptions {
  preload: string
  url: string
  icon?: string
}

export function createMainWindow({ preload, url, icon }: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Folio',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: BACKGROUND,
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
