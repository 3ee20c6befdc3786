/**
 * The desktop features that live in the renderer, in Chromium against the browser host: the
 * first-run screen, settings (theme live over prefers-color-scheme, text size, persisted across a
 * reload and in the host's settings file), the feed row's context menu from the keyboard, and
 * importPaths refused by the browser host (it never reads paths).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import {
  HF_JUN6,
  FIRST_TITLE,
  importViaPicker,
  listbox,
  noProblems,
  option,
  starButton,
  test,
  viewButton
} from './fixtures'
import type { Page } from 'playwright'

const htmlAttr = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name)
const bg = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)

describe('desktop features in the renderer', () => {
  test('first run: a welcome that explains digests, with the import button and the drop hint', async ({
    page,
    problems
  }) => {
    const welcome = page.getByRole('region', { name: 'Welcome to Folio' })
    await welcome.waitFor()
    await expect.poll(() => welcome.textContent()).toMatch(/A digest is a list of new papers/)
    await welcome.getByRole('button', { name: 'Import digests…' }).waitFor()
    await expect.poll(() => welcome.getByRole('note').textContent()).toMatch(/drop digest files/i)
    await importViaPicker(page, [HF_JUN6])
    await listbox(page).waitFor()
    expect(await welcome.count()).toBe(0)
    await noProblems(problems)
  })

  test('settings: theme and text size apply at once, follow the OS on "system", and persist', async ({
    page,
    host,
    problems
  }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    await dialog.waitFor()
    const theme = dialog.getByLabel('Theme')
    expect(await theme.inputValue()).toBe('system')
    expect(await bg(page)).toBe('rgb(255, 255, 255)')
    // system follows the OS, live
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect.poll(() => bg(page)).toBe('rgb(27, 29, 33)')
    // an explicit choice wins over the OS
    await theme.selectOption('light')
    await expect.poll(() => htmlAttr(page, 'data-theme')).toBe('light')
    await expect.poll(() => bg(page)).toBe('rgb(255, 255, 255)')
    await page.emulateMedia({ colorScheme: 'light' })
    await theme.selectOption('dark')
    await expect.poll(() => bg(page)).toBe('rgb(27, 29, 33)')
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
    await dialog.getByLabel('Text size').selectOption('large')
    await expect
      .poll(() => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize)))
      .toBeGreaterThan(before)
    await dialog.getByRole('checkbox', { name: 'Mark a paper read when I open it' }).check()
    // paths can only be picked in the app
    await expect.poll(() => dialog.textContent()).toMatch(/Choosing a folder needs the Folio app/)
    await dialog.getByRole('button', { name: 'Done' }).click()

    await page.reload()
    await page.getByRole('searchbox', { name: 'Search papers' }).waitFor()
    await expect.poll(() => htmlAttr(page, 'data-theme')).toBe('dark')
    await expect.poll(() => htmlAttr(page, 'data-text-size')).toBe('large')
    await expect.poll(() => bg(page)).toBe('rgb(27, 29, 33)')
    const file = JSON.parse(readFileSync(join(host.library.path, '..', 'settings.json'), 'utf8'))
    expect(file).toMatchObject({ theme: 'dark', textSize: 'large', markReadOnOpen: true })
    await noProblems(problems)
  })

  test('the row context menu, from the keyboard: status, star, tag, copy link', async ({ page, problems }) => {
    await importViaPicker(page, [HF_JUN6])
    const box = listbox(page)
    await box.focus()
    await page.keyboard.press('j')
    await expect.poll(() => option(page, FIRST_TITLE).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Shift+F10')
    const menu = page.getByRole('menu', { name: `Actions for “${FIRST_TITLE}”` })
    await menu.waitFor()
    // focus is in the menu; arrows move; Enter chooses
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Mark as unread')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Mark as read')
    await page.keyboard.press('Enter')
    await menu.waitFor({ state: 'detached' })
    await viewButton(page, 'Read', 1).waitFor()
    // back on the feed; the context-menu key opens it again; Star
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox')
    await page.keyboard.press('ContextMenu')
    await menu.waitFor()
    await menu.getByRole('menuitem', { name: 'Star' }).click()
    await viewButton(page, 'Starred', 1).waitFor()
    await expect.poll(() => starButton(page).getAttribute('aria-pressed')).toBe('true')
    // a star from the menu is undoable like any other
    await menu.waitFor({ state: 'detached' })
    await page
      .getByRole('status')
      .getByText(/^Starred “/)
      .waitFor()
    await page.keyboard.press('Control+z')
    await expect.poll(() => starButton(page).getAttribute('aria-pressed')).toBe('false')
    // Add tag… asks for a name in a labelled field
    await box.focus()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('listbox')
    await page.keyboard.press('Shift+F10')
    await menu.waitFor()
    await menu.getByRole('menuitem', { name: 'Add tag…' }).click()
    const tagBox = page.getByRole('dialog', { name: 'Add a tag' }).getByLabel('Tag name')
    await tagBox.fill('to-read')
    await page.keyboard.press('Enter')
    await page.getByText('Tagged “to-read”').waitFor()
    // Esc closes without doing anything
    await box.focus()
    await page.keyboard.press('Shift+F10')
    await menu.waitFor()
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    // right click works too; Copy link copies the arXiv (or paper) link
    await option(page, FIRST_TITLE).click({ button: 'right' })
    await menu.getByRole('menuitem', { name: 'Copy link' }).click()
    // (a paper from a saved HF page may have no link at all: then it says so)
    await page
      .getByText(/Link copied|This paper has no link/)
      .first()
      .waitFor()
    await noProblems(problems)
  })

  test('importPaths: the browser host refuses it (it never reads paths); the app’s method is not in the page', async ({
    page,
    host,
    problems
  }) => {
    const reply = await page.evaluate(async (token) => {
      const res = await fetch('/api/importPaths', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-folio-token': token },
        body: JSON.stringify({ paths: ['/etc'] })
      })
      return res.json()
    }, host.token)
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringMatching(/never reads files by path/) }
    })
    const pick = await page.evaluate(async (token) => {
      const res = await fetch('/api/pickLocation', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-folio-token': token },
        body: JSON.stringify({ purpose: 'watchFolder' })
      })
      return res.json()
    }, host.token)
    expect(pick).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    await noProblems(problems)
  })
})
