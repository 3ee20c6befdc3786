/**
 * The paper pane shows the current row of the list on screen, or nothing (issue 15.2): open a
 * paper in All, go to an empty view, and the pane is empty and s/m change nothing.
 */
import { describe, expect } from 'vitest'
import {
  FIRST_TITLE,
  importJun6,
  LAST_TITLE,
  listbox,
  noProblems,
  openPaper,
  paperHeading,
  test,
  viewButton
} from './fixtures'

describe('paper pane and view', { timeout: 60_000 }, () => {
  test('opening another list closes a paper that is not in it; keys act only on what is visible', async ({
    page,
    problems
  }) => {
    await importJun6(page)
    await viewButton(page, 'All', 61).click()
    await openPaper(page, FIRST_TITLE)

    await viewButton(page, 'Reading', 0).click()
    await page.getByText('No papers marked Reading.').waitFor()
    await expect.poll(() => paperHeading(page).count()).toBe(0)
    await page.getByText('Select a paper to read its abstract and write notes.').waitFor()

    await page.locator('body').focus()
    for (const key of ['s', 'm', 'r']) await page.keyboard.press(key)
    await page.waitForTimeout(400)
    await viewButton(page, 'Starred', 0).waitFor()
    await viewButton(page, 'Read', 0).waitFor()
    await viewButton(page, 'Reading', 0).waitFor()
    await viewButton(page, 'Unread', 61).waitFor()

    // A list that holds the paper keeps it open: back in All, open it, then search for it.
    await viewButton(page, 'All', 61).click()
    await openPaper(page, FIRST_TITLE)
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('MaxMin')
    await page.getByRole('heading', { name: /search “MaxMin”/ }).waitFor()
    await expect.poll(() => listbox(page).getAttribute('aria-busy')).toBe('false')
    await expect.poll(() => paperHeading(page).textContent()).toBe(FIRST_TITLE)
    // …and a search without it closes it.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('zebrafishnothing')
    await page.getByText('No papers match this search.').waitFor()
    await expect.poll(() => paperHeading(page).count()).toBe(0)

    // A paper further down than the first page of the new list stays open.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('')
    await viewButton(page, 'Unread', 61).click()
    await openPaper(page, LAST_TITLE)
    await viewButton(page, 'All', 61).click()
    await page.getByRole('heading', { name: 'All', exact: true }).waitFor()
    await page.waitForTimeout(500)
    await expect.poll(() => paperHeading(page).textContent()).toBe(LAST_TITLE)
    await noProblems(problems)
  })
})
