/**
 * The real `folio` command interrupted, and other ways a command ends: Ctrl+C (SIGINT), SIGTERM and
 * SIGKILL during a first big import (written straight into the file under a rollback journal:
 * direct-writes.ts) leave a library every command opens again, as it was; `folio list | head -1`
 * ends quietly; a command that writes checks the whole library first.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FOLIO_BIN, folio, importInterrupted } from '../helpers/cli'
import { garblePage } from '../helpers/damage'
import { call, nextEvent, upload } from '../helpers/host-http'
import { generateArxivRss } from '../helpers/generate'
import { tempDir } from '../helpers/temp'

const PAPERS = 12_000

describe('folio import interrupted', () => {
  let t: ReturnType<typeof tempDir>
  let feed: string
  beforeAll(() => {
    t = tempDir()
    feed = join(t.dir, 'feed.xml')
    writeFileSync(feed, generateArxivRss(PAPERS, 6)) // well over the 4 MB that is written directly
  })
  afterAll(() => t.cleanup())

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143]
  ] as const)(
    '%s: the import stops cleanly, says nothing was written, and leaves no journal',
    async (signal, exit) => {
      const library = join(t.dir, `${signal}.sqlite`)
      expect(folio(['list', '--library', library]).status).toBe(0) // an empty library, as a new user has
      const r = await importInterrupted(feed, library, signal)
      expect(r.progress).toMatch(/feed\.xml: \d+ papers…/)
      expect(r.code).toBe(exit)
      expect(r.stderr).toMatch(/folio: import cancelled: nothing was written\n$/)
      expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/) // no stack
      expect(r.ms).toBeLessThan(2_000)
      expect(existsSync(`${library}-journal`)).toBe(false)
      const list = folio(['list', '--library', library])
      expect(list.stderr).toBe('')
      expect(list.status).toBe(0)
      expect(list.stdout).toBe('')
      const again = folio(['import', feed, '--library', library])
      expect(again.status).toBe(0)
      expect(again.stdout).toMatch(new RegExp(`${PAPERS} papers, ${PAPERS} added`))
    },
    180_000
  )

  it('SIGKILL: the journal left behind is rolled back by the next command, which works', async () => {
    const library = join(t.dir, 'killed.sqlite')
    expect(folio(['list', '--library', library]).status).toBe(0)
    const r = await importInterrupted(feed, library, 'SIGKILL')
    expect(r.signal).toBe('SIGKILL')
    expect(existsSync(`${library}-journal`)).toBe(true) // died inside the directly written transaction
    const list = folio(['list', '--library', library])
    expect(list.stderr).toBe('') // not "read-only"
    expect(list.status).toBe(0)
    expect(list.stdout).toBe('')
    expect(existsSync(`${library}-journal`)).toBe(false)
    const db = new Database(library, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
    } finally {
      db.close()
    }
    expect(folio(['import', feed, '--library', library]).status).toBe(0)
  }, 180_000)
})

describe('folio serve stopped during an import', () => {
  it('SIGTERM: the import is cancelled and the server exits within a second', async () => {
    const t = tempDir()
    try {
      const library = join(t.dir, 'served.sqlite')
      const feed = join(t.dir, 'feed.xml')
      writeFileSync(feed, generateArxivRss(12_000, 8))
      const child = spawn(process.execPath, [FOLIO_BIN, 'serve', '--library', library])
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
      const url = await new Promise<URL>((resolve) => {
        let out = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          const m = /Open (http:\/\/\S+)/.exec(out)
          if (m) resolve(new URL(m[1]!))
        })
      })
      const host = { port: Number(url.port), token: url.searchParams.get('token')! }
      const up = JSON.parse((await upload(host, feed)).body) as { value: { id: string } }
      const progress = nextEvent(host, 'importProgress')
      void call(host, 'importUpload', { uploads: [{ id: up.value.id, name: 'feed.xml' }] }).catch(() => undefined)
      await progress
      const sent = performance.now()
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(performance.now() - sent).toBeLessThan(1_000)
      const db = new Database(library, { readonly: true })
      try {
        expect(db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
        expect(db.pragma('quick_check', { simple: true })).toBe('ok')
      } finally {
        db.close()
      }
    } finally {
      t.cleanup()
    }
  }, 120_000)
})

describe('other endings', () => {
  let t: ReturnType<typeof tempDir>
  let library: string
  beforeAll(() => {
    t = tempDir()
    library = join(t.dir, 'lib.sqlite')
    writeFileSync(join(t.dir, 'feed.xml'), generateArxivRss(300, 3))
    expect(folio(['import', join(t.dir, 'feed.xml'), '--library', library]).status).toBe(0)
  })
  afterAll(() => t.cleanup())

  it('folio list | head -1: the reader goes away, folio ends quietly', async () => {
    const r = await new Promise<{ code: number | null; stderr: string; first: string }>((resolve) => {
      const child = spawn(process.execPath, [FOLIO_BIN, 'list', '--library', library])
      let stderr = ''
      let first = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      child.stdout.once('data', (d: Buffer) => {
        first = d.toString().split('\n')[0]!
        child.stdout.destroy() // like `head -1` exiting after its line
      })
      child.on('close', (code) => resolve({ code, stderr, first }))
    })
    expect(r.first).toMatch(/^\s+\d+ /)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  }, 60_000)

  it('a command that writes checks every page first: never writes into a damaged library', () => {
    const file = join(t.dir, 'damaged.sqlite')
    writeFileSync(file, readFileSync(library))
    garblePage(file, 6) // a page the light check (the schema) does not read
    const before = readFileSync(file)
    const r = folio(['note', '1', '--set', 'written into a damaged file?', '--library', file])
    expect(r.stderr).toMatch(/library could not be read: .*(integrity check failed|malformed)/)
    const aside = readdirSync(t.dir).find((n) => n.startsWith('damaged.damaged-') && n.endsWith('.sqlite'))
    expect(aside).toBeDefined()
    expect(readFileSync(join(t.dir, aside!))).toEqual(before) // set aside untouched, never written
  }, 60_000)
})
