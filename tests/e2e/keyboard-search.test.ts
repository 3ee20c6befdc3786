/**
 * NetNewsWire-style keyboard triage (j/k/m/s, Ctrl+Z undo), search with highlighting, and
 * smart views / digests whose counts follow every change.
 */
import { describe, expect } from 'vitest'
import {
  FIRST_TITLE,
  fixturePath,
  HF_JUN6,
  importJun6,
  importViaPicker,
  listbox,
  noProblems,
  openPaper,
  paperHeading,
  pressed,
  selectedTitle,
  starButton,
  statusButton,
  test,
  viewButton
} from './fixtures'

describe('keyboard, search and views', () => {
  test('j/k move, m marks read, s stars, Ctrl+Z undoes both; keys are ignored while typing', async ({
    page,
    problems
  }) => {
    await importJun6(page)
    const options = listbox(page).getByRole('option')
    await options.first().waitFor()

    await listbox(page).focus()
    await page.keyboard.press('j')
    await expect.poll(() => options.nth(0).getAttribute('aria-selected')).toBe('true')
    const first = await selectedTitle(page)
    await page.keyboard.press('j')
    await expect.poll(() => options.nth(1).getAttribute('aria-selected')).toBe('true')
    const second = await selectedTitle(page)
    expect(second).not.toBe(first)
    await page.keyboard.press('k')
    await expect.poll(() => selectedTitle(page)).toBe(first)
    await expect.poll(() => paperHeading(page).textContent()).toBe(first)

    await page.keyboard.press('m')
    await expect.poll(() => pressed(statusButton(page, 'Read'))).toBe(true)
    await viewButton(page, 'Unread', 60).waitFor()
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).waitFor()
    await page.keyboard.press('s')
    await expect.poll(() => pressed(starButton(page))).toBe(true)
    await viewButton(page, 'Starred', 1).waitFor()
    await page.keyboard.press('r')
    await expect.poll(() => pressed(statusButton(page, 'Reading'))).toBe(true)
    await viewButton(page, 'Reading', 1).waitFor()

    // Undo, newest first: reading -> read, star off, read -> unread.
    await page.keyboard.press('Control+z')
    await expect.poll(() => pressed(statusButton(page, 'Read'))).toBe(true)
    await viewButton(page, 'Reading', 0).waitFor()
    await page.keyboard.press('Control+z')
    await viewButton(page, 'Starred', 0).waitFor()
    expect(await pressed(starButton(page))).toBe(false)
    await page.keyboard.press('Control+z')
    await viewButton(page, 'Unread', 61).waitFor()
    await viewButton(page, 'Read', 0).waitFor()
    expect(await pressed(statusButton(page, 'Unread'))).toBe(true)

    // `/` focuses search; letters typed there are text, not commands.
    await page.keyboard.press('/')
    const search = page.getByRole('searchbox', { name: 'Search papers' })
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('ms')
    expect(await search.inputValue()).toBe('ms')
    await viewButton(page, 'Unread', 61).waitFor()
    await viewButton(page, 'Starred', 0).waitFor()
    await page.keyboard.press('Escape') // clears the search
    expect(await search.inputValue()).toBe('')

    // `?` shows the shortcut sheet; Esc closes it.
    await listbox(page).focus()
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' })
    await noProblems(problems)
  })

  test('search highlights the matched words in titles', async ({ page, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('mixture')
    const hit = page.getByRole('option', {
      name: 'Von Mises Mixture Distributions for Molecular Conformation Generation'
    })
    await hit.waitFor()
    await expect.poll(() => hit.locator('mark').allTextContents()).toEqual(['Mixture'])
    // Every listed result is a search hit (title or abstract), never the whole library.
    const count = await listbox(page).getByRole('option').count()
    expect(count).toBeGreaterThan(1)
    expect(count).toBeLessThan(61)
    await page.getByRole('heading', { name: /search “mixture”/ }).waitFor()

    // A search that matches nothing says so.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('zzzqqqnothing')
    await page.getByText('No papers match this search.').waitFor()
    await page.getByRole('searchbox', { name: 'Search papers' }).press('Escape')
    await listbox(page).getByRole('option').first().waitFor()

    // An api error is a message, not a crash: the app keeps working.
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('status:bogus')
    await page
      .getByRole('alert')
      .getByText(/Unknown status "bogus"/)
      .waitFor()
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('status:unread mixture')
    await page
      .getByRole('option', { name: 'Von Mises Mixture Distributions for Molecular Conformation Generation' })
      .waitFor()
    await noProblems(problems)
  })

  test('views and digests: switching views shows their papers and counts follow changes', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [HF_JUN6, fixturePath('hf-trending-crlf.txt'), fixturePath('bad/not-a-digest.txt')])
    // The report: two files imported, one rejected with its reason.
    await page.getByText('64 added').waitFor()
    await page.getByText(/not-a-digest\.txt.*rejected:/).waitFor()
    await viewButton(page, 'All', 64).waitFor()

    // Digests, newest first, each with its unread count; a digest lists papers in its own order.
    const nav = page.getByRole('navigation', { name: 'Library' })
    await nav.getByRole('treeitem', { name: /hf-trending-crlf\.txt · Hugging Face text 3$/ }).waitFor()
    await nav.getByRole('treeitem', { name: /hf-trending-jun6\.txt · Hugging Face text 61$/ }).click()
    await page.getByRole('heading', { name: 'Digest Jun 6 (year inferred)' }).waitFor()
    await expect.poll(() => listbox(page).getByRole('option').first().getAttribute('aria-posinset')).toBe('1')
    await listbox(page).getByRole('option', { name: FIRST_TITLE }).waitFor()

    await openPaper(page, FIRST_TITLE)
    await page.keyboard.press('m')
    await viewButton(page, 'Read', 1).waitFor()
    await nav.getByRole('treeitem', { name: /hf-trending-jun6\.txt · Hugging Face text 60$/ }).waitFor()
    await page.keyboard.press('j')
    await expect.poll(() => paperHeading(page).textContent()).not.toBe(FIRST_TITLE)
    await page.keyboard.press('m')
    await viewButton(page, 'Read', 2).waitFor()
    await viewButton(page, 'Unread', 62).waitFor()

    await viewButton(page, 'Read', 2).click()
    await page.getByRole('listbox', { name: 'Read papers' }).waitFor()
    await expect.poll(() => listbox(page).getByRole('option').count()).toBe(2)

    // Back to unread from the Read view: the count and the list follow.
    await openPaper(page, FIRST_TITLE)
    await statusButton(page, 'Unread').click()
    await viewButton(page, 'Read', 1).waitFor()
    await viewButton(page, 'Unread', 63).click()
    await page.getByRole('listbox', { name: 'Unread papers' }).waitFor()
    await viewButton(page, 'All', 64).click()
    await page.getByRole('listbox', { name: 'All papers' }).waitFor()
    await noProblems(problems)
  })
})
