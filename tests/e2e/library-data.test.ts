/**
 * The browser version's backup, notes export and restore (the app has them in its File menu), in
 * Chromium against the browser host: the backup and the notes come as downloads; a backup
 * restores into an empty library from the first-run screen; a full library refuses a restore.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect } from 'vitest'
import { startHost } from '../../src/main/host/server'
import { saveNote } from '../../src/main/library/notes'
import { HF_JUN6, importViaPicker, noProblems, test, viewButton } from './fixtures'
import type { Page } from 'playwright'

const libraryMenu = async (page: Page) => {
  await page.getByRole('button', { name: 'Library…' }).click()
  return page.getByRole('group', { name: 'Library data' })
}

async function download(page: Page, button: string, dir: string): Promise<{ name: string; path: string }> {
  const menu = await libraryMenu(page)
  const started = page.waitForEvent('download')
  await menu.getByRole('button', { name: button }).click()
  const d = await started
  const path = join(dir, d.suggestedFilename())
  await d.saveAs(path)
  return { name: d.suggestedFilename(), path }
}

describe('library data in the browser: backup, notes export, restore', () => {
  test('backup and notes download; the backup restores into an empty library', async ({ page, host, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    await page.getByRole('button', { name: 'Close' }).first().click()
    const id = host.library.db.prepare<[], number>('SELECT min(id) FROM papers').pluck().get()!
    saveNote(host.library.db, id, 'Why this matters: **alignment** for everyone.')
    const dir = join(host.library.path, '..')

    const backup = await download(page, 'Download backup', dir)
    expect(backup.name).toMatch(/^Folio backup \d{4}-\d{2}-\d{2}\.jsonl$/)
    const lines = readFileSync(backup.path, 'utf8').trim().split('\n')
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'folio-backup', counts: { papers: 61 } })
    await page.getByText('Backed up 61 papers, 1 digest and 0 tags').waitFor()

    const zip = await download(page, 'Export notes (Markdown)', dir)
    const files = Object.entries(unzipSync(readFileSync(zip.path)))
    expect(files).toHaveLength(1)
    expect(Buffer.from(files[0]![1]).toString('utf8')).toMatch(/---\n[\s\S]*\*\*alignment\*\* for everyone\.$/)

    // A full library refuses a restore: the button says why and is off.
    const menu = await libraryMenu(page)
    expect(await menu.getByRole('button', { name: 'Restore a backup…' }).isDisabled()).toBe(true)

    // A fresh page on an empty library: restore from the first-run screen.
    const other = await page.context().newPage()
    const empty = await startHost({
      libraryPath: join(dir, 'empty.sqlite'),
      rendererDir: join(__dirname, '..', '..', 'out', 'renderer')
    })
    try {
      await other.goto(empty.url)
      await other.getByRole('region', { name: 'Welcome to Folio' }).waitFor()
      await other.getByRole('button', { name: 'Library…' }).click()
      const chooser = other.waitForEvent('filechooser')
      await other.getByRole('button', { name: 'Restore a backup…' }).click()
      await (await chooser).setFiles(backup.path)
      await other.getByText('Restored 61 papers, 1 digest, 0 tags and 1 note').waitFor()
      await viewButton(other, 'All', 61).waitFor()
    } finally {
      await other.close()
      await empty.close()
    }
    await noProblems(problems)
  })
})
