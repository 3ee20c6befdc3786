/**
 * What the page calls things (issue 15.8): formats by their names, not codes; a rejection line
 * names its file once; two digests of one date have different headings; note history dates in
 * the same style as every other date.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { FIRST_TITLE, fixturePath, HF_JUN6, importViaPicker, noProblems, notes, openPaper, test } from './fixtures'

describe('names and dates', { timeout: 60_000 }, () => {
  test('format names, rejection lines, same-date digest headings, note history dates', async ({ page, problems }) => {
    // A second digest of the same day: the same listing without its last paper, under another name.
    const dir = mkdtempSync(join(tmpdir(), 'folio-e2e-twin-'))
    const twin = join(dir, 'hf-trending-morning.txt')
    const text = readFileSync(HF_JUN6, 'utf8')
    writeFileSync(twin, text.slice(0, text.lastIndexOf('\n\n', text.length - 3)))
    try {
      await importViaPicker(page, [HF_JUN6, twin, fixturePath('bad/not-a-digest.txt')])
      const report = page.locator('.import-report')
      await report
        .getByText(/papers \(Hugging Face text\):/)
        .first()
        .waitFor()
      const rejected = report.locator('li.rejected')
      await expect.poll(() => rejected.textContent()).toMatch(/^not-a-digest\.txt: rejected: \S/)
      expect(((await rejected.textContent()) ?? '').split('not-a-digest.txt').length - 1).toBe(1)
      expect(await page.getByText('hf-text').count()).toBe(0)
      await page.getByRole('button', { name: 'Close' }).click()

      const nav = page.getByRole('navigation', { name: 'Library' })
      await nav.getByRole('treeitem', { name: /hf-trending-jun6\.txt · Hugging Face text \d+$/ }).click()
      const heading = page.locator('#feed-heading')
      await expect.poll(() => heading.textContent()).toBe('Digest Jun 6 (year inferred) · hf-trending-jun6.txt')
      await nav.getByRole('treeitem', { name: /hf-trending-morning\.txt · Hugging Face text \d+$/ }).click()
      await expect.poll(() => heading.textContent()).toBe('Digest Jun 6 (year inferred) · hf-trending-morning.txt')

      await openPaper(page, FIRST_TITLE)
      const pane = page.getByRole('region', { name: 'Paper' })
      await pane.getByText(/hf-trending-jun6\.txt \(Hugging Face text\), #1/).waitFor()
      await expect.poll(() => notes(page).isEnabled()).toBe(true)
      await notes(page).fill('a note with a history')
      await pane
        .getByRole('status')
        .filter({ hasText: /^Saved$/ })
        .waitFor()
      await pane.locator('details.note-history summary').click()
      const revision = pane.getByRole('list', { name: 'Note revisions' }).getByRole('listitem').first()
      await expect
        .poll(() => revision.getAttribute('aria-label'))
        .toMatch(/^Revision of [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M$/)
      await noProblems(problems)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
