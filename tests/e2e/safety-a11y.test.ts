/**
 * Untrusted text stays inert: Markdown notes with HTML/script/javascript: payloads, abstracts
 * with literal markup. And an axe-core scan of the populated feed (light and dark).
 */
import { describe, expect } from 'vitest'
import { axeViolations } from './axe'
import { fixturePath, HF_JUN6, importViaPicker, noProblems, notes, openPaper, test, viewButton } from './fixtures'

describe('untrusted text and accessibility', () => {
  test('XSS payloads in a note stay inert text', async ({ page, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    await page.evaluate(() => {
      ;(window as unknown as { __pwned: unknown }).__pwned = undefined
    })
    const payload = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=2</script>',
      '[x](javascript:window.__pwned=3)',
      '<a href="javascript:window.__pwned=4">y</a>',
      '[z](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<svg onload="window.__pwned=5"></svg>',
      '**bold** and [ok](https://example.org)'
    ].join('\n\n')
    await openPaper(page, 'Generative Marginalization Models')
    await notes(page).fill(payload)
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()

    const preview = page.getByRole('region', { name: 'Note preview' })
    const check = async () => {
      await preview.getByText('bold', { exact: true }).waitFor()
      // The HTML shows as text; nothing active exists in the preview.
      await preview.getByText('<script>window.__pwned=2</script>').waitFor()
      expect(await preview.locator('img, script, svg, iframe, object, embed, [onerror], [onload]').count()).toBe(0)
      const hrefs = await preview.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      expect(hrefs).toEqual(['https://example.org'])
      // Clicking what looks like the javascript: link does nothing.
      await preview.getByText('[x](javascript:window.__pwned=3)').click()
      await page.waitForTimeout(200)
      expect(await page.evaluate(() => (window as unknown as { __pwned: unknown }).__pwned)).toBeUndefined()
    }
    await check()

    // Reloaded from the library, still inert.
    await page.reload()
    await viewButton(page, 'With notes', 1).waitFor()
    await openPaper(page, 'Generative Marginalization Models')
    await expect.poll(() => notes(page).inputValue()).toBe(payload)
    await check()
    await noProblems(problems)
  })

  test('abstract markup is shown as text, math is typeset offline', async ({ page, problems }) => {
    await importViaPicker(page, [fixturePath('arxiv-rss.xml'), fixturePath('arxiv-listing-email.txt')])
    await page.getByRole('button', { name: 'Close' }).click()
    await viewButton(page, 'All', 9).click()
    await openPaper(page, 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale')
    const pane = page.getByRole('region', { name: 'Paper' })
    await pane.getByText('learnable <code>[class]</code> token', { exact: false }).waitFor()
    expect(await pane.locator('article code').count()).toBe(0)
    await pane.getByRole('link', { name: 'arXiv' }).waitFor()

    await openPaper(page, 'Self-Normalizing Neural Networks')
    // $\lambda \approx 1.0507$ rendered by KaTeX (MathML inside), no raw dollars left.
    await expect.poll(() => pane.locator('.katex').count()).toBeGreaterThan(0)
    expect(await pane.locator('math').count()).toBeGreaterThan(0)
    await noProblems(problems)
  })

  test('axe-core: no serious or critical violations in the feed and paper pane (light and dark)', async ({
    page,
    problems
  }) => {
    await page.getByText('No papers yet. Import a digest').waitFor()
    expect(await axeViolations(page)).toEqual([])

    await importViaPicker(page, [HF_JUN6])
    await openPaper(page, 'Generative Marginalization Models')
    await notes(page).fill('A *note* with a [link](https://example.org).')
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await page.getByRole('searchbox', { name: 'Search papers' }).fill('model')
    await page.getByRole('option').locator('mark').first().waitFor()
    expect(await axeViolations(page)).toEqual([])

    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await axeViolations(page)).toEqual([])

    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
    expect(await axeViolations(page)).toEqual([])
    await noProblems(problems)
  })
})
