/**
 * Smaller things that broke trust (issue 15.8): the Export popover closes on Escape, outside
 * presses and dialogs; Sort and Export are off in an empty library; an over-long query is
 * explained; a paper an undo puts back into the view shown appears in it.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import {
  FIRST_TITLE,
  HF_JUN6,
  importJun6,
  importViaPicker,
  listbox,
  noProblems,
  openPaper,
  test,
  viewButton
} from './fixtures'

const exportButton = (page: Page) => page.getByRole('button', { name: 'Export…' })
const exportPanel = (page: Page) => page.getByRole('group', { name: 'Export this list' })

describe('smaller trust fixes', { timeout: 60_000 }, () => {
  test('empty library: Sort and Export are disabled', async ({ page, problems }) => {
    await page
      .getByRole('heading', { name: /Welcome/i })
      .first()
      .waitFor()
    await expect.poll(() => exportButton(page).isDisabled()).toBe(true)
    await expect.poll(() => page.getByRole('combobox', { name: /Sort by/ }).isDisabled()).toBe(true)
    await importViaPicker(page, [HF_JUN6])
    await expect.poll(() => exportButton(page).isDisabled()).toBe(false)
    await page.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => page.getByRole('combobox', { name: /Sort by/ }).isDisabled()).toBe(false)
    await noProblems(problems)
  })

  test('the Export popover closes on Escape, on a press outside, and when a dialog opens', async ({
    page,
    problems
  }) => {
    await importJun6(page)
    await listbox(page).getByRole('option').first().waitFor()

    await exportButton(page).click()
    await exportPanel(page).waitFor()
    await page.keyboard.press('Escape') // focus is on the Export… button, outside the panel
    await exportPanel(page).waitFor({ state: 'detached' })
    await expect.poll(() => exportButton(page).getAttribute('aria-expanded')).toBe('false')

    await exportButton(page).click()
    await exportPanel(page).waitFor()
    await page.getByRole('heading', { name: 'Unread', exact: true }).click()
    await exportPanel(page).waitFor({ state: 'detached' })

    await exportButton(page).click()
    await exportPanel(page).getByRole('button', { name: 'Download' }).focus()
    await page.keyboard.press('?') // the shortcut sheet opens: the popover does not stay over it
    await page.getByRole('dialog').waitFor()
    await exportPanel(page).waitFor({ state: 'detached' })
    await noProblems(problems)
  })

  test('a query over 500 characters says so, not an internal error', async ({ page, problems }) => {
    await importJun6(page)
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('mixture '.repeat(70))
    await page
      .locator('.feed')
      .getByRole('alert')
      .getByText('A search can be up to 500 characters long: this one is 59 too long')
      .waitFor()
    expect(await page.getByText(/invalid|String must|too_big/i).count()).toBe(0)
    await noProblems(problems)
  })

  test('a star undone while Starred is shown puts the paper in the list its count names', async ({
    page,
    problems
  }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await listbox(page).focus()
    await page.keyboard.press('s')
    await viewButton(page, 'Starred', 1).waitFor()
    await page.keyboard.press('s')
    await viewButton(page, 'Starred', 0).click()
    await page.getByText('No starred papers.').waitFor()
    await page.keyboard.press('Control+z')
    await viewButton(page, 'Starred', 1).waitFor()
    await expect.poll(() => listbox(page).getByRole('option').allTextContents()).toEqual([FIRST_TITLE])
    expect(await page.getByText('No starred papers.').count()).toBe(0)
    await noProblems(problems)
  })
})
