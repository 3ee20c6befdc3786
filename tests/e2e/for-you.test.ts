/**
 * For you in the real renderer (Chromium against the browser host, whose ranking runs in its worker
 * thread): it says how to teach it, learns from three stars given with the keyboard, lists unread
 * papers with why, and the paper pane shows similar papers that lead to a like: search.
 */
import { describe, expect } from 'vitest'
import { fillTopicLibrary } from '../helpers/topic-library'
import { listbox, noProblems, paperHeading, test, viewNamed } from './fixtures'

describe('For you', () => {
  test('teach it with stars, then read the ranking and similar papers', async ({ page, host, problems }) => {
    fillTopicLibrary(host.library, 600)
    await page.reload()
    const nav = page.getByRole('navigation', { name: 'Library' })
    await nav.getByRole('treeitem', { name: 'For you', exact: true }).click()
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Teach it' }).textContent())
      .toMatch(/3 more papers/)

    // Three stars in Unread, from the keyboard.
    await viewNamed(page, 'Unread').click()
    await listbox(page).getByRole('option').first().click()
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('s')
      await expect.poll(() => page.getByText('★ Starred').count()).toBe(i + 1)
      await page.keyboard.press('j')
    }

    await nav.getByRole('treeitem', { name: 'For you', exact: true }).click()
    await page.getByRole('heading', { name: 'For you', level: 2 }).waitFor()
    // The worker ranks in the background; the list reloads when its scores are written.
    await expect.poll(() => listbox(page).getByRole('option').count(), { timeout: 15_000 }).toBeGreaterThan(10)
    await expect.poll(() => page.locator('.row-why').first().textContent()).toMatch(/like “/)
    await page.getByText(/learned from your 3 starred or annotated papers/).waitFor()

    // The list may reorder as the rest of the scores arrive: the paper opened is the row now selected,
    // wherever the new scores put it.
    await listbox(page).getByRole('option').first().click()
    const selected = listbox(page).locator('[role="option"][aria-selected="true"]')
    await expect
      .poll(async () => (await paperHeading(page).textContent()) === (await selected.first().textContent()))
      .toBe(true)
    const similar = page.getByRole('region', { name: 'Similar papers' })
    await expect.poll(() => similar.getByRole('listitem').count()).toBe(6)
    await similar.getByRole('button', { name: 'All papers like this' }).click()
    await expect.poll(() => page.getByRole('searchbox', { name: 'Search papers' }).inputValue()).toMatch(/^like:\d+$/)
    await expect.poll(() => listbox(page).getByRole('option').count()).toBeGreaterThan(5)
    await noProblems(problems)
  })
})
