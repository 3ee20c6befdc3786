/**
 * Durability across processes: an import killed with SIGKILL halfway leaves the library exactly
 * as it was, and the CLI and the browser host can write one library at the same time.
 */
import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { startHost } from '../../src/main/host/server'
import { folio, folioAsync, importKilledMidway } from '../helpers/cli'
import { generateArxivRss } from '../helpers/generate'
import { fixture, tempDir } from '../helpers/temp'

function snapshot(path: string): unknown {
  const db = new Database(path, { readonly: true })
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all()
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      papers: all('SELECT * FROM papers ORDER BY id'),
      digests: all('SELECT * FROM digests ORDER BY id'),
      links: all('SELECT * FROM digest_papers ORDER BY digest_id, paper_id'),
      notes: all('SELECT * FROM notes ORDER BY paper_id'),
      revisions: all('SELECT * FROM note_revisions ORDER BY id'),
      fts: all("SELECT rowid FROM search_index WHERE search_index MATCH 'fairness OR adaptation' ORDER BY rowid"),
      state: all('SELECT * FROM import_state')
    }
  } finally {
    db.close()
  }
}

describe('durability across processes', () => {
  let t: ReturnType<typeof tempDir>
  let big: string
  beforeAll(() => {
    t = tempDir()
    big = join(t.dir, 'big-feed.xml')
    writeFileSync(big, generateArxivRss(10_000, 7))
  })
  afterAll(() => t.cleanup())

  it('an import killed halfway (SIGKILL) leaves the library exactly as before', async () => {
    const lib = join(t.dir, 'killed.sqlite')
    expect(
      folio(['import', fixture('hf-trending-jun6.txt'), fixture('hf-daily-papers.json'), '--library', lib]).status
    ).toBe(0)
    expect(folio(['status', '2106.09685', 'read', '--library', lib]).status).toBe(0)
    expect(folio(['note', '2106.09685', '--set', 'low rank, high value', '--library', lib]).status).toBe(0)
    const before = snapshot(lib)

    const killed = await importKilledMidway(big, lib)
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.progress).toMatch(/big-feed\.xml: \d+ papers…/)
    expect(snapshot(lib)).toEqual(before)

    // The library is healthy: the same import now runs to completion.
    const again = folio(['import', big, '--library', lib])
    expect(again.status).toBe(0)
    expect(again.stdout).toMatch(/10000 papers, 10000 added/)
  }, 240_000)

  it('the CLI and the browser host write the same library at the same time, both succeed', async () => {
    const lib = join(t.dir, 'shared.sqlite')
    expect(folio(['import', fixture('hf-trending-jun6.txt'), '--library', lib]).status).toBe(0)
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
    const host = await startHost({ libraryPath: lib, rendererDir })
    try {
      const call = async (
        method: string,
        input: unknown
      ): Promise<{ ok: boolean; value?: unknown; error?: unknown }> => {
        const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
          body: JSON.stringify(input)
        })
        return (await res.json()) as { ok: boolean }
      }
      const page = (await call('feedPage', { limit: 61 })) as { value: { items: { id: number }[] } }
      const ids = page.value.items.map((p) => p.id)
      expect(ids).toHaveLength(61)

      // Another process imports 10,000 papers while this one (the host) keeps writing.
      let cliDone = false
      const cli = folioAsync(['import', big, '--library', lib]).finally(() => (cliDone = true))
      const results: boolean[] = []
      let duringImport = 0
      let i = 0
      // Keep writing for as long as the import runs (so the writes overlap its transaction).
      for (; i < 40 || !cliDone; i++) {
        const id = ids[i % ids.length]!
        if (!cliDone) duringImport++
        results.push((await call('setStatus', { ids: [id], status: i % 2 ? 'read' : 'reading' })).ok)
        results.push((await call('saveNote', { paperId: id, body: `note ${i}` })).ok)
        await new Promise((r) => setTimeout(r, 25))
      }
      const imported = await cli
      expect(imported.stderr).toBe('')
      expect(imported.status).toBe(0)
      expect(results.filter((ok) => !ok)).toEqual([])
      const counts = (await call('counts', {})) as { value: { views: { all: number; notes: number } } }
      expect(counts.value.views.all).toBe(10_061)
      expect(i).toBeGreaterThanOrEqual(40)
      expect(duringImport).toBeGreaterThan(5) // the writes overlapped the other process's import
      expect(counts.value.views.notes).toBe(Math.min(i, ids.length))
      const last = (await call('getNote', { paperId: ids[(i - 1) % ids.length]! })) as { value: { body: string } }
      expect(last.value.body).toBe(`note ${i - 1}`)
    } finally {
      await host.close()
    }
  }, 240_000)
})
