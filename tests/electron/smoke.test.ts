/**
 * The real thing: Playwright's _electron launches the BUILT app (out/main, out/preload,
 * out/renderer) in Electron on an empty temp library (FOLIO_LIBRARY, settings in a temp
 * XDG_CONFIG_HOME) with the shared digest on its command line, as "open with Folio" does: the
 * app imports it and the window shows the report and the feed's 61 papers. Needs Electron's binary: where node_modules/electron has none (path.txt + dist), the
 * suite is SKIPPED with the reason printed; this never triggers the download itself.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, type ElectronApplication, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildElectronNative, electronBinaryStatus } from '../../resources/build/electron-native.mjs'

const ROOT = resolve(__dirname, '..', '..')
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'hf-trending-jun6.txt')
const FIRST_TITLE = 'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences'

const electron = electronBinaryStatus(join(ROOT, 'node_modules', 'electron'))
if (!electron.ok) {
  console.warn(
    `[tests/electron] SKIPPED: Electron's binary is not available (${electron.reason}). ` +
      'Run `node resources/build/electron-native.mjs` where it can be downloaded; the shell is covered by tests/shell meanwhile.'
  )
}

describe.skipIf(!electron.ok)('Folio in real Electron (smoke)', () => {
  let dir: string
  let app: ElectronApplication
  let page: Page

  beforeAll(async () => {
    const native = buildElectronNative({ version: electron.version! })
    if (!native.ok)
      throw new Error(`better-sqlite3 for Electron ${electron.version} could not be built: ${native.reason}`)
    dir = mkdtempSync(join(tmpdir(), 'folio-electron-'))
    const library = join(dir, 'library.sqlite')
    const env = { ...process.env, FOLIO_LIBRARY: library, XDG_CONFIG_HOME: join(dir, 'config') } as Record<
      string,
      string
    >
    delete env.ELECTRON_RENDERER_URL
    delete env.ELECTRON_RUN_AS_NODE
    // The digest on the command line: imported by the app itself (the import flow of "open with").
    app = await _electron.launch({ executablePath: electron.executable!, args: [ROOT, FIXTURE], cwd: ROOT, env })
    page = await app.firstWindow()
  })
  afterAll(async () => {
    await app?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('imports the digest it was opened with: the report, then 61 papers in the feed', async () => {
    expect(page.url()).toBe('folio://app/index.html')
    await expect.poll(() => page.title()).toBe('Folio')
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30_000 })
    await page.getByText('61 added').first().waitFor()
    await page.getByText(FIRST_TITLE).first().waitFor({ timeout: 20_000 })
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'All 61', exact: true })
      .waitFor()
  })

  it('exposes only window.api, no Node, to the page', async () => {
    // (The webPreferences themselves are asserted in tests/shell against the built main.)
    type PageGlobals = {
      api: Record<string, unknown> & { counts(i: object): Promise<{ views: { all: number } }> }
      require?: unknown
      process?: unknown
    }
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals
      return { api: Object.keys(g.api).sort(), require: typeof g.require, process: typeof g.process }
    })
    expect(seen.api).toContain('feedPage')
    expect(seen.api).toContain('on')
    expect(seen.require).toBe('undefined')
    expect(seen.process).toBe('undefined')
    const counts = await page.evaluate(() => (globalThis as unknown as PageGlobals).api.counts({}))
    expect(counts.views.all).toBe(61)
  })

  it('refuses to navigate away', async () => {
    await page.evaluate(() => {
      ;(globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'
    })
    await new Promise((r) => setTimeout(r, 500))
    expect(page.url()).toBe('folio://app/index.html')
  })
})
