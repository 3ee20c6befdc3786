/** A drop zone shows while files are dragged over the window, and goes when they leave or drop (issue 15.8). */
import { readFileSync } from 'node:fs'
import { describe } from 'vitest'
import { HF_JUN6, noProblems, test, viewButton } from './fixtures'

describe('drop zone', { timeout: 60_000 }, () => {
  test('appears while files are dragged over the window; a drop imports them', async ({ page, problems }) => {
    const text = readFileSync(HF_JUN6, 'utf8')
    const files = await page.evaluateHandle((body) => {
      const dt = new DataTransfer()
      dt.items.add(new File([body], 'hf-trending-jun6.txt', { type: 'text/plain' }))
      return dt
    }, text)
    const zone = page.getByRole('status').filter({ hasText: 'Drop digest files to import them' })

    await page.dispatchEvent('main', 'dragenter', { dataTransfer: files })
    await zone.waitFor()
    // Crossing into a child and out of the parent keeps it; leaving the window hides it.
    await page.dispatchEvent('header', 'dragenter', { dataTransfer: files })
    await page.dispatchEvent('main', 'dragleave', { dataTransfer: files })
    await zone.waitFor()
    await page.dispatchEvent('header', 'dragleave', { dataTransfer: files })
    await zone.waitFor({ state: 'detached' })

    await page.dispatchEvent('main', 'dragenter', { dataTransfer: files })
    await zone.waitFor()
    await page.dispatchEvent('main', 'dragover', { dataTransfer: files })
    await page.dispatchEvent('main', 'drop', { dataTransfer: files })
    await zone.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: 'Import finished' }).waitFor()
    await viewButton(page, 'Unread', 61).waitFor()
    await noProblems(problems)
  })
})
