/**
 * The "Folio end to end" issue: on a fresh library, import a digest through the file picker,
 * see its 61 papers, mark papers read (status control and `m`), write a note, reload: the
 * status and the note are still there. Plus: a note typed and immediately reloaded is kept.
 */
import { readFileSync } from 'node:fs'
import { describe, expect } from 'vitest'
import {
  collectFeedTitles,
  fixturePath,
  FIRST_TITLE,
  HF_JUN6,
  importViaPicker,
  LAST_TITLE,
  noProblems,
  notes,
  openPaper,
  option,
  paperHeading,
  pressed,
  statusButton,
  test,
  viewButton
} from './fixtures'

describe('reading flow', () => {
  test('import, triage, note, reload: everything persists', async ({ page, problems }) => {
    // Fresh library: the welcome message.
    await page.getByText('No papers yet. Import a digest').waitFor()

    await importViaPicker(page, [HF_JUN6])
    await page.getByText('61 added').first().waitFor()

    // Counts and the digest in the sidebar.
    await viewButton(page, 'Unread', 61).waitFor()
    await viewButton(page, 'All', 61).waitFor()
    await viewButton(page, 'Read', 0).waitFor()
    await page
      .getByRole('treeitem', { name: /^Jun 6 \(year inferred\) hf-trending-jun6\.txt · Hugging Face text 61$/ })
      .waitFor()

    // The feed pages through all 61 papers (keyset pages of 50) as it scrolls.
    const titles = await collectFeedTitles(page)
    expect(titles).toHaveLength(61)
    expect(titles).toContain(FIRST_TITLE)
    expect(titles).toContain(LAST_TITLE)

    // Mark the first paper read with the status control.
    await openPaper(page, FIRST_TITLE)
    expect(await pressed(statusButton(page, 'Unread'))).toBe(true)
    await statusButton(page, 'Read').click()
    await expect.poll(() => pressed(statusButton(page, 'Read'))).toBe(true)
    await viewButton(page, 'Unread', 60).waitFor()
    await viewButton(page, 'Read', 1).waitFor()

    // Mark another one read with `m`.
    await openPaper(page, LAST_TITLE)
    await page.keyboard.press('m')
    await viewButton(page, 'Read', 2).waitFor()
    await viewButton(page, 'Unread', 59).waitFor()
    expect(await pressed(statusButton(page, 'Read'))).toBe(true)

    // A note on the first paper, autosaved.
    await openPaper(page, FIRST_TITLE)
    const text = 'Compare with **DPO**.\n\n- mixture of rewards\n- see https://arxiv.org/abs/2305.18290'
    await notes(page).fill(text)
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await page.getByRole('region', { name: 'Note preview' }).getByText('DPO', { exact: true }).waitFor()
    await viewButton(page, 'With notes', 1).waitFor()

    await page.reload()
    await viewButton(page, 'Read', 2).waitFor()
    await viewButton(page, 'With notes', 1).waitFor()
    await viewButton(page, 'Read', 2).click()
    await openPaper(page, FIRST_TITLE)
    expect(await pressed(statusButton(page, 'Read'))).toBe(true)
    await expect.poll(() => notes(page).inputValue()).toBe(text)
    await option(page, LAST_TITLE).waitFor()

    // The Notes view lists it; choosing it opens the paper.
    await page.getByRole('treeitem', { name: 'All notes 1', exact: true }).click()
    await page.getByRole('button', { name: new RegExp(`^${FIRST_TITLE.slice(0, 20)}`) }).click()
    await expect.poll(() => paperHeading(page).textContent()).toBe(FIRST_TITLE)

    await noProblems(problems)
  })

  test('a note typed and immediately reloaded is kept (flush on unload)', async ({ page, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).isEnabled()).toBe(true)
    await notes(page).pressSequentially('typed then reloaded', { delay: 0 })
    await page.reload() // well inside the 500 ms autosave delay
    await viewButton(page, 'With notes', 1).waitFor()
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).inputValue()).toBe('typed then reloaded')
    await noProblems(problems)
  })

  test('switching papers saves the previous paper’s note first', async ({ page, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).isEnabled()).toBe(true)
    await notes(page).pressSequentially('first note', { delay: 0 })
    // Straight to another paper with the keyboard, before the autosave delay.
    await page.getByRole('listbox').focus()
    await page.keyboard.press('j')
    await expect.poll(() => paperHeading(page).textContent()).not.toBe(FIRST_TITLE)
    await viewButton(page, 'With notes', 1).waitFor()
    await page.keyboard.press('k')
    await expect.poll(() => paperHeading(page).textContent()).toBe(FIRST_TITLE)
    await expect.poll(() => notes(page).inputValue()).toBe('first note')
    await noProblems(problems)
  })

  test('dropping files on the window imports them; the same content again is a no-op', async ({ page, problems }) => {
    const text = readFileSync(fixturePath('hf-trending-crlf.txt'), 'utf8')
    const drop = async () => {
      const data = await page.evaluateHandle((content) => {
        const dt = new DataTransfer()
        dt.items.add(
          new File([content], 'hf-trending-crlf.txt', { type: 'text/plain', lastModified: Date.UTC(2024, 2, 10) })
        )
        return dt
      }, text)
      await page.getByRole('main').dispatchEvent('drop', { dataTransfer: data })
    }
    await drop()
    await page.getByText('3 added').first().waitFor()
    await viewButton(page, 'All', 3).waitFor()
    await page.getByRole('treeitem', { name: /^Mar 3 \(year inferred\) hf-trending-crlf\.txt/ }).waitFor()
    await page.getByRole('button', { name: 'Close' }).click()
    await drop()
    await page.getByText('already imported, nothing to do').waitFor()
    await viewButton(page, 'All', 3).waitFor()
    await noProblems(problems)
  })
})
