/**
 * The BUILT main process (electron STAND-IN: Electron's own modules cannot run here) on a library
 * written by an earlier Folio: it is upgraded on a worker thread behind a small window that says so,
 * which the main window replaces; every paper and its status are there after. A library of this
 * version opens with no such window.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { channelOf } from '../../src/shared/contract'
import { openLibrary } from '../../src/main/library/index'
import { SCHEMA_VERSION, upgradePending } from '../../src/main/library/migrations'
import { libraryAtSchema5 } from '../helpers/old-schema'
import { invokeAs, quitMain, type StandIn, startMain, until } from './harness'

const APP = { url: 'folio://app/index.html', parent: null }

const isUpgradeWindow = (url: string | null): boolean =>
  url !== null && url.startsWith('data:text/html') && /Folio is upgrading your library/.test(decodeURIComponent(url))

describe('built main process: a library from an earlier Folio', () => {
  let dir: string
  let file: string
  let s: StandIn | undefined
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-shell-upgrade-'))
    file = join(dir, 'library.sqlite')
  })
  afterEach(async () => {
    if (s) await quitMain(s)
    s = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('is upgraded behind a window that says so; the main window replaces it', async () => {
    libraryAtSchema5(file)
    expect(upgradePending(file)).toBe(true)
    s = await startMain({ FOLIO_LIBRARY: file })
    const state = s.state
    await until(() => state.windows.length === 2 || state.errorBoxes.length > 0, 'the main window', 15_000)
    expect(state.errorBoxes).toEqual([])
    const [upgrade, main] = state.windows as unknown as {
      loadedUrl: string | null
      closed?: boolean
      options: { webPreferences: Record<string, unknown> }
    }[]
    expect(isUpgradeWindow(upgrade!.loadedUrl)).toBe(true)
    // A page of text only: locked down like the main window, and no bridge at all.
    expect(upgrade!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false
    })
    expect(upgrade!.options.webPreferences.preload).toBeUndefined()
    expect(isUpgradeWindow(main!.loadedUrl)).toBe(false)
    expect(upgrade!.closed).toBe(true)
    expect(main!.closed).toBeFalsy()
    expect(state.quitCalls).toEqual([])
    expect(upgradePending(file)).toBe(false)
    expect(await invokeAs(s, channelOf('counts'), APP, {})).toMatchObject({
      ok: true,
      value: { views: { all: 3, unread: 2, read: 1 } }
    })
  })

  it('a library of this version opens with no upgrade window', async () => {
    openLibrary(file).close()
    expect(upgradePending(file)).toBe(false)
    s = await startMain({ FOLIO_LIBRARY: file })
    expect(s.state.windows).toHaveLength(1)
    expect(isUpgradeWindow((s.state.windows[0] as unknown as { loadedUrl: string | null }).loadedUrl)).toBe(false)
  })

  it('upgradePending: an earlier schema only (not this one, a newer one, a missing or foreign file)', () => {
    libraryAtSchema5(file)
    expect(upgradePending(file)).toBe(true)
    expect(upgradePending(join(dir, 'missing.sqlite'))).toBe(false)
    const newer = join(dir, 'newer.sqlite')
    const db = new Database(newer)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    expect(upgradePending(newer)).toBe(false)
    const foreign = join(dir, 'notes.txt')
    writeFileSync(foreign, 'not a database at all '.repeat(100))
    expect(upgradePending(foreign)).toBe(false)
  })
})
