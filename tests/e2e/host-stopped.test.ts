/**
 * When the browser host stops (issue 15.7): one message that says what to do, never a stack of
 * "Failed to fetch" toasts; the pane never says "Loading…" for ever; and when the host is back on
 * the same address, the page recovers by itself (it asks gently) and the event stream flows again.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect } from 'vitest'
import { startHost } from '../../src/main/host/server'
import { openLibrary } from '../../src/main/library/index'
import { setStarred } from '../../src/main/library/status'
import { FIRST_TITLE, HF_JUN6, importViaPicker, listbox, openPaper, paperHeading, test, viewButton } from './fixtures'

const STOPPED = "Folio's server stopped — run `folio serve` again"
const SECOND_TITLE = 'BEE: Metric-Adapted Explanations via Baseline Exploration-Exploitation'

describe('host stopped', { timeout: 90_000 }, () => {
  test('says so once, never loads for ever, and recovers when the host is back', async ({ browser }) => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-e2e-'))
    const libraryPath = join(dir, 'library.sqlite')
    const rendererDir = resolve(__dirname, '..', '..', 'out', 'renderer')
    let host = await startHost({ libraryPath, rendererDir })
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    try {
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      page.on('pageerror', (err) => errors.push(err.message))
      await page.goto(host.url)
      await importViaPicker(page, [HF_JUN6])
      await page.getByRole('button', { name: 'Close' }).click()
      await openPaper(page, FIRST_TITLE)

      const { port, token } = host
      await host.close()
      // Several calls fail: another paper, another view, a star.
      await listbox(page).focus()
      await page.keyboard.press('j')
      await page.keyboard.press('s')
      await page
        .getByRole('navigation', { name: 'Library' })
        .getByRole('treeitem', { name: /^All \d+$/ })
        .click()
      await page.getByRole('alert').getByText(STOPPED, { exact: true }).waitFor()
      await page.waitForTimeout(1_000)
      expect(await page.getByText('Failed to fetch').count()).toBe(0)
      expect(await page.getByRole('alert').getByText(STOPPED, { exact: true }).count()).toBe(1)
      const pane = page.getByRole('region', { name: 'Paper' })
      await expect.poll(() => pane.textContent()).toMatch(/could not be loaded/)
      expect(await pane.getByText('Loading…').count()).toBe(0)

      // Back on the same address: the page finds it, the message goes, the paper and the view load.
      host = await startHost({ libraryPath, rendererDir, port, token })
      await expect.poll(() => page.getByText(STOPPED).count(), { timeout: 20_000 }).toBe(0)
      await expect.poll(() => paperHeading(page).textContent()).toBe(SECOND_TITLE)
      await page.getByRole('heading', { name: 'All', exact: true }).waitFor()
      await viewButton(page, 'Starred', 0).waitFor()

      // The event stream is open again: a change made outside the page while it was away shows up…
      const other = openLibrary(libraryPath)
      try {
        setStarred(other.db, [1, 2], true)
      } finally {
        other.close()
      }
      await viewButton(page, 'Starred', 2).waitFor({ timeout: 20_000 })
      // …and live events again: another outside change shows up without any action on the page.
      const again = openLibrary(libraryPath)
      try {
        setStarred(again.db, [1], false)
      } finally {
        again.close()
      }
      await viewButton(page, 'Starred', 1).waitFor({ timeout: 20_000 })
      expect(errors).toEqual([])
    } finally {
      await context.close()
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
