/**
 * The window's size, position and maximised/full-screen state, restored on start
 * (`<userData>/window-state.json`). Plain: takes the Electron objects it works on (type imports
 * only), so the shell tests drive it with the stand-in.
 *
 * A saved position is used only if the window would still be reachable on one of the current
 * displays (a monitor may have been unplugged); otherwise the window is centred. The size never
 * exceeds the largest display's work area.
 */
import type { BrowserWindow, Rectangle } from 'electron'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'

export const WINDOW_STATE_FILE = 'window-state.json'
export const MIN_WIDTH = 720
export const MIN_HEIGHT = 480
/** How much of the title bar must be on a display for a saved position to count as visible. */
const VISIBLE = 64

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_WIDTH).max(100_000),
  height: z.number().int().min(MIN_HEIGHT).max(100_000),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false)
})
export type WindowState = z.infer<typeof stateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false, fullScreen: false }

export function readWindowState(file: string): WindowState {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE }
  } catch {
    return { ...DEFAULT_WINDOW_STATE }
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const tmp = `${file}.tmp-${process.pid}`
    writeFileSync(tmp, `${JSON.stringify(state)}\n`)
    renameSync(tmp, file)
  } catch (err) {
    console.warn('[folio] could not save the window state:', err)
  }
}

const overlap = (a: Rectangle, b: Rectangle): { w: number; h: number } => ({
  w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
})

/** The state adjusted to the displays there are now (work areas, i.e. without task bars). */
export function fitToDisplays(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  if (!workAreas.length) return state
  /* eslint-disable no-restricted-syntax -- one entry per display */
  const maxW = Math.max(...workAreas.map((a) => a.width))
  const maxH = Math.max(...workAreas.map((a) => a.height))
  /* eslint-enable no-restricted-syntax */
  const width = Math.max(Math.min(state.width, maxW), Math.min(MIN_WIDTH, maxW))
  const height = Math.max(Math.min(state.height, maxH), Math.min(MIN_HEIGHT, maxH))
  const fitted: WindowState = { ...state, width, height }
  if (state.x === undefined || state.y === undefined) return { ...fitted, x: undefined, y: undefined }
  const titleBar = { x: state.x, y: state.y, width, height: Math.min(height, 40) }
  const visible = workAreas.some((area) => {
    const o = overlap(titleBar, area)
    return o.w >= Math.min(VISIBLE, width) && o.h > 0
  })
  return visible ? fitted : { ...fitted, x: undefined, y: undefined }
}

/** BrowserWindow options for the restored state (apply maximised/full screen after creation). */
export function windowBounds(state: WindowState): { x?: number; y?: number; width: number; height: number } {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height
  }
}

type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isFullScreen' | 'isDestroyed' | 'maximize' | 'setFullScreen'
>

/** The window's state now (the normal bounds, so a maximised window remembers its size). */
export function captureWindowState(win: TrackedWindow): WindowState {
  const b = win.getNormalBounds()
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(MIN_WIDTH, Math.round(b.width)),
    height: Math.max(MIN_HEIGHT, Math.round(b.height)),
    maximized: win.isMaximized(),
    fullScreen: win.isFullScreen()
  }
}

/**
 * Restore maximised/full screen on a new window and save its state as it changes (debounced)
 * and when it closes. Returns `save` (write now).
 */
export function trackWindowState(
  win: TrackedWindow,
  file: string,
  restored: WindowState,
  debounceMs = 500
): () => void {
  if (restored.maximized) win.maximize()
  if (restored.fullScreen) win.setFullScreen(true)
  let timer: ReturnType<typeof setTimeout> | undefined
  let last: WindowState = restored
  const save = (): void => {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (win.isDestroyed()) return
    last = captureWindowState(win)
    writeWindowState(file, last)
  }
  const later = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, debounceMs)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) {
    win.on(event as 'resize', later)
  }
  win.on('close', save)
  win.on('closed', () => {
    if (timer) clearTimeout(timer)
    timer = undefined
    void last
  })
  return save
}
