/**
 * Renders the README's pictures, resources/screenshot-<theme>-<width>.png (light and dark, 1440 and
 * 1024 wide): the sample digests imported into a temp library, the real renderer in Chromium against
 * the browser host, a few papers triaged and one open.
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
const SHOTS = [
  { theme: 'light', width: 1440, height: 900 },
  { theme: 'dark', width: 1440, height: 900 },
  { theme: 'light', width: 1024, height: 700 },
  { theme: 'dark', width: 1024, height: 700 }
] as const

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
    let triaged = false
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1 })
      await page.emulateMedia({ colorScheme: shot.theme })
      await page.goto(host.url)
      const list = page.getByRole('listbox')
      await list.getByRole('option').first().waitFor()
      await list.focus()
      // Triage a few papers once (the library keeps it); later shots open the same paper.
      const keys = triaged ? ['j', 'j', 'j', 'j', 'j', 'j'] : ['j', 'j', 'j', 's', 'j', 'j', 'r', 'j']
      triaged = true
      for (const key of keys) await page.keyboard.press(key)
      await page.mouse.move(0, shot.height - 1)
      await page.waitForTimeout(700)
      const path = join(ROOT, 'resources', `screenshot-${shot.theme}-${shot.width}.png`)
      await page.screenshot({ path })
      console.log(`wrote ${path}`)
      await page.close()
    }
  } finally {
    await browser.close()
    await host.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
