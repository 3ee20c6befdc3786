/**
 * One type scale driven by the text-size setting (issue 15, item 6): metadata, badges, dates,
 * counts and headings grow with the body text, the hierarchy (paper title > section heading >
 * body > metadata) holds at every size, metadata never drops below 13 px, and the feed's rows
 * still show a two-line title and its metadata whole.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import { fixturePath, FIRST_TITLE, HF_JUN6, importViaPicker, listbox, noProblems, openPaper, test } from './fixtures'

const SIZES = ['Small', 'Medium', 'Large', 'Extra large'] as const

/** Computed font size (px) of the first element each selector finds. */
const PARTS = {
  paperTitle: '.paper-title',
  sectionHeading: '.paper-pane h3',
  feedHeading: '.feed-heading',
  body: '.abstract',
  rowTitle: '[role="option"]',
  rowMeta: '.row-meta',
  badge: '.badge',
  dateHeader: '.feed-group',
  count: '.count',
  navLabel: '.tree-text',
  paperMeta: '.paper-pane .ids',
  button: '.feed-actions button'
} as const
type Part = keyof typeof PARTS

function sizes(page: Page): Promise<Record<Part, number>> {
  return page.evaluate((parts) => {
    const out = {} as Record<Part, number>
    for (const [name, sel] of Object.entries(parts)) {
      const el = document.querySelector(sel)
      out[name as Part] = el ? parseFloat(getComputedStyle(el).fontSize) : NaN
    }
    return out
  }, PARTS)
}

/** Rows whose title or metadata is cut off at the bottom by the row's fixed height. */
function clippedRows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.row')]
      .filter((row) => {
        const bottom = row.getBoundingClientRect().bottom
        return [...row.children].some((c) => c.getBoundingClientRect().bottom > bottom + 0.5)
      })
      .map((row) => row.textContent ?? '')
  )
}

/** Parts of the window wider than the room they have. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ['html', '.toolbar', '.feed-head', '.feed-actions', '.paper-controls']
      .map((sel) => [sel, document.querySelector(sel)] as const)
      .filter(([, el]) => el && (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth))
      .map(([sel, el]) => `${sel} ${el!.scrollWidth} > ${el!.clientWidth}`)
  )
}

async function chooseSize(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByLabel('Text size').selectOption({ label })
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
}

describe('one type scale', () => {
  test('every size: metadata, badges, dates and headings scale with the body; the hierarchy holds', async ({
    page,
    problems
  }) => {
    await importViaPicker(page, [HF_JUN6, fixturePath('arxiv-rss.xml')])
    await page.getByRole('button', { name: 'Close' }).click()
    await openPaper(page, FIRST_TITLE)

    const seen: Record<Part, number>[] = []
    for (const label of SIZES) {
      await chooseSize(page, label)
      // The feed re-lays out its rows for the new size.
      await page.waitForTimeout(150)
      const s = await sizes(page)
      for (const [part, px] of Object.entries(s)) expect(px, `${part} at ${label}`).not.toBeNaN()
      expect(s.paperTitle, label).toBeGreaterThan(s.sectionHeading)
      expect(s.sectionHeading, label).toBeGreaterThan(s.body)
      expect(s.feedHeading, label).toBeGreaterThan(s.body)
      expect(s.rowTitle, label).toBeGreaterThanOrEqual(s.body)
      expect(s.rowTitle, label).toBeGreaterThan(s.rowMeta)
      for (const meta of ['rowMeta', 'badge', 'dateHeader', 'count', 'paperMeta', 'button'] as const) {
        expect(s[meta], `${meta} at ${label}`).toBeGreaterThanOrEqual(13)
        expect(s[meta], `${meta} at ${label}`).toBeLessThan(s.body)
      }
      expect(await clippedRows(page), label).toEqual([])
      // The narrow window still holds the toolbar and the feed's head at this size.
      await page.setViewportSize({ width: 1024, height: 700 })
      expect(await overflowing(page), `1024 wide at ${label}`).toEqual([])
      await listbox(page).focus()
      await page.keyboard.press('Control+a')
      await page.getByRole('toolbar', { name: 'Selected papers' }).waitFor()
      expect(await overflowing(page), `1024 wide, all selected, at ${label}`).toEqual([])
      await page.keyboard.press('Escape')
      await page.setViewportSize({ width: 1400, height: 900 })
      seen.push(s)
    }
    // Each part grows from one size to the next (nothing stays fixed while the body grows).
    for (let i = 1; i < seen.length; i++) {
      for (const part of Object.keys(PARTS) as Part[]) {
        expect(seen[i]![part], `${part}: ${SIZES[i - 1]} -> ${SIZES[i]}`).toBeGreaterThan(seen[i - 1]![part])
      }
    }
    await listbox(page).focus()
    await noProblems(problems)
  })
})
