/**
 * A layout made for reading titles (issue 15, Layout), measured in Chromium at 1440×900 and
 * 1024×700: titles wrap to two lines instead of being cut to one, the feed gets the width,
 * the sidebar hides behind a toggle below 1200 px, no date repeats inside a date group, the
 * abstract keeps a reading measure, the bulk bar stays on one line, nothing overflows sideways,
 * and empty views say what to do next.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import { fixturePath, HF_JUN6, importViaPicker, listbox, noProblems, openPaper, test, viewNamed } from './fixtures'

const DIGESTS = [HF_JUN6, fixturePath('arxiv-rss.xml'), fixturePath('arxiv-listing-email.txt')]
const LONG_ABSTRACT_TITLE =
  'MaxMin-RLHF: Towards Equitable Alignment of Large Language Models with Diverse Human Preferences'

async function importAll(page: Page): Promise<void> {
  await importViaPicker(page, DIGESTS)
  await page.getByRole('button', { name: 'Close' }).click()
  await listbox(page).getByRole('option').first().waitFor()
}

interface TitleBox {
  text: string
  lines: number
  /** Text hidden: cut sideways (one-line ellipsis) or below the second line. */
  cut: boolean
  /** How many lines the full title needs at this width. */
  needs: number
}

/** Each rendered feed title: how many lines it shows, how many it needs, whether any of it is hidden. */
function titleBoxes(page: Page): Promise<TitleBox[]> {
  return listbox(page)
    .getByRole('option')
    .evaluateAll((els) =>
      els.map((el) => {
        const line = parseFloat(getComputedStyle(el).lineHeight)
        const probe = el.cloneNode(true) as HTMLElement
        // The same text in the same width with no clamp: the lines the whole title needs.
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:normal;display:block;-webkit-line-clamp:none;overflow:visible;height:auto;width:${el.clientWidth}px`
        el.parentElement!.appendChild(probe)
        const needs = Math.round(probe.getBoundingClientRect().height / line)
        probe.remove()
        return {
          text: el.textContent ?? '',
          lines: Math.round(el.clientHeight / line),
          cut: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
          needs
        }
      })
    )
}

async function noSidewaysOverflow(page: Page): Promise<void> {
  const over = await page.evaluate(() => {
    const out: string[] = []
    if (document.documentElement.scrollWidth > window.innerWidth) out.push('page')
    for (const sel of ['.toolbar', '.main', '.feed-head', '[role="listbox"]', '.paper-pane']) {
      const el = document.querySelector(sel)
      if (el && el.scrollWidth > el.clientWidth + 1) out.push(`${sel} ${el.scrollWidth}>${el.clientWidth}`)
    }
    return out
  })
  expect(over).toEqual([])
}

/** The smallest computed font size among the elements that show metadata. */
function smallestMetaSize(page: Page): Promise<number> {
  return page.evaluate(() => {
    const sel =
      '.row-meta, .row-meta > :not(.status-dot), .feed-group, .count, .badge, .feed-actions button, .ids, .authors'
    const sizes = [...document.querySelectorAll(sel)]
      .filter((el) => (el.textContent ?? '').trim())
      .map((el) => parseFloat(getComputedStyle(el).fontSize))
    return Math.min(...sizes)
  })
}

/** Characters per line of the abstract (median over its full lines), from the rendered line boxes. */
function abstractMeasure(page: Page): Promise<number> {
  return page.locator('.abstract').evaluate((p) => {
    const perLine = new Map<number, number>()
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < (n.textContent ?? '').length; i++) {
        range.setStart(n, i)
        range.setEnd(n, i + 1)
        const top = Math.round(range.getBoundingClientRect().top)
        perLine.set(top, (perLine.get(top) ?? 0) + 1)
      }
    }
    const counts = [...perLine.values()].slice(0, -1).sort((a, b) => a - b)
    return counts[Math.floor(counts.length / 2)] ?? 0
  })
}

describe('a layout made for reading titles', () => {
  test('1440×900: two-line titles in a wide feed, no date repeated in its group, a reading measure', async ({
    page,
    problems
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await importAll(page)
    await viewNamed(page, 'All').click()

    expect(await listbox(page).evaluate((el) => el.clientWidth)).toBeGreaterThanOrEqual(600)
    const titles = await titleBoxes(page)
    expect(titles.length).toBeGreaterThan(8)
    // A title that fits in two lines is shown whole; long ones do take the second line.
    expect(titles.filter((t) => t.needs <= 2 && t.cut).map((t) => t.text)).toEqual([])
    expect(titles.some((t) => t.lines === 2)).toBe(true)
    // Only the longest (three lines' worth) end in "…" after two lines.
    expect(titles.filter((t) => t.cut).length).toBeLessThanOrEqual(Math.ceil(titles.length / 5))

    // Grouped by digest date: the group header shows the date, the rows do not show it again (but
    // each row's description, read by screen readers, which skip the headers, still says it).
    const header = page.locator('.feed-group').first()
    const date = (await header.textContent())!.trim()
    expect(date).not.toBe('')
    const shown = await page.locator('.row-meta').evaluateAll((metas) =>
      metas.map((m) =>
        [...m.querySelectorAll<HTMLElement>(':scope > *')]
          .filter((c) => c.getBoundingClientRect().width > 1)
          .map((c) => c.textContent)
          .join(' ')
      )
    )
    expect(shown.length).toBeGreaterThan(8)
    expect(shown.filter((m) => m.toLowerCase().includes(date.toLowerCase()))).toEqual([])
    const firstRow = listbox(page).getByRole('option').first()
    const described = await firstRow.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent ?? ''
    )
    expect(described).toContain(date)

    expect(await smallestMetaSize(page)).toBeGreaterThanOrEqual(13)
    await openPaper(page, LONG_ABSTRACT_TITLE)
    const measure = await abstractMeasure(page)
    expect(measure).toBeGreaterThanOrEqual(55)
    expect(measure).toBeLessThanOrEqual(80)
    expect(await smallestMetaSize(page)).toBeGreaterThanOrEqual(13)
    await noSidewaysOverflow(page)
    await noProblems(problems)
  })

  test('1024×700: the sidebar waits behind a toggle, authors stay readable, the bulk bar keeps one line', async ({
    page,
    problems
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 })
    await importAll(page)
    const nav = page.getByRole('navigation', { name: 'Library' })
    const toggle = page.getByRole('button', { name: 'Sidebar' })
    expect(await nav.isVisible()).toBe(false)
    expect(await toggle.getAttribute('aria-expanded')).toBe('false')
    await toggle.click()
    await nav.waitFor()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    // Choosing a view closes the drawer and shows the view.
    await viewNamed(page, 'All').click()
    await nav.waitFor({ state: 'hidden' })
    await page.getByRole('heading', { name: 'All', exact: true }).waitFor()

    expect(await listbox(page).evaluate((el) => el.clientWidth)).toBeGreaterThanOrEqual(540)
    const titles = await titleBoxes(page)
    expect(titles.filter((t) => t.needs <= 2 && t.cut).map((t) => t.text)).toEqual([])
    // Author lines get the room to say who wrote the paper (not "Gün…").
    await openPaper(page, 'Self-Normalizing Neural Networks')
    const authors = await page
      .locator('.row-authors')
      .evaluateAll((els) => els.map((el) => ({ shown: el.clientWidth, needs: el.scrollWidth })))
    expect(authors.length).toBeGreaterThan(3)
    expect(authors.filter((a) => a.shown < Math.min(a.needs, 240))).toEqual([])
    expect(await smallestMetaSize(page)).toBeGreaterThanOrEqual(13)

    // Every paper selected: the bulk bar's controls sit on one line, inside the feed.
    await listbox(page).focus()
    await page.keyboard.press('Control+a')
    const bar = page.getByRole('toolbar', { name: 'Selected papers' })
    await bar.waitFor()
    const geometry = await bar.evaluate((el) => {
      const kids = [...el.querySelectorAll('button, [role="status"]')].map((k) => k.getBoundingClientRect())
      const box = el.getBoundingClientRect()
      return {
        tops: new Set(kids.map((k) => Math.round(k.top + k.height / 2))).size,
        right: Math.max(...kids.map((k) => k.right)),
        boxRight: box.right,
        overflow: el.scrollWidth > el.clientWidth + 1
      }
    })
    expect(geometry.tops).toBe(1)
    expect(geometry.overflow).toBe(false)
    expect(geometry.right).toBeLessThanOrEqual(geometry.boxRight + 1)
    await noSidewaysOverflow(page)
    await noProblems(problems)
  })

  test('empty views and searches say what to do next', async ({ page, problems }) => {
    // An empty library: the paper pane does not ask for a paper that cannot be chosen.
    await page
      .getByRole('region', { name: 'Paper' })
      .getByText(/Import a digest first/)
      .waitFor()
    await importAll(page)
    await page
      .getByRole('region', { name: 'Paper' })
      .getByText(/j and k move through the list/)
      .waitFor()
    await viewNamed(page, 'Reading').click()
    await page.getByText('No papers marked Reading').waitFor()
    await page.getByText(/press r on a paper/i).waitFor()
    await viewNamed(page, 'Starred').click()
    await page.getByText(/press s on a paper/i).waitFor()
    await viewNamed(page, 'Read').click()
    await page.getByText(/press m on a paper/i).waitFor()
    await viewNamed(page, 'All').click()
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('zzqxqzz')
    await page.getByText('No papers match this search.').waitFor()
    await page.getByText(/Esc clears the search/).waitFor()
    await noProblems(problems)
  })
})
