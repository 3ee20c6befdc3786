/**
 * Importing a big file in the browser: the page sends the File to the host as a stream (no base64,
 * nothing big on its main thread), shows real progress (bytes sent, then papers imported) and a
 * Cancel button beside the bar that leaves the library as it was.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Page } from 'playwright'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { generateArxivRss } from '../helpers/generate'
import { noProblems, test } from './fixtures'

const PAPERS = 15_000
let big: string

/** Record, in the page, every text the import's status shows and the longest main-thread task. */
async function watchImport(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[]; longest: number }
    w.seen = []
    w.longest = 0
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration)
    }).observe({ type: 'longtask' })
    new MutationObserver(() => {
      const text = document.querySelector('.import-progress [role="status"]')?.textContent
      if (text && w.seen.at(-1) !== text) w.seen.push(text)
    }).observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}
const seen = (page: Page): Promise<{ seen: string[]; longest: number }> =>
  page.evaluate(() => {
    const w = window as unknown as { seen: string[]; longest: number }
    return { seen: w.seen, longest: w.longest }
  })

async function pick(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import digests…' }).first().click()
  await (await chooser).setFiles([file])
}

describe('importing a big file in the browser', () => {
  beforeAll(() => {
    big = join(tmpdir(), `folio-e2e-big-${process.pid}.xml`)
    writeFileSync(big, generateArxivRss(PAPERS, 21))
  })
  afterAll(async () => {
    const { rmSync } = await import('node:fs')
    rmSync(big, { force: true })
  })

  test('streams the file: bytes then papers, the page never blocked, every paper imported', async ({
    page,
    host,
    problems
  }) => {
    await watchImport(page)
    await pick(page, big)
    await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 })
    const { seen: texts, longest } = await seen(page)
    expect(
      texts.some((t) => /^Sending folio-e2e-big-\d+\.xml: [\d.]+ of \d+\.\d MB$/.test(t)),
      texts.join(' | ')
    ).toBe(true)
    expect(
      texts.some((t) => /^Importing folio-e2e-big-\d+\.xml: [\d,]+ papers…$/.test(t)),
      texts.join(' | ')
    ).toBe(true)
    expect(texts.findIndex((t) => t.startsWith('Sending'))).toBeLessThan(
      texts.findIndex((t) => t.startsWith('Importing'))
    )
    // Reading 30 MB as base64 on the main thread took seconds; now no task comes near that.
    expect(longest).toBeLessThan(500)
    expect(host.library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(PAPERS)
    await noProblems(problems)
  }, 120_000)

  test('Cancel beside the progress bar stops the import: nothing is written', async ({ page, host, problems }) => {
    await pick(page, big)
    const bar = page.locator('.import-progress')
    await bar
      .getByRole('status')
      .filter({ hasText: /papers…/ })
      .waitFor({ timeout: 60_000 })
    await bar.getByRole('button', { name: 'Cancel' }).click()
    await page.getByText('Import cancelled: nothing was written').waitFor()
    await bar.waitFor({ state: 'detached' })
    expect(host.library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
    expect(host.library.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(0)
    await expect(page.getByRole('button', { name: 'Import digests…' }).first().isEnabled()).resolves.toBe(true)
    await noProblems(problems)
  }, 120_000)
})
