/**
 * The sidebar is one tree (issue 15, item 10): one Tab stop however many digests it lists,
 * arrow keys, Home/End, months that open and close, Enter to choose; a skip link to the papers;
 * the resizer inside the sidebar's landmark.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import { fixturePath, HF_JUN6, importViaPicker, listbox, noProblems, test } from './fixtures'

const nav = (page: Page) => page.getByRole('navigation', { name: 'Library' })
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return `${el?.getAttribute('role') ?? el?.tagName}: ${(el?.textContent ?? '').replace(/\s+/g, ' ').trim()}`
  })

describe('the sidebar tree', () => {
  test('one Tab stop, arrows, Home/End, months open and close, Enter chooses; skip link; resizer in the landmark', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [
      HF_JUN6,
      fixturePath('arxiv-rss.xml'),
      fixturePath('arxiv-atom.xml'),
      fixturePath('arxiv-listing-email.txt'),
      fixturePath('hf-daily-papers.json'),
      fixturePath('papers.bib')
    ])
    await page.getByRole('button', { name: 'Close' }).click()
    const tree = nav(page).getByRole('tree')
    expect(await tree.getByRole('treeitem').count()).toBeGreaterThan(12)
    // Exactly one item takes Tab, and nothing else in the tree does.
    expect(await tree.locator('[tabindex="0"]').count()).toBe(1)
    expect(await tree.locator('button, a, [tabindex="0"]').count()).toBe(1)
    expect(await nav(page).getByRole('separator', { name: 'Resize the sidebar' }).count()).toBe(1)

    // The first Tab on a fresh page reaches the skip link; it takes focus to the papers.
    await page.reload()
    await listbox(page).getByRole('option').first().waitFor()
    await page.keyboard.press('Tab')
    expect(await focusedName(page)).toBe('A: Skip to papers')
    await page.keyboard.press('Enter')
    expect(await listbox(page).evaluate((el) => el === document.activeElement)).toBe(true)

    // Tab from the toolbar's last button enters the tree at the current view, and the next Tab leaves it.
    await page.getByRole('button', { name: 'Settings' }).focus()
    await page.keyboard.press('Tab')
    expect(await focusedName(page)).toMatch(/^treeitem: Unread \d+$/)
    await page.keyboard.press('Tab')
    expect(await focusedName(page)).not.toMatch(/^treeitem/)
    await page.keyboard.press('Shift+Tab')
    expect(await focusedName(page)).toMatch(/^treeitem: Unread \d+$/)

    await page.keyboard.press('ArrowDown')
    expect(await focusedName(page)).toMatch(/^treeitem: Reading \d+$/)
    await page.keyboard.press('Home')
    expect(await focusedName(page)).toBe('treeitem: Views')
    // ← closes the Views section, → opens it again, and → once more enters it.
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => tree.getByRole('treeitem', { name: /^Reading \d+$/ }).count()).toBe(0)
    await page.keyboard.press('ArrowRight')
    await tree.getByRole('treeitem', { name: /^Reading \d+$/ }).waitFor()
    await page.keyboard.press('ArrowRight')
    expect(await focusedName(page)).toBe('treeitem: For you')
    // ← on a child goes to its parent.
    await page.keyboard.press('ArrowLeft')
    expect(await focusedName(page)).toBe('treeitem: Views')

    // A month: Enter closes it (its digests leave the tree), → opens it, → enters its first digest, Enter shows it.
    const month = tree.getByRole('treeitem', { name: /^January 2025 \d+$/ })
    await month.focus()
    expect(await month.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Enter')
    await expect.poll(() => month.getAttribute('aria-expanded')).toBe('false')
    expect(await tree.getByRole('treeitem', { name: /arxiv-atom\.xml/ }).count()).toBe(0)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => month.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('ArrowRight')
    expect(await focusedName(page)).toMatch(/^treeitem: Jan 14, 2025 arxiv-atom\.xml · arXiv Atom \d+$/)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Digest Jan 14, 2025' }).waitFor()
    expect(await page.locator('[role="treeitem"][aria-selected="true"]').textContent()).toMatch(/arxiv-atom\.xml/)

    // End goes to the last item; focus stays the single Tab stop wherever it moved.
    await page.keyboard.press('End')
    expect(await focusedName(page)).toMatch(/^treeitem: All notes \d+$/)
    expect(await tree.locator('[tabindex="0"]').count()).toBe(1)
    await noProblems(problems)
  })
})
