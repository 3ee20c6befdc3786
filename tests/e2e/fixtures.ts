/**
 * E2E fixtures: one headless Chromium per test file, and per test a fresh temp library folder
 * with the browser host serving the built renderer (out/renderer) on it, plus a page opened on
 * the host's tokenised address. Everything is torn down after each test.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright'
import { expect, test as base } from 'vitest'
import { startHost } from '../../src/main/host/server'

type Host = Awaited<ReturnType<typeof startHost>>

export interface Problems {
  /** Uncaught page errors and console errors. */
  errors: string[]
  /** alert/confirm/prompt dialogs the page opened (all dismissed). */
  dialogs: string[]
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

export const fixturePath = (name: string): string => resolve(__dirname, '..', 'fixtures', name)
export const HF_JUN6 = fixturePath('hf-trending-jun6.txt')
export const FIRST_TITLE =
  'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences'
export const LAST_TITLE = 'Generative Marginalization Models'

export const test = base.extend<{ browser: Browser; host: Host; problems: Problems; page: Page }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS
      })
      await use(browser)
      await browser.close()
    },
    { scope: 'file' }
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-e2e-'))
    const host = await startHost({
      libraryPath: join(dir, 'library.sqlite'),
      rendererDir: resolve(__dirname, '..', '..', 'out', 'renderer')
    })
    try {
      await use(host)
    } finally {
      await host.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring
  problems: async ({}, use) => {
    await use({ errors: [], dialogs: [] })
  },
  page: async ({ browser, host, problems }, use) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`))
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`)
    })
    page.on('dialog', (dialog) => {
      problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss()
    })
    await page.goto(host.url)
    await page.getByRole('searchbox', { name: 'Search papers' }).waitFor()
    try {
      await use(page)
    } finally {
      await context.close()
    }
  }
})

/** Import files through the UI's file picker; resolves when the import report is shown. */
export async function importViaPicker(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import digests…' }).first().click()
  await (await chooser).setFiles(files)
  await page.getByRole('heading', { name: 'Import finished' }).waitFor()
}

/** The usual start of a test: import the June 6 trending page through the picker and close its report. */
export async function importJun6(page: Page): Promise<void> {
  await importViaPicker(page, [HF_JUN6])
  await page.getByRole('button', { name: 'Close' }).click()
}

export const listbox = (page: Page): Locator => page.getByRole('listbox')
export const option = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('option', { name, exact: typeof name === 'string' })
export const viewButton = (page: Page, label: string, count: number): Locator =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('treeitem', { name: `${label} ${count}`, exact: true })
/** A sidebar view by its label, whatever its count ("All" matches "All 77"). */
export const viewNamed = (page: Page, label: string): Locator =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('treeitem', { name: new RegExp(`^${label} \\d+$`) })
export const statusButton = (page: Page, status: 'Unread' | 'Reading' | 'Read'): Locator =>
  page.getByRole('group', { name: 'Reading status' }).getByRole('button', { name: status, exact: true })
export const starButton = (page: Page): Locator =>
  page.getByRole('region', { name: 'Paper' }).getByRole('button', { name: 'Star', exact: true })
export const notes = (page: Page): Locator => page.getByRole('textbox', { name: 'Notes', exact: true })
export const paperHeading = (page: Page): Locator =>
  page.getByRole('region', { name: 'Paper' }).getByRole('heading', { level: 2 })

/** The title (accessible name) of the feed's selected option, or null. */
export async function selectedTitle(page: Page): Promise<string | null> {
  const sel = page.getByRole('listbox').getByRole('option', { selected: true })
  return (await sel.count()) ? sel.first().textContent() : null
}

export async function pressed(button: Locator): Promise<boolean> {
  return (await button.getAttribute('aria-pressed')) === 'true'
}

/**
 * The option with this title, scrolled into the rendered window first: the feed is virtualized,
 * so only rows near the viewport exist in the DOM. Scrolls from the top until it appears.
 */
export async function revealOption(page: Page, title: string): Promise<Locator> {
  const box = listbox(page)
  const target = option(page, title)
  await box.getByRole('option').first().waitFor()
  if (await target.count()) return target
  await box.evaluate((el) => el.scrollTo(0, 0))
  for (let i = 0; i < 200; i++) {
    await page.waitForTimeout(40)
    if (await target.count()) return target
    const atEnd = await box.evaluate((el) => {
      const end = el.scrollTop + el.clientHeight >= el.scrollHeight - 2
      el.scrollBy(0, el.clientHeight * 0.8)
      return end
    })
    if (atEnd && i > 2 && !(await target.count())) {
      // The next page may still be loading: give it a moment before giving up.
      await page.waitForTimeout(300)
      if (await target.count()) return target
      if (await box.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2)) break
    }
  }
  await target.waitFor({ timeout: 1000 })
  return target
}

/** Select a paper by clicking its row (scrolling it into view first). */
export async function openPaper(page: Page, title: string): Promise<void> {
  await (await revealOption(page, title)).click()
  await expect
    .poll(() => page.getByRole('region', { name: 'Paper' }).getByRole('heading', { level: 2 }).textContent())
    .toBe(title)
}

/** Scroll the feed to its end, collecting every option name seen (exercises keyset paging). */
export async function collectFeedTitles(page: Page, max = 500): Promise<string[]> {
  const box = listbox(page)
  const seen = new Set<string>()
  let stable = 0
  for (let i = 0; i < 200 && stable < 3 && seen.size < max; i++) {
    const before = seen.size
    for (const text of await box.getByRole('option').allTextContents()) seen.add(text)
    await box.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8))
    await page.waitForTimeout(60)
    stable = seen.size === before ? stable + 1 : 0
  }
  return [...seen]
}

export async function noProblems(problems: Problems): Promise<void> {
  expect(problems.dialogs).toEqual([])
  expect(problems.errors).toEqual([])
}
