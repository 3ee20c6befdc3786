/**
 * Accessibility of every view (issue 15, item 10): axe-core reports no violation at all (minor
 * and moderate included) on All, Unread, Reading, Read, Starred, Notes, a digest, a search, the
 * settings dialog, the shortcut sheet and the narrow layout's open sidebar, light and dark; placeholders keep a
 * 4.5:1 contrast in both.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import { axeViolations } from './axe'
import {
  fixturePath,
  HF_JUN6,
  importJun6,
  importViaPicker,
  listbox,
  noProblems,
  notes,
  openPaper,
  test,
  viewNamed
} from './fixtures'

type Scheme = 'light' | 'dark'

/** Each view, reached as a user would, then checked by axe in both themes. */
async function checkBothThemes(page: Page, where: string, found: string[]): Promise<void> {
  for (const scheme of ['light', 'dark'] as Scheme[]) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const v of await axeViolations(page)) found.push(`${where} (${scheme}): ${v}`)
  }
}

/** Contrast ratio of an input's placeholder text against the input's own background. */
function placeholderContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((input) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!)
    }
    const fg = lum(rgb(getComputedStyle(input, '::placeholder').color))
    let bgEl: Element | null = input
    let bg = 'rgba(0, 0, 0, 0)'
    while (bgEl && /rgba\(.*, 0\)$|transparent/.test(bg)) {
      bg = getComputedStyle(bgEl).backgroundColor
      bgEl = bgEl.parentElement
    }
    const b = lum(rgb(bg))
    return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05)
  })
}

describe('accessibility of every view', () => {
  test('axe-core finds nothing on any view, light or dark', async ({ page, problems }) => {
    const found: string[] = []
    await page.getByText('No papers yet').first().waitFor()
    await checkBothThemes(page, 'empty library', found)

    await importViaPicker(page, [HF_JUN6, fixturePath('arxiv-rss.xml'), fixturePath('arxiv-listing-email.txt')])
    await checkBothThemes(page, 'import report', found)
    await page.getByRole('button', { name: 'Close' }).click()

    await viewNamed(page, 'All').click()
    await openPaper(page, 'Self-Normalizing Neural Networks')
    await page.keyboard.press('s')
    await page.keyboard.press('r')
    await notes(page).fill('A *note* with a [link](https://example.org) and $x^2$.')
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await listbox(page).focus()
    await checkBothThemes(page, 'All, a paper open', found)

    for (const view of ['Unread', 'Reading', 'Starred', 'Read']) {
      await viewNamed(page, view).click()
      await page.getByRole('heading', { name: view, exact: true }).waitFor()
      await checkBothThemes(page, view, found)
    }
    await page.getByRole('treeitem', { name: /^All notes \d+$/ }).click()
    await page.getByRole('main').getByRole('heading', { name: 'Notes', exact: true }).waitFor()
    await checkBothThemes(page, 'Notes', found)

    await page.getByRole('treeitem', { name: /arxiv-rss\.xml/ }).click()
    await listbox(page).getByRole('option').first().waitFor()
    await checkBothThemes(page, 'a digest', found)

    await page.getByRole('searchbox', { name: 'Search papers' }).fill('neural')
    await listbox(page).getByRole('option').locator('mark').first().waitFor()
    await checkBothThemes(page, 'a search', found)

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).waitFor()
    await checkBothThemes(page, 'settings dialog', found)
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    await checkBothThemes(page, 'shortcut sheet', found)
    await page.keyboard.press('Escape')

    // The narrow layout, with the sidebar open over the feed.
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.getByRole('button', { name: 'Sidebar' }).click()
    await page.getByRole('navigation', { name: 'Library' }).waitFor()
    await checkBothThemes(page, 'narrow, sidebar open', found)

    expect(found).toEqual([])
    await noProblems(problems)
  })

  test('placeholders keep a 4.5:1 contrast, light and dark', async ({ page, problems }) => {
    await importJun6(page)
    await openPaper(page, 'Generative Marginalization Models')
    for (const scheme of ['light', 'dark'] as Scheme[]) {
      await page.emulateMedia({ colorScheme: scheme })
      for (const sel of ['#search', '#note-text', '.tag-add input']) {
        expect(await placeholderContrast(page, sel), `${sel} (${scheme})`).toBeGreaterThanOrEqual(4.5)
      }
    }
    await noProblems(problems)
  })
})
