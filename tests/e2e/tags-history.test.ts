/**
 * Issue #5 in Chromium: tags on papers (add with suggestions, remove, filter from the sidebar,
 * rename, delete), the Notes view's search and filters, restoring a note revision, and a
 * reading-list export downloaded from the browser host.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import { parseBibtex } from '../../src/main/digests/bibtex'
import {
  FIRST_TITLE,
  importJun6,
  LAST_TITLE,
  listbox,
  noProblems,
  notes,
  openPaper,
  paperHeading,
  test,
  viewButton
} from './fixtures'

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' })
const tagButton = (page: Page, name: string, count: number) =>
  sidebar(page).getByRole('treeitem', { name: `${name} ${count}`, exact: true })
const paperRegion = (page: Page) => page.getByRole('region', { name: 'Paper' })
const saved = (page: Page) =>
  paperRegion(page)
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })

async function addTag(page: Page, name: string): Promise<void> {
  const input = paperRegion(page).getByRole('combobox', { name: 'Add tag' })
  await input.fill(name)
  await input.press('Enter')
  await paperRegion(page)
    .getByRole('button', { name: `Remove tag ${name}`, exact: true })
    .waitFor()
}

// Long flows: room for a busy two-core machine.
describe('tags, notes view, revisions, export', { timeout: 90_000 }, () => {
  test('tag papers, filter by tag, rename and delete a tag (notes stay)', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await addTag(page, 'rlhf')
    await tagButton(page, 'rlhf', 1).waitFor()
    await expect.poll(() => notes(page).isEnabled()).toBe(true)
    await notes(page).fill('Tagged and noted')
    await saved(page).waitFor()

    // On another paper the existing tag is suggested (datalist), and adding it counts 2.
    await openPaper(page, LAST_TITLE)
    await expect
      .poll(() =>
        paperRegion(page)
          .locator('datalist option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
      )
      .toEqual(['rlhf'])
    await addTag(page, 'rlhf')
    await addTag(page, 'later')
    await tagButton(page, 'rlhf', 2).waitFor()
    await tagButton(page, 'later', 1).waitFor()

    // Filter from the sidebar: exactly the two tagged papers, under a "Tag: rlhf" heading.
    await tagButton(page, 'rlhf', 2).click()
    await page.getByRole('heading', { name: 'Tag: rlhf' }).waitFor()
    await expect.poll(() => listbox(page).getByRole('option').allTextContents()).toEqual([FIRST_TITLE, LAST_TITLE])
    // The search box's tag: filter agrees.
    await viewButton(page, 'All', 61).click()
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('tag:later')
    await expect.poll(() => listbox(page).getByRole('option').allTextContents()).toEqual([LAST_TITLE])
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('')
    await page.getByRole('heading', { name: 'All', exact: true }).waitFor() // the search is cleared

    // Remove one tag from the open paper.
    await paperRegion(page).getByRole('button', { name: 'Remove tag later', exact: true }).click()
    await expect
      .poll(() =>
        sidebar(page)
          .getByRole('treeitem', { name: /^later \d+$/ })
          .count()
      )
      .toBe(0)

    // Rename everywhere.
    await tagButton(page, 'rlhf', 2).click()
    const tools = sidebar(page).getByRole('group', { name: 'Manage tag rlhf' })
    await tools.getByRole('textbox', { name: 'New tag name' }).fill('alignment')
    await tools.getByRole('button', { name: 'Rename' }).click()
    await tagButton(page, 'alignment', 2).waitFor()
    await page.getByRole('heading', { name: 'Tag: alignment' }).waitFor()
    await expect.poll(() => paperRegion(page).getByRole('button', { name: 'Remove tag alignment' }).count()).toBe(1)

    // Delete everywhere (asks once more, inline): the papers and the note stay.
    const tools2 = sidebar(page).getByRole('group', { name: 'Manage tag alignment' })
    await tools2.getByRole('button', { name: 'Delete tag…' }).click()
    await tools2.getByRole('button', { name: 'Delete tag', exact: true }).click()
    await expect.poll(() => sidebar(page).getByRole('treeitem', { name: 'Tags' }).count()).toBe(0)
    await viewButton(page, 'All', 61).waitFor()
    await viewButton(page, 'With notes', 1).waitFor()
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).inputValue()).toBe('Tagged and noted')
    await expect
      .poll(() =>
        paperRegion(page)
          .getByRole('button', { name: /^Remove tag/ })
          .count()
      )
      .toBe(0)
    await noProblems(problems)
  })

  test('the Notes view searches notes and filters by tag and status', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).isEnabled()).toBe(true)
    await notes(page).fill('reward models disagree across groups')
    await saved(page).waitFor()
    await addTag(page, 'fairness')
    await openPaper(page, LAST_TITLE)
    await expect.poll(() => notes(page).isEnabled()).toBe(true)
    await notes(page).fill('marginals, not rewards')
    await saved(page).waitFor()
    await page.getByRole('group', { name: 'Reading status' }).getByRole('button', { name: 'Read', exact: true }).click()

    await page.getByRole('treeitem', { name: 'All notes 2', exact: true }).click()
    const list = page.getByRole('list', { name: 'Notes, newest edited first' })
    const titles = () => list.getByRole('listitem').locator('.note-title').allTextContents()
    await expect.poll(titles).toEqual([LAST_TITLE, FIRST_TITLE]) // newest edited first
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('disagree')
    await expect.poll(titles).toEqual([FIRST_TITLE])
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('reward') // the last word is a prefix: "rewards" too
    await expect.poll(titles).toEqual([LAST_TITLE, FIRST_TITLE])
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('groups')
    await expect.poll(titles).toEqual([FIRST_TITLE])
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('')
    await expect.poll(titles).toEqual([LAST_TITLE, FIRST_TITLE])
    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('fairness')
    await expect.poll(titles).toEqual([FIRST_TITLE])
    await page.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('')
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('read')
    await expect.poll(titles).toEqual([LAST_TITLE])
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('unread')
    await expect.poll(titles).toEqual([FIRST_TITLE])
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('marginals')
    await page.getByText('No notes match.').waitFor()
    await noProblems(problems)
  })

  test('restore an older revision of a note; the text it replaced stays in the history', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).isEnabled()).toBe(true)
    const long = 'First version: a long careful summary of the method, the baselines and what to try next.'
    await notes(page).fill(long)
    await saved(page).waitFor()
    // Deleting most of the text always starts a new revision (even inside a typing burst).
    await notes(page).fill('oops')
    await saved(page).waitFor()

    const history = paperRegion(page).locator('details.note-history')
    await history.locator('summary').click()
    const revisions = paperRegion(page).getByRole('list', { name: 'Note revisions' }).getByRole('listitem')
    await expect.poll(() => revisions.count()).toBe(2)
    await expect.poll(() => history.locator('summary').textContent()).toBe('History (2 revisions)')
    const older = revisions.nth(1)
    await older.getByRole('button', { name: 'View' }).click()
    await expect.poll(() => older.locator('pre').textContent()).toBe(long)
    // The latest revision is the current text: nothing to restore there.
    expect(await revisions.nth(0).getByRole('button', { name: 'Restore' }).isDisabled()).toBe(true)
    await older.getByRole('button', { name: 'Restore' }).click()

    await expect.poll(() => notes(page).inputValue()).toBe(long)
    await expect.poll(() => revisions.count()).toBe(3)
    await expect
      .poll(() => revisions.locator('.revision-excerpt').allTextContents())
      .toEqual([long.slice(0, 80), 'oops', long.slice(0, 80)])

    // It is in the library, not just on screen.
    await page.reload()
    await listbox(page).getByRole('option').first().waitFor()
    await openPaper(page, FIRST_TITLE)
    await expect.poll(() => notes(page).inputValue()).toBe(long)
    await paperRegion(page).locator('details.note-history summary').click()
    await expect
      .poll(() => paperRegion(page).locator('details.note-history summary').textContent())
      .toBe('History (3 revisions)')
    expect(await paperHeading(page).textContent()).toBe(FIRST_TITLE)
    await noProblems(problems)
  })

  test('export the list being shown as BibTeX: a download the importer reads back', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, FIRST_TITLE)
    await addTag(page, 'cite')
    await tagButton(page, 'cite', 1).click()
    await page.getByRole('heading', { name: 'Tag: cite' }).waitFor()
    await page.getByRole('button', { name: 'Export…' }).click()
    const panel = page.getByRole('group', { name: 'Export this list' })
    await panel.getByRole('combobox', { name: 'Format' }).selectOption('bib')
    const downloading = page.waitForEvent('download')
    await panel.getByRole('button', { name: 'Download' }).click()
    const file = await downloading
    expect(file.suggestedFilename()).toBe('Folio - tag cite.bib')
    const text = readFileSync(await file.path(), 'utf8')
    const back: string[] = []
    parseBibtex(text, { fileName: 'export.bib' }, (p) => back.push(p.title))
    expect(back).toEqual([FIRST_TITLE])
    await noProblems(problems)
  })
})
