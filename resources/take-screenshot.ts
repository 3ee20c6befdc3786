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
/** The paper open in every shot, and the note written on it. */
const OPEN = 'Self-Normalizing Neural Networks'
const NOTE =
  '**Why it matters:** SELU keeps activations near zero mean and unit variance, so deep MLPs train without batch norm.\n\n- Try on the tabular baseline\n- Cite with $\\lambda \\approx 1.0507$'
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
    // Triage a few papers and write a note first (the library keeps them); each shot is a fresh page.
    const setup = await browser.newPage()
    await setup.goto(host.url)
    const setupList = setup.getByRole('listbox')
    await setupList.getByRole('option').first().waitFor()
    await setupList.focus()
    for (const key of ['j', 'j', 'j', 's', 'j', 'j', 'r']) await setup.keyboard.press(key)
    await setupList.getByRole('option', { name: OPEN }).click()
    await setup.getByRole('textbox', { name: 'Notes', exact: true }).fill(NOTE)
    await setup.keyboard.press('Escape')
    await setup.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await setup.close()
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, deviceScaleFactor: 1 })
      await page.emulateMedia({ colorScheme: shot.theme })
      await page.goto(host.url)
      const list = page.getByRole('listbox')
      await list.getByRole('option').first().waitFor()
      await list.getByRole('option', { name: OPEN }).click()
      await list.focus()
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
