import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/handlers'
import { openLibrary, type Library } from '../../src/main/library/index'
import { openSettings, readSettings } from '../../src/main/settings'
import { DEFAULT_SETTINGS } from '../../src/shared/settings'

describe('settings file', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-settings-'))
    file = join(dir, 'sub', 'settings.json')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('defaults when the file is missing; nothing is written until a change', () => {
    const s = openSettings(file)
    expect(s.get()).toEqual(DEFAULT_SETTINGS)
    expect(DEFAULT_SETTINGS).toMatchObject({
      theme: 'system',
      textSize: 'medium',
      markReadOnOpen: false,
      watchFolder: null,
      libraryPath: null
    })
    expect(existsSync(file)).toBe(false)
  })

  it('persists changes atomically and reads them back', () => {
    const s = openSettings(file)
    const heard: string[] = []
    s.onChange((next, prev) => heard.push(`${prev.theme}->${next.theme}`))
    s.update({ theme: 'dark', textSize: 'large', lastPaperId: 7, markReadOnOpen: undefined })
    expect(heard).toEqual(['system->dark'])
    expect(readSettings(file)).toMatchObject({
      theme: 'dark',
      textSize: 'large',
      lastPaperId: 7,
      markReadOnOpen: false
    })
    expect(openSettings(file).get().theme).toBe('dark')
    expect(readdirSync(join(dir, 'sub'))).toEqual(['settings.json']) // no temp file left
  })

  it('a write that fails leaves no temp file behind, and the settings as they were', () => {
    const s = openSettings(file)
    mkdirSync(join(file, 'in-the-way'), { recursive: true }) // a folder where the file goes: the rename fails
    expect(() => s.update({ theme: 'dark' })).toThrow()
    expect(readdirSync(join(dir, 'sub'))).toEqual(['settings.json'])
    expect(s.get().theme).toBe('system')
  })

  it('keeps good values when one is bad; keeps a damaged file aside', () => {
    writeFileSync(
      file.replace('sub/', ''),
      JSON.stringify({ theme: 'neon', textSize: 'large', sidebarWidth: 5, extra: 1 })
    )
    const s = readSettings(file.replace('sub/', ''))
    expect(s.theme).toBe('system')
    expect(s.textSize).toBe('large')
    expect(s.sidebarWidth).toBe(DEFAULT_SETTINGS.sidebarWidth)
    expect(s).not.toHaveProperty('extra')
    const damaged = join(dir, 'damaged.json')
    writeFileSync(damaged, '{"theme": "da')
    expect(readSettings(damaged)).toEqual(DEFAULT_SETTINGS)
    expect(readdirSync(dir).some((f) => f.startsWith('damaged.json.damaged-'))).toBe(true)
    expect(
      readFileSync(
        join(
          dir,
          readdirSync(dir).find((f) => f.startsWith('damaged.json.damaged-'))!
        ),
        'utf8'
      )
    ).toBe('{"theme": "da')
  })
})

describe('settings and importPaths through the dispatcher', () => {
  let dir: string
  let lib: Library
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-settings-d-'))
    lib = openLibrary(join(dir, 'library.sqlite'))
  })
  afterEach(() => {
    lib.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('without the capabilities (the browser host): importPaths and pickLocation are refused with a clear error', async () => {
    const dispatch = createDispatcher(lib, { openExternal: () => false })
    const reply = await dispatch('importPaths', { paths: ['/etc/passwd'] })
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringMatching(/never reads files by path/) }
    })
    expect(await dispatch('pickLocation', { purpose: 'watchFolder' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' }
    })
    expect(await dispatch('rendererReady', {})).toEqual({ ok: true, value: { importReports: [] } })
  })

  it('setSettings refuses paths from the page (only the app picks them)', async () => {
    const s = openSettings(join(dir, 'settings.json'))
    const dispatch = createDispatcher(lib, {
      openExternal: () => false,
      settings: {
        get: () => ({
          settings: s.get(),
          libraryPath: lib.path,
          libraryOverride: null,
          settingsPath: s.path,
          canPickLocations: false
        }),
        set: (p) => s.update(p)
      }
    })
    expect(await dispatch('setSettings', { libraryPath: '/tmp/x.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await dispatch('setSettings', { watchFolder: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' }
    })
    expect(await dispatch('setSettings', { theme: 'dark', watchFolder: null })).toMatchObject({
      ok: true,
      value: { theme: 'dark', watchFolder: null }
    })
    expect(await dispatch('getSettings', {})).toMatchObject({ ok: true, value: { settings: { theme: 'dark' } } })
  })
})
