/**
 * Queries whose filters contradict the view, or are no filters at all, say why (issue 15.5):
 * status:read typed in Unread searches Read and says so; title:x and tag:nonexistent are explained
 * beside the feed like a malformed filter, never a bare "No papers match".
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import { FIRST_TITLE, importJun6, listbox, noProblems, openPaper, test, viewButton } from './fixtures'

const search = (page: Page) => page.getByRole('searchbox', { name: 'Search papers' })
const queryAlert = (page: Page) => page.locator('.feed').getByRole('alert')

describe('queries explained', { timeout: 60_000 }, () => {
  test('status:read in Unread shows Read papers and says so; unknown filters and tags are explained', async ({
    page,
    problems
  }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await listbox(page).focus()
    await page.keyboard.press('m')
    await viewButton(page, 'Read', 1).waitFor()
    await viewButton(page, 'Unread', 60).click()
    await page.getByRole('heading', { name: 'Unread', exact: true }).waitFor()

    await search(page).fill('status:read')
    await page.getByRole('status').getByText('status:read searches Read — showing All, not Unread').waitFor()
    await expect.poll(() => listbox(page).getByRole('option').allTextContents()).toEqual([FIRST_TITLE])

    await search(page).fill('title:x')
    await queryAlert(page)
      .getByText(/"title:" is not a filter: use status:, tag:, digest:, author:, like: or starred/)
      .waitFor()
    await expect.poll(() => page.getByText('status:read searches Read').count()).toBe(0)

    await search(page).fill('tag:nonexistent')
    await queryAlert(page).getByText('No tag is named "nonexistent": the sidebar lists your tags').waitFor()
    expect(await page.getByText('No papers match this search.').count()).toBe(0)
    await noProblems(problems)
  })
})
