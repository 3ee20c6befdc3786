/**
 * The undo toast and Ctrl+Z share one history (issue 15.1): a toast's Undo puts back exactly the
 * change it names, and a change undone by Ctrl+Z takes its toast with it. Toasts name the paper.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import {
  FIRST_TITLE,
  importJun6,
  listbox,
  noProblems,
  openPaper,
  paperHeading,
  pressed,
  starButton,
  statusButton,
  test,
  viewButton
} from './fixtures'

const SECOND_TITLE = 'BEE: Metric-Adapted Explanations via Baseline Exploration-Exploitation'
const undoButtons = (page: Page) => page.getByRole('status').getByRole('button', { name: 'Undo' })

describe('undo toast', { timeout: 60_000 }, () => {
  test('a toast undoes its own change or is gone; Ctrl+Z and toasts share one history', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await listbox(page).focus()

    // m on A: the toast names A.
    await page.keyboard.press('m')
    await viewButton(page, 'Read', 1).waitFor()
    await page
      .getByRole('status')
      .getByText(`Marked “${FIRST_TITLE.slice(0, 59)}…” as read`)
      .waitFor()

    // j, s on B: the toast names B (and replaces A's).
    await page.keyboard.press('j')
    await expect.poll(() => paperHeading(page).textContent()).toBe(SECOND_TITLE)
    await page.keyboard.press('s')
    await viewButton(page, 'Starred', 1).waitFor()
    await page
      .getByRole('status')
      .getByText(`Starred “${SECOND_TITLE.slice(0, 59)}…”`)
      .waitFor()
    await expect.poll(() => undoButtons(page).count()).toBe(1)

    // Ctrl+Z undoes the star: its toast goes, and no toast offers to undo anything else.
    await page.keyboard.press('Control+z')
    await viewButton(page, 'Starred', 0).waitFor()
    await expect.poll(() => pressed(starButton(page))).toBe(false)
    await expect.poll(() => undoButtons(page).count()).toBe(0)
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .getByText(/^Starred “/)
          .count()
      )
      .toBe(0)
    await viewButton(page, 'Read', 1).waitFor()

    // A toast's Undo puts back its own change: star B again, undo from the toast; A stays read.
    await page.keyboard.press('s')
    await viewButton(page, 'Starred', 1).waitFor()
    await undoButtons(page).click()
    await viewButton(page, 'Starred', 0).waitFor()
    await expect.poll(() => undoButtons(page).count()).toBe(0)
    await page.waitForTimeout(300)
    await viewButton(page, 'Read', 1).waitFor()
    expect(await pressed(statusButton(page, 'Unread'))).toBe(true)

    // The history still holds A's change: Ctrl+Z puts A back to unread.
    await page.keyboard.press('Control+z')
    await viewButton(page, 'Read', 0).waitFor()
    await noProblems(problems)
  })
})
