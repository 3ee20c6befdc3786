/**
 * Imported text is data, in the real renderer (Chromium, browser host): the hostile digests in
 * tests/fixtures/hostile (markup in titles, abstracts and author names; javascript:/data: links;
 * KaTeX \href; control and bidi characters; very long strings) show as inert text in the feed,
 * the paper view and search highlighting. No script runs (a window flag is never set, no dialog),
 * no element is injected, and no javascript: URL ever becomes a clickable href.
 */
import type { Page } from 'playwright'
import { describe, expect } from 'vitest'
import {
  fixturePath,
  importViaPicker,
  listbox,
  noProblems,
  openPaper,
  paperHeading,
  revealOption,
  test,
  viewButton
} from './fixtures'

const HOSTILE = [fixturePath('hostile/hf-daily-papers-hostile.json'), fixturePath('hostile/arxiv-rss-hostile.xml')]
const TITLE_1 =
  'Hostile <script>window.__pwned=1</script> Attention <img src=x onerror="window.__pwned=2"> Is All You Need'
const TITLE_RSS = 'Escaped <script>window.__pwned=20</script> markup in an RSS title'
const TITLE_LINKS = 'Links that look almost fine'

interface Dom {
  pwned: unknown
  scripts: number
  active: string[]
  badHrefs: string[]
}

/** What an injection would leave behind, anywhere in the document. */
function inspect(page: Page): Promise<Dom> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')]
    const active = all
      .filter(
        (el) =>
          ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(el.tagName) ||
          [...el.attributes].some((a) => /^on/i.test(a.name))
      )
      .filter((el) => !(el.tagName === 'SCRIPT' && (el as HTMLScriptElement).src && !(el as HTMLScriptElement).text))
      .map((el) => el.outerHTML.slice(0, 120))
    const imgs = [...document.querySelectorAll('img, svg image')]
      .filter((el) => el.getAttribute('src') === 'x')
      .map((el) => el.outerHTML)
    const badHrefs = [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .map(
        (el) =>
          el.getAttribute('href') ??
          el.getAttribute('src') ??
          el.getAttribute('action') ??
          el.getAttribute('formaction') ??
          ''
      )
      .filter((u) => /^\s*(javascript|data|vbscript|file):/i.test(u) && u !== 'data:,') // data:, is index.html's empty favicon
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.scripts.length,
      active: [...active, ...imgs],
      badHrefs
    }
  })
}

describe('hostile digests in the renderer', () => {
  test('feed, paper view and search show hostile text inert; javascript: links are never links', async ({
    page,
    problems
  }) => {
    const start = await inspect(page)
    expect(start.active).toEqual([])

    await importViaPicker(page, HOSTILE)
    await page.getByText('4 added').first().waitFor()
    await page.getByRole('button', { name: 'Close' }).click()
    await viewButton(page, 'All', 4).click()

    // Feed rows: the markup is the row's visible text.
    for (const title of [TITLE_1, TITLE_RSS, TITLE_LINKS]) await (await revealOption(page, title)).waitFor()

    // Paper view: title, authors and abstract as text; only http(s) links.
    await openPaper(page, TITLE_1)
    const pane = page.getByRole('region', { name: 'Paper' })
    expect(await paperHeading(page).textContent()).toBe(TITLE_1)
    await pane.getByText('<b onmouseover="window.__pwned=10">Mallory</b>', { exact: false }).waitFor()
    await pane.getByText('<svg onload="window.__pwned=3"></svg>', { exact: false }).waitFor()
    const hrefs = await pane.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//)
    expect(hrefs).toContain('https://example.org/hostile-project')
    expect(await pane.getByRole('link', { name: 'click me' }).count()).toBe(0) // KaTeX \href stays inert (trust off)
    // bidi overrides were removed at import: the author reads as stored
    await pane.getByText('Evegnirts Ltd', { exact: false }).waitFor()

    await openPaper(page, TITLE_RSS)
    await pane.getByText('<img src=x onerror="window.__pwned=22">', { exact: false }).waitFor()
    await openPaper(page, TITLE_LINKS)
    for (const href of await pane.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https?:\/\/(?!user)/)
    }

    // Search highlighting wraps matches in <mark> around text, never markup.
    const box = page.getByRole('searchbox', { name: 'Search papers' })
    await box.fill('hostilesearchword')
    await expect.poll(() => listbox(page).getByRole('option').count()).toBe(4)
    await box.fill('script')
    await listbox(page).locator('mark').first().waitFor()
    const marked = await listbox(page).locator('mark').allTextContents()
    for (const m of marked) expect(m.toLowerCase()).toBe('script')

    await page.waitForTimeout(200)
    const end = await inspect(page)
    expect(end.pwned).toBeUndefined()
    expect(end.active).toEqual([])
    expect(end.badHrefs).toEqual([])
    expect(end.scripts).toBe(start.scripts)
    await noProblems(problems)
  })
})
