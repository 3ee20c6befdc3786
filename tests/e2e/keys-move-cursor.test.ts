/**
 * Keys that scroll move the cursor too (issue 15.8): Home, End, Page Down and Page Up select a
 * row in view; j/k in the Notes view move through the notes and stay there.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import {
  FIRST_TITLE,
  importJun6,
  LAST_TITLE,
  listbox,
  noProblems,
  notes,
  openPaper,
  paperHeading,
  selectedTitle,
  test
} from './fixtures'

/** The selected option is inside the feed's viewport. */
async function selectedInView(page: Page): Promise<boolean> {
  return listbox(page).evaluate((box) => {
    const sel = box.querySelector('[role="option"][aria-selected="true"]')
    if (!sel) return false
    const a = box.getBoundingClientRect()
    const b = sel.getBoundingClientRect()
    return b.top >= a.top - 1 && b.bottom <= a.bottom + 1
  })
}
const selectedIndex = (page: Page) =>
  listbox(page)
    .getByRole('option', { selected: true })
    .evaluate((el) => Number(el.getAttribute('aria-posinset')))

describe('keys that move the cursor', { timeout: 60_000 }, () => {
  test('Home, End, Page Down and Page Up move the cursor with the scroll', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await listbox(page).focus()

    await page.keyboard.press('PageDown')
    await expect.poll(() => selectedIndex(page)).toBeGreaterThan(3)
    await expect.poll(() => selectedInView(page)).toBe(true)
    const afterPage = await selectedIndex(page)
    await page.keyboard.press('PageUp')
    await expect.poll(() => selectedIndex(page)).toBe(1)

    await page.keyboard.press('End')
    await expect.poll(() => selectedIndex(page)).toBeGreaterThan(afterPage)
    await expect.poll(() => selectedInView(page)).toBe(true)
    // The end of the list: End again once the rest has loaded reaches the last paper.
    await page.waitForTimeout(500)
    await page.keyboard.press('End')
    await expect.poll(() => selectedTitle(page)).toBe(LAST_TITLE)
    await expect.poll(() => paperHeading(page).textContent()).toBe(LAST_TITLE)

    await page.keyboard.press('Home')
    await expect.poll(() => selectedTitle(page)).toBe(FIRST_TITLE)
    await expect.poll(() => selectedInView(page)).toBe(true)
    await noProblems(problems)
  })

  test('j and k in the Notes view move through the notes and stay in it', async ({ page, problems }) => {
    await importJun6(page)
    for (const [title, text] of [
      [FIRST_TITLE, 'first note'],
      [LAST_TITLE, 'second note']
    ] as const) {
      await openPaper(page, title)
      await expect.poll(() => notes(page).isEnabled()).toBe(true)
      await notes(page).fill(text)
      await page
        .getByRole('region', { name: 'Paper' })
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor()
    }
    await page.getByRole('treeitem', { name: 'All notes 2', exact: true }).click()
    const list = page.getByRole('list', { name: 'Notes, newest edited first' })
    const current = () => list.locator('[aria-current="true"] .note-title').textContent()
    await expect.poll(current).toBe(LAST_TITLE)
    await page.locator('body').focus()
    await page.keyboard.press('j')
    await expect.poll(current).toBe(FIRST_TITLE)
    await expect.poll(() => paperHeading(page).textContent()).toBe(FIRST_TITLE)
    await page.keyboard.press('k')
    await expect.poll(current).toBe(LAST_TITLE)
    await page.locator('#notes-view-heading').waitFor()
    expect(await listbox(page).count()).toBe(0)
    await noProblems(problems)
  })
})
