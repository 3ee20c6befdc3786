/**
 * Settings: appearance (theme, text size), reading (mark read on open), the library's location
 * and the watch folder. Every control is labelled; changes apply at once and are saved by the
 * library's door (the app's settings.json, or the browser host's). Choosing files and folders
 * needs the app's dialogs: in the browser those controls explain that instead.
 */
import { useEffect } from 'react'
import { TEXT_SIZES, THEMES, type TextSize, type Theme } from '../../../shared/values'
import { inBrowserHost } from '../api'
import { useStore } from '../store'
import { Dialog } from './Dialog'

const THEME_LABEL: Record<Theme, string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' }
const SIZE_LABEL: Record<TextSize, string> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  'x-large': 'Extra large'
}

export function SettingsDialog() {
  const open = useStore((s) => s.settingsOpen)
  const setOpen = useStore((s) => s.setSettingsOpen)
  const settings = useStore((s) => s.settings)
  const info = useStore((s) => s.settingsInfo)
  const update = useStore((s) => s.updateSettings)
  const pick = useStore((s) => s.pickLocation)

  // Fresh settings each time it opens (another window or the CLI may have changed them).
  useEffect(() => {
    if (open) void useStore.getState().loadSettings()
  }, [open])
  if (!open || !settings) return null
  const canPick = info?.canPickLocations ?? !inBrowserHost

  return (
    <Dialog
      labelledBy="settings-heading"
      className="settings"
      onClose={() => setOpen(false)}
      focusFirst="#settings-theme"
    >
      <h2 id="settings-heading">Settings</h2>

      <fieldset>
        <legend>Appearance</legend>
        <label htmlFor="settings-theme">Theme</label>
        <select
          id="settings-theme"
          value={settings.theme}
          onChange={(e) => void update({ theme: e.currentTarget.value as Theme })}
        >
          {THEMES.map((t) => (
            <option key={t} value={t}>
              {THEME_LABEL[t]}
            </option>
          ))}
        </select>
        <label htmlFor="settings-text-size">Text size</label>
        <select
          id="settings-text-size"
          value={settings.textSize}
          onChange={(e) => void update({ textSize: e.currentTarget.value as TextSize })}
        >
          {TEXT_SIZES.map((t) => (
            <option key={t} value={t}>
              {SIZE_LABEL[t]}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.sidebarVisible}
            onChange={(e) => void update({ sidebarVisible: e.currentTarget.checked })}
          />{' '}
          Show the sidebar
        </label>
      </fieldset>

      <fieldset>
        <legend>Reading</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.markReadOnOpen}
            onChange={(e) => void update({ markReadOnOpen: e.currentTarget.checked })}
          />{' '}
          Mark a paper read when I open it
        </label>
      </fieldset>

      <fieldset>
        <legend>Library</legend>
        <p className="small">
          <span className="muted">Open now:</span> <code>{info?.libraryPath}</code>
          {info?.libraryOverride && canPick && <span className="muted"> (chosen by --library or FOLIO_LIBRARY)</span>}
        </p>
        {canPick ? (
          <div className="buttons">
            <button type="button" onClick={() => void pick('openLibrary')}>
              Open another library…
            </button>
            <button type="button" onClick={() => void pick('newLibrary')}>
              New library…
            </button>
            <button type="button" onClick={() => void pick('moveLibrary')}>
              Move this library…
            </button>
          </div>
        ) : (
          <p className="small muted">
            The browser version uses the library “folio serve” was started on (--library chooses another).
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Watch folder</legend>
        <p className="small">
          {settings.watchFolder ? (
            <>
              New digests saved in <code>{settings.watchFolder}</code> are imported automatically.
            </>
          ) : (
            'Off. Folio can import new digests saved in a folder automatically.'
          )}
        </p>
        <div className="buttons">
          {canPick ? (
            <button type="button" onClick={() => void pick('watchFolder')}>
              {settings.watchFolder ? 'Change folder…' : 'Choose folder…'}
            </button>
          ) : (
            <span className="small muted">Choosing a folder needs the Folio app.</span>
          )}
          {settings.watchFolder && (
            <button type="button" onClick={() => void update({ watchFolder: null })}>
              Stop watching
            </button>
          )}
        </div>
      </fieldset>

      <p className="small muted">
        Settings are saved in <code>{info?.settingsPath}</code>
      </p>
      <button type="button" className="primary" onClick={() => setOpen(false)}>
        Done
      </button>
    </Dialog>
  )
}
