/**
 * Settings on disk: one JSON file (`<userData>/settings.json` for the app; next to the library,
 * or wherever its options say, for the browser host). Plain Node, no electron.
 *
 * Reading never fails: a missing file gives the defaults; a damaged file is kept aside
 * (settings.json.damaged-<time>) and the defaults used; each field is validated on its own, so
 * one bad value keeps the others. Writing is atomic (temp file + rename), so a crash mid-write
 * leaves the previous settings.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { settingsSchema, type Settings } from '../shared/settings'

export const SETTINGS_FILE = 'settings.json'

export interface SettingsStore {
  readonly path: string
  get(): Settings
  /** Merge, validate, write; returns the new settings. Listeners hear about changes. */
  update(patch: Partial<Settings>): Settings
  onChange(listener: (next: Settings, previous: Settings) => void): () => void
}

/** The settings a file holds (defaults for anything missing or invalid). */
export function readSettings(path: string): Settings {
  let raw: string
  try {
    raw = readFileSync(path, 'utf8')
  } catch {
    return settingsSchema.parse({})
  }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    data = undefined
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    // Not ours to delete: keep it aside for the curious, start from the defaults.
    try {
      renameSync(path, `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    } catch {
      /* read-only folder: just use the defaults */
    }
    return settingsSchema.parse({})
  }
  return settingsSchema.parse(data)
}

export function writeSettings(path: string, settings: Settings): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.tmp-${process.pid}`
  try {
    writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 })
    renameSync(tmp, path)
  } catch (err) {
    rmSync(tmp, { force: true }) // a failed write (disk full, a folder in the way) leaves nothing behind
    throw err
  }
}

export function openSettings(path: string): SettingsStore {
  let current = readSettings(path)
  const listeners = new Set<(next: Settings, previous: Settings) => void>()
  return {
    path,
    get: () => current,
    update(patch) {
      const previous = current
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      const next = settingsSchema.parse({ ...current, ...defined })
      if (JSON.stringify(next) === JSON.stringify(previous) && existsSync(path)) return current
      writeSettings(path, next)
      current = next
      for (const listener of listeners) listener(next, previous)
      return next
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

/** The browser host's default: a settings file next to the library. */
export function settingsPathNextTo(libraryPath: string): string {
  return join(dirname(libraryPath), SETTINGS_FILE)
}
