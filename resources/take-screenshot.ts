/**
 * Renders resources/screenshot.png (the README's picture): the shared digests imported into a
 * temp library, the real renderer in Chromium against the browser host, a paper open.
 * Run: npx electron-vite build && npx tsx resources/take-screenshot.ts   (needs /usr/bin/chromium)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright'
import { startHost } from '../src/main/host/server'
import { importSources } from '../src/main/import/import-files'
import { openLibrary } from '../src/main/library/index'

const ROOT = resolve(import.meta.dirname, '..')
const FIXTURES = join(ROOT, 'tests', 'fixtures')
const DIGESTS = [
  'hf-trending-jun6.txt',
  'hf-daily-papers.json',
  'arxiv-rss.xml',
  'arxiv-atom.xml',
  'arxiv-listing-email.txt',
  'papers.bib',
  'papers.ris'
]

const dir = mkdtempSync(join(tmpdir(), 'folio-shot-'))
try {
  const libraryPath = join(dir, 'library.sqlite')
  const lib = openLibrary(libraryPath)
  await importSources(
    lib,
    DIGESTS.map((f) => ({ kind: 'path' as const, path: join(FIXTURES, f) }))
  )
  lib.close()
  const host = await startHost({ libraryPath, rendererDir: join(ROOT, 'out', 'renderer') })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(host.url)
    const list = page.getByRole('listbox')
    await list.getByRole('option').first().waitFor()
    await list.focus()
    for (const key of ['j', 'j', 'j', 's', 'j', 'j', 'r', 'j']) await page.keyboard.press(key)
    await page.waitForTimeout(600)
    await page.screenshot({ path: join(ROOT, 'resources', 'screenshot.png') })
    console.log('wrote resources/screenshot.png')
  } finally {
    await browser.close()
    await host.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
