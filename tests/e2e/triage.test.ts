/**
 * Triage at keyboard speed (issue #4): Shift+A marks the whole view read server-side and undoes;
 * bulk selection (shift-click range, ctrl-click, x, select all) with bulk status/star and undo;
 * 50+ steps of undo; n for the next unread; search highlighting in the row and the abstract; a
 * malformed query explained inline; date group headers that are never options.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import {
  fixturePath,
  FIRST_TITLE,
  HF_JUN6,
  importViaPicker,
  listbox,
  noProblems,
  openPaper,
  paperHeading,
  selectedTitle,
  test,
  viewButton
} from './fixtures'

const CRLF = fixturePath('hf-trending-crlf.txt')
const VON_MISES = 'Von Mises Mixture Distributions for Molecular Conformation Generation'

const options = (page: Page) => listbox(page).getByRole('option')
const selectedOptions = (page: Page) => listbox(page).getByRole('option', { selected: true })
const undoKey = (page: Page) => page.keyboard.press('Control+z')

/** The count a sidebar view button shows ("Unread 61" -> 61). */
async function viewCount(page: Page, label: string): Promise<number> {
  const name = await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('treeitem', { name: new RegExp(`^${label} \\d+$`) })
    .textContent()
  return Number(/(\d+)\s*$/.exec(name ?? '')?.[1] ?? NaN)
}

const AXE_SOURCE = readFileSync(resolve(__dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    type V = { id: string; impact: string | null; nodes: { html: string }[] }
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: V[] }> } }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`)
  })
}

async function closeReport(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close' }).click()
  await options(page).first().waitFor()
}

describe('triage', { timeout: 90_000 }, () => {
  test('Shift+A marks every paper of the view read (view, digest, search) and Ctrl+Z undoes it', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [HF_JUN6, CRLF])
    await closeReport(page)
    await viewButton(page, 'Unread', 64).waitFor()

    // A digest: only its 3 papers.
    const nav = page.getByRole('navigation', { name: 'Library' })
    await nav.getByRole('treeitem', { name: /hf-trending-crlf\.txt · Hugging Face text 3$/ }).click()
    await expect.poll(() => options(page).count()).toBe(3)
    await listbox(page).focus()
    await page.keyboard.press('Shift+A')
    await viewButton(page, 'Read', 3).waitFor()
    await viewButton(page, 'Unread', 61).waitFor()
    await nav.getByRole('treeitem', { name: /hf-trending-crlf\.txt · Hugging Face text 0$/ }).waitFor()
    await page
      .getByRole('status')
      .getByText(/Marked 3 papers in this digest as read/)
      .waitFor()

    // A search: only its matches (in the Unread view).
    await viewButton(page, 'Unread', 61).click()
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('mixture')
    await page.getByRole('heading', { name: /search “mixture”/ }).waitFor()
    await expect.poll(() => listbox(page).getAttribute('aria-busy')).toBe('false')
    await page.getByRole('option', { name: VON_MISES }).waitFor()
    await listbox(page).focus()
    await page.keyboard.press('Shift+A')
    await expect.poll(() => viewCount(page, 'Read')).toBeGreaterThan(3 + 1)
    const matches = (await viewCount(page, 'Read')) - 3
    expect(matches).toBeLessThan(61)
    await viewButton(page, 'Unread', 61 - matches).waitFor()
    // Only search hits changed: the paper is read, one without "mixture" is not.
    await page
      .getByRole('status')
      .getByText(new RegExp(`Marked ${matches} papers in Unread matching “mixture” as read`))
      .waitFor()

    // The whole Unread view.
    await page.getByRole('searchbox', { name: 'Search papers' }).press('Escape') // clears the search
    await page.getByRole('heading', { name: 'Unread', exact: true }).waitFor()
    await listbox(page).focus()
    await page.keyboard.press('Shift+A')
    await viewButton(page, 'Unread', 0).waitFor()
    await viewButton(page, 'Read', 64).waitFor()

    // Undo, newest first: the view, the search, the digest.
    await undoKey(page)
    await viewButton(page, 'Unread', 61 - matches).waitFor()
    await undoKey(page)
    await viewButton(page, 'Unread', 61).waitFor()
    await undoKey(page)
    await viewButton(page, 'Unread', 64).waitFor()
    await viewButton(page, 'Read', 0).waitFor()
    await nav.getByRole('treeitem', { name: /hf-trending-crlf\.txt · Hugging Face text 3$/ }).waitFor()
    await noProblems(problems)
  })

  test('bulk selection: shift-click range, ctrl-click, x, select all; bulk status and star; undo', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [HF_JUN6])
    await closeReport(page)
    expect(await listbox(page).getAttribute('aria-multiselectable')).toBe('true')
    const titles = await options(page).allTextContents()

    await options(page).nth(0).click()
    await expect.poll(() => selectedOptions(page).allTextContents()).toEqual([titles[0]])
    await options(page)
      .nth(4)
      .click({ modifiers: ['Shift'] })
    await expect.poll(() => selectedOptions(page).count()).toBe(5)
    await options(page)
      .nth(2)
      .click({ modifiers: ['Control'] })
    await expect
      .poll(() => selectedOptions(page).allTextContents())
      .toEqual([titles[0], titles[1], titles[3], titles[4]])
    const bulk = page.getByRole('toolbar', { name: 'Selected papers' })
    await bulk.getByText('4 selected').waitFor()
    // Multi-selection, its toolbar and the date headers pass an axe scan.
    expect(await seriousViolations(page)).toEqual([])

    // x toggles the current row (the ctrl-clicked one) back in; j then x adds the next.
    await listbox(page).focus()
    await page.keyboard.press('x')
    await expect.poll(() => selectedOptions(page).count()).toBe(5)
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('j') // the 7th row (index 6)
    await page.keyboard.press('x')
    await expect.poll(() => selectedOptions(page).count()).toBe(6)

    await bulk.getByRole('group', { name: 'Mark as' }).getByRole('button', { name: 'Read', exact: true }).click()
    await viewButton(page, 'Read', 6).waitFor()
    await viewButton(page, 'Unread', 55).waitFor()
    // m on a selection of read papers marks them unread again; s stars them all.
    await page.keyboard.press('m')
    await viewButton(page, 'Read', 0).waitFor()
    await page.keyboard.press('s')
    await viewButton(page, 'Starred', 6).waitFor()

    await undoKey(page)
    await viewButton(page, 'Starred', 0).waitFor()
    await undoKey(page)
    await viewButton(page, 'Read', 6).waitFor()
    await undoKey(page)
    await viewButton(page, 'Read', 0).waitFor()

    // Esc clears the selection: the current row alone is selected again.
    await page.keyboard.press('Escape')
    await expect.poll(() => selectedOptions(page).count()).toBe(1)
    await page.getByRole('toolbar', { name: 'Feed actions' }).waitFor()

    // Select all (Ctrl+A) selects the whole view, loaded or not; Star applies to all of it.
    await page.keyboard.press('Control+a')
    await page.getByRole('toolbar', { name: 'Selected papers' }).getByText('All 61 selected').waitFor()
    await page
      .getByRole('toolbar', { name: 'Selected papers' })
      .getByRole('button', { name: 'Star', exact: true })
      .click()
    await viewButton(page, 'Starred', 61).waitFor()
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click()
    await viewButton(page, 'Starred', 0).waitFor()
    await noProblems(problems)
  })

  test(
    '55 status changes are undone one by one, back to where they started',
    { timeout: 150_000 },
    async ({ page, problems }) => {
      await importViaPicker(page, [HF_JUN6])
      await closeReport(page)
      await listbox(page).focus()
      for (let i = 0; i < 55; i++) {
        await page.keyboard.press('j')
        await page.keyboard.press(i % 5 === 4 ? 'r' : 'm')
      }
      await viewButton(page, 'Read', 44).waitFor()
      await viewButton(page, 'Reading', 11).waitFor()
      await viewButton(page, 'Unread', 6).waitFor()
      for (let i = 0; i < 55; i++) await undoKey(page)
      await viewButton(page, 'Unread', 61).waitFor()
      await viewButton(page, 'Read', 0).waitFor()
      await viewButton(page, 'Reading', 0).waitFor()
      await noProblems(problems)
    }
  )

  test('n goes to the next unread paper', async ({ page, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    await closeReport(page)
    await listbox(page).focus()
    const titles = await options(page).allTextContents()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('m') // second row read
    await viewButton(page, 'Read', 1).waitFor()
    await page.keyboard.press('k')
    await expect.poll(() => selectedTitle(page)).toBe(titles[0])
    await page.keyboard.press('n') // skips the read second row
    await expect.poll(() => selectedTitle(page)).toBe(titles[2])
    await expect.poll(() => paperHeading(page).textContent()).toBe(titles[2])
    await noProblems(problems)
  })

  test('search highlights matched words in the row and in the abstract; a malformed query is explained inline', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [HF_JUN6])
    await closeReport(page)
    const search = page.getByRole('searchbox', { name: 'Search papers' })
    await search.fill('mixture')
    const hit = page.getByRole('option', { name: VON_MISES })
    await hit.waitFor()
    await expect.poll(() => hit.locator('mark').allTextContents()).toEqual(['Mixture'])
    await hit.click()
    await expect.poll(() => paperHeading(page).textContent()).toBe(VON_MISES)
    const abstract = page.getByRole('region', { name: 'Paper' }).locator('.abstract')
    await expect.poll(() => abstract.locator('mark').allTextContents()).toContain('mixture')

    // Malformed filters: a friendly message beside the feed, no error toast, no crash.
    for (const [query, message] of [
      ['status:bogus', /Unknown status "bogus"/],
      ['digest:2024-13-45', /digest: needs a date like digest:2024-06-06/],
      ['tag:', /tag: needs a tag name/]
    ] as const) {
      await search.fill(query)
      await page.getByRole('main').getByRole('alert').getByText(message).waitFor()
      expect(await page.locator('.toast.error').count()).toBe(0)
    }
    // Fixed: the message goes, the results come back, and filters work.
    await search.fill('status:unread "mixture of"')
    await hit.waitFor()
    await expect.poll(() => page.locator('.query-error').count()).toBe(0)
    await search.fill('starred mixture')
    await page.getByText('No papers match this search.').waitFor()
    await noProblems(problems)
  })

  test('date group headers in date order: not options, options keep names and positions', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [HF_JUN6, CRLF])
    await closeReport(page)
    await viewButton(page, 'All', 64).click()
    await page.getByRole('listbox', { name: 'All papers' }).waitFor()
    const headers = listbox(page).locator('.feed-group')
    await expect.poll(() => headers.count()).toBeGreaterThanOrEqual(1)
    const labels = await headers.allTextContents()
    expect(labels[0]).toMatch(/^(Jun 6|Mar 3) \(year inferred\)$/)
    for (let i = 0; i < (await headers.count()); i++) {
      expect(await headers.nth(i).getAttribute('aria-hidden')).toBe('true')
      expect(await headers.nth(i).getAttribute('role')).toBe('none')
    }
    // Every option is a paper title, numbered 1… in order (headers are not counted).
    const first = options(page).first()
    expect(await first.getAttribute('aria-posinset')).toBe('1')
    const names = await options(page).allTextContents()
    expect(names).not.toContain(labels[0])

    // Scrolling through the whole feed shows both dates' headers.
    const seen = new Set<string>()
    for (let i = 0; i < 40; i++) {
      for (const l of await headers.allTextContents()) seen.add(l)
      await listbox(page).evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8))
      await page.waitForTimeout(50)
    }
    expect([...seen].sort()).toEqual(['Jun 6 (year inferred)', 'Mar 3 (year inferred)'])

    // Title order has no date headers; keyboard selection still walks options.
    await page.getByLabel('Sort by').selectOption('title')
    await expect.poll(() => headers.count()).toBe(0)
    await listbox(page).focus()
    await page.keyboard.press('j')
    await expect.poll(() => selectedOptions(page).count()).toBe(1)

    await openPaper(page, FIRST_TITLE)
    await noProblems(problems)
  })
})
