/**
 * App settings: the schema shared by main (which stores them), the browser host and the renderer
 * (which shows and edits them). Part of the contract; no electron import.
 *
 * Every field has a default and is parsed on its own (`.catch`), so a settings file with one bad
 * or outdated value keeps all the others.
 */
import { z } from 'zod'
import { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN, TEXT_SIZES, THEMES, VIEWS } from './values'

export { SIDEBAR_DEFAULT, SIDEBAR_MAX, SIDEBAR_MIN, TEXT_SIZES, THEMES, type TextSize, type Theme } from './values'

const view = z.enum(VIEWS)
const paperId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const path = z.string().min(1).max(4_096)

export const settingsSchema = z.object({
  /** The library file to open (null: the default in the user-data folder). --library / FOLIO_LIBRARY win. */
  libraryPath: path.nullable().catch(null).default(null),
  /** A folder whose new digest files are imported automatically (null: off). App only. */
  watchFolder: path.nullable().catch(null).default(null),
  /** Opening a paper marks it read. */
  markReadOnOpen: z.boolean().catch(false).default(false),
  theme: z.enum(THEMES).catch('system').default('system'),
  textSize: z.enum(TEXT_SIZES).catch('medium').default('medium'),
  sidebarVisible: z.boolean().catch(true).default(true),
  sidebarWidth: z.number().int().min(SIDEBAR_MIN).max(SIDEBAR_MAX).catch(SIDEBAR_DEFAULT).default(SIDEBAR_DEFAULT),
  /** Restored on start: the last smart view and the selected paper. */
  lastView: view.catch('unread').default('unread'),
  lastPaperId: paperId.nullable().catch(null).default(null)
})
export type Settings = z.infer<typeof settingsSchema>

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({})

/**
 * What the renderer may change directly. Paths are not here: the app picks them with its own
 * dialogs (pickLocation), and the browser host never takes a path from the page. A watch
 * folder can be turned off (null) from anywhere.
 */
export const settingsPatch = z.strictObject({
  markReadOnOpen: z.boolean().optional(),
  theme: z.enum(THEMES).optional(),
  textSize: z.enum(TEXT_SIZES).optional(),
  sidebarVisible: z.boolean().optional(),
  sidebarWidth: z.number().int().min(SIDEBAR_MIN).max(SIDEBAR_MAX).optional(),
  lastView: view.optional(),
  lastPaperId: paperId.nullable().optional(),
  watchFolder: z.null().optional()
})
export type SettingsPatch = z.input<typeof settingsPatch>

/** getSettings: the settings plus where the library really is (flags and env beat the setting). */
export interface SettingsInfo {
  settings: Settings
  /** The library file open now. */
  libraryPath: string
  /** Set when --library or FOLIO_LIBRARY chose the library (the setting is then not used). */
  libraryOverride: string | null
  /** Where these settings are stored. */
  settingsPath: string
  /** The app can pick files and folders (library location, watch folder); the browser host cannot. */
  canPickLocations: boolean
}

export const LOCATION_PURPOSES = ['watchFolder', 'openLibrary', 'newLibrary', 'moveLibrary'] as const
export type LocationPurpose = (typeof LOCATION_PURPOSES)[number]

export interface PickResult {
  /** False when the user cancelled the dialog. */
  changed: boolean
  settings: Settings
  /** The app restarts to open the other library. */
  restarting: boolean
}
