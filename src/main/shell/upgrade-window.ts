/**
 * A library written by an earlier Folio is upgraded once, when it is first opened (the numbered
 * migrations): about a second per 100,000 papers, nine at a million. Instead of showing nothing
 * meanwhile, the app upgrades it on a worker thread (the job worker: its connection migrates as it
 * opens) behind a small window that says so; the main window replaces it when the library is open.
 * If the upgrade fails in the worker, opening the library on the main thread meets the same problem
 * and says what it is (a damaged file is moved aside, a newer one refused): nothing is lost here.
 */
import { BrowserWindow } from 'electron'
import { BACKGROUND } from './window'
import { secureWebPreferences } from './security'

const PAGE = (dark: boolean): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Folio</title>
<style>
  body { margin: 0; height: 100vh; display: grid; place-content: center; gap: 6px; text-align: center;
         font: 14px system-ui, sans-serif; background: ${dark ? BACKGROUND.dark : BACKGROUND.light};
         color: ${dark ? '#e6e6e6' : '#1b1d21'}; }
  p { margin: 0; } .small { opacity: .75; font-size: 12px; }
</style></head>
<body role="status"><p>Folio is upgrading your library for this version…</p>
<p class="small">Once only: a big library takes a few seconds.</p></body></html>`

export interface UpgradeWindow {
  /** Closes the window (after the main window is up: closing the only window would quit). */
  close(): void
}

/** Shows the upgrade window, runs `upgrade` (errors are logged, not thrown), returns the window to close. */
export async function upgradeBehindWindow(upgrade: () => Promise<unknown>, dark: boolean): Promise<UpgradeWindow> {
  const win = new BrowserWindow({
    title: 'Folio',
    width: 420,
    height: 140,
    resizable: false,
    minimizable: false,
    maximizable: false,
    // Closing it would leave no window (and quit) while the worker writes: the upgrade is short.
    closable: false,
    show: true,
    backgroundColor: dark ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: secureWebPreferences()
  })
  win.setMenu(null)
  win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(PAGE(dark))}`).catch((err: unknown) => {
    console.error('[folio] could not show the upgrade window:', err)
  })
  try {
    await upgrade()
  } catch (err) {
    console.error('[folio] upgrading the library in the background failed; opening it says why:', err)
  }
  return {
    close() {
      // destroy: it is not closable (close() would be refused on some platforms), and has no page state.
      if (!win.isDestroyed()) win.destroy()
    }
  }
}
