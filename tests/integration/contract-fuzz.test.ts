/**
 * Every contract method validates its input. For EVERY method in `contract` (iterated, so a new
 * method is covered as soon as it exists; a method without a valid example below fails the test),
 * a valid example and mutations of it (wrong types, missing/extra fields, huge strings, bad ids,
 * too-long arrays, SQL and FTS5 syntax and control characters in every text field) go through the
 * dispatcher, and a sample of them through the browser host over HTTP. Each call must answer with
 * an error Reply or a valid value: never a throw, never a crash; afterwards the library is intact.
 */
import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, EXPORT_FORMATS, methodNames, type MethodName, type Reply } from '../../src/shared/contract'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { LOCATION_PURPOSES } from '../../src/shared/settings'
import { createDispatcher, type Dispatch } from '../../src/main/handlers'
import { startHost, type Host } from '../../src/main/host/server'
import { importSources } from '../../src/main/import/import-files'
import { openLibrary, type Library } from '../../src/main/library/index'
import { safeExternalUrl } from '../../src/main/safe-url'
import { openSettings } from '../../src/main/settings'
import { mutations } from '../helpers/mutations'
import { fixture, tempDir } from '../helpers/temp'

/** One valid input per contract method. Ids refer to the seeded library (paper 1, its revision). */
function examples(ids: { paper: number; revision: number }): Record<string, unknown> {
  return {
    feedPage: { view: 'unread', query: 'model', sort: 'title', limit: 20, tag: 'fuzz' },
    search: { query: 'language model', limit: 10 },
    getPaper: { id: ids.paper },
    counts: {},
    setStatus: { ids: [ids.paper], status: 'reading' },
    restoreStatus: { changes: [{ id: ids.paper, status: 'unread' }] },
    setStarred: { ids: [ids.paper], starred: true },
    setViewStatus: { view: 'unread', tag: 'fuzz', query: 'model status:unread', status: 'read' },
    setViewStarred: { view: 'all', digestId: 1, starred: true },
    undoViewChange: { undoId: 1 },
    getNote: { paperId: ids.paper },
    saveNote: { paperId: ids.paper, body: 'A note with **Markdown**.' },
    listNotes: { query: 'note', tag: 'fuzz', status: 'unread', limit: 10 },
    listRevisions: { paperId: ids.paper, limit: 10 },
    restoreRevision: { paperId: ids.paper, revisionId: ids.revision },
    tagPapers: { ids: [ids.paper], add: ['fuzz'], remove: ['other'] },
    renameTag: { from: 'fuzz', to: 'fuzzed' },
    deleteTag: { name: 'fuzzed' },
    exportReadingList: { format: EXPORT_FORMATS[0], view: 'all', tag: 'fuzz', query: 'model' },
    importUpload: { uploads: [{ id: 'AbCdEfGhIjKlMnOpQrStUvWx', name: 'today.xml', lastModified: 1_717_632_000_000 }] },
    cancelImport: {},
    openExternal: { url: 'https://arxiv.org/abs/2106.09685' },
    importPaths: { paths: [fixture('hf-trending-jun6.txt')] },
    getSettings: {},
    setSettings: { theme: 'dark', sidebarWidth: 300, lastPaperId: ids.paper, watchFolder: null },
    pickLocation: { purpose: LOCATION_PURPOSES[0] },
    rendererReady: {},
    notesFlushed: {},
    forYouPage: { limit: 20 },
    similarPapers: { id: ids.paper, limit: 5 },
    // The path methods are app-only: this dispatcher (like the browser host's) refuses them.
    backupToPath: { path: join(tmpdir(), 'folio-fuzz-backup.jsonl') },
    backupDownload: {},
    restoreFromPath: { path: fixture('hf-trending-jun6.txt') },
    restoreFromFile: { name: 'backup.jsonl', text: '{"type":"folio-backup"}\n' },
    restoreUpload: { id: 'AbCdEfGhIjKlMnOpQrStUvWx', name: 'backup.jsonl' },
    exportNotesToPath: { dir: join(tmpdir(), 'folio-fuzz-notes') },
    exportNotesDownload: {}
  }
}

interface Tally {
  papers: number
  digests: number
  links: number
}

function tally(db: Database.Database): Tally {
  const n = (sql: string): number => db.prepare(sql).pluck().get() as number
  return {
    papers: n('SELECT count(*) FROM papers'),
    digests: n('SELECT count(*) FROM digests'),
    links: n('SELECT count(*) FROM digest_papers')
  }
}

function intact(path: string): { integrity: string; fts: string } {
  const db = new Database(path)
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ')
    let fts = 'ok'
    try {
      db.prepare("INSERT INTO search_index(search_index, rank) VALUES ('integrity-check', 1)").run()
    } catch (err) {
      fts = (err as Error).message
    }
    return { integrity, fts }
  } finally {
    db.close()
  }
}

/** A Reply is `{ ok: true, value }` or `{ ok: false, error: { code, message } }` with strings. */
function expectReply(reply: unknown, what: string): asserts reply is Reply<unknown> {
  expect(reply, what).toBeTypeOf('object')
  const r = reply as Record<string, unknown>
  if (r.ok === true) {
    expect(Object.keys(r).sort(), what).toEqual(['ok', 'value'])
  } else {
    expect(r.ok, what).toBe(false)
    const e = r.error as Record<string, unknown>
    expect(e.code, what).toBeTypeOf('string')
    expect(e.message, what).toBeTypeOf('string')
    expect((e.message as string).length, what).toBeLessThan(2_000) // errors never echo huge inputs
  }
}

describe('contract fuzz: every method validates its input', () => {
  let t: ReturnType<typeof tempDir>
  let libPath: string
  let lib: Library
  let dispatch: Dispatch
  let opened: string[]
  let ex: Record<string, unknown>
  let before: Tally

  beforeAll(async () => {
    t = tempDir()
    libPath = join(t.dir, 'library.sqlite')
    lib = openLibrary(libPath)
    await importSources(lib, [
      { kind: 'path', path: fixture('hf-trending-jun6.txt') },
      { kind: 'path', path: fixture('hf-daily-papers.json') }
    ])
    opened = []
    const settings = openSettings(join(t.dir, 'settings.json'))
    dispatch = createDispatcher(lib, {
      openExternal: (url) => {
        opened.push(url)
        return true
      },
      settings: {
        get: () =>
          ({
            settings: settings.get(),
            libraryPath: libPath,
            libraryFromSettings: false,
            settingsPath: settings.path
          }) as never,
        set: (patch) => settings.update(patch)
      },
      importPaths: (paths) =>
        importSources(
          lib,
          paths.map((path) => ({ kind: 'path' as const, path }))
        )
    })
    const paper = lib.db.prepare('SELECT min(id) FROM papers').pluck().get() as number
    const saved = await dispatch('saveNote', { paperId: paper, body: 'first version of a note' })
    expect(saved.ok).toBe(true)
    const revision = lib.db.prepare('SELECT max(id) FROM note_revisions').pluck().get() as number
    ex = examples({ paper, revision })
    before = tally(lib.db)
  })
  afterAll(() => {
    lib.close()
    t.cleanup()
  })

  it('has a valid example for every contract method (add one when you add a method)', () => {
    const missing = methodNames.filter((m) => !Object.hasOwn(ex, m))
    expect(missing, `no example input for: ${missing.join(', ')}`).toEqual([])
    for (const m of methodNames) {
      const parsed = contract[m].input.safeParse(ex[m])
      expect(parsed.success, `${m}: the example is not valid: ${parsed.error?.issues[0]?.message}`).toBe(true)
    }
  })

  it.each(methodNames.map((m) => [m]))(
    '%s: every mutation answers with a Reply, never a throw',
    async (m: MethodName) => {
      if (!Object.hasOwn(ex, m)) return // reported by the test above
      const cases = mutations(ex[m])
      expect(cases.length).toBeGreaterThan(10)
      let errors = 0
      for (const c of cases) {
        let reply: unknown
        try {
          reply = await dispatch(m, c.input)
        } catch (err) {
          throw new Error(`${m} threw on ${c.label}: ${(err as Error).message}`)
        }
        expectReply(reply, `${m} ← ${c.label}`)
        if (!reply.ok) errors += 1
        if (!reply.ok && reply.error.code === 'internal')
          throw new Error(`${m} ← ${c.label}: internal error ${reply.error.message}`)
      }
      expect(errors, `${m}: most mutations must be refused`).toBeGreaterThan(cases.length / 3)
    }
  )

  it('unknown methods and prototype names are refused', async () => {
    for (const name of [
      'nope',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'feedPage ',
      'FEEDPAGE'
    ]) {
      const reply = await dispatch(name, {})
      expect(reply, name).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    }
  })

  it('openExternal never handed a non-http(s)/mailto URL to the OS', () => {
    for (const url of opened) expect(safeExternalUrl(url), url).toBe(url)
  })

  it('the library is intact: integrity_check ok, FTS index consistent, no papers or digests appeared or vanished', () => {
    expect(tally(lib.db)).toEqual(before)
    expect(intact(libPath)).toEqual({ integrity: 'ok', fts: 'ok' })
  })

  describe('through the browser host (HTTP)', () => {
    let host: Host
    let hostLib: string
    const post = async (method: string, body: string): Promise<{ status: number; json: unknown }> => {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
        body
      })
      const text = await res.text()
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = text
      }
      return { status: res.status, json }
    }

    beforeAll(async () => {
      const rendererDir = join(t.dir, 'renderer')
      mkdirSync(rendererDir, { recursive: true })
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
      hostLib = join(t.dir, 'host.sqlite')
      const seed = openLibrary(hostLib)
      await importSources(seed, [
        { kind: 'path', path: fixture('hf-trending-jun6.txt') },
        { kind: 'path', path: fixture('hf-daily-papers.json') }
      ])
      seed.close()
      host = await startHost({ libraryPath: hostLib, rendererDir })
    })
    afterAll(async () => {
      await host.close()
    })

    it('a sample of every method’s mutations, and malformed bodies: JSON Replies, the host stays up', async () => {
      const start = tally(host.library.db)
      for (const m of methodNames) {
        if (!Object.hasOwn(ex, m)) continue
        const all = mutations(ex[m])
        const every = 7
        const sample = all.filter((_, i) => i % every === 0)
        for (const c of sample) {
          const body = JSON.stringify(c.input === undefined ? null : c.input)
          const { status, json } = await post(m, body)
          expect(status, `${m} ← ${c.label}`).toBe(200)
          expectReply(json, `HTTP ${m} ← ${c.label}`)
        }
      }
      for (const body of [
        '{',
        '{"query": "unterminated',
        '\u0000',
        'null',
        '[]',
        '1e999',
        '"x"',
        '{"__proto__": {"ok": true}}'
      ]) {
        const { status, json } = await post('search', body)
        expect([200, 400], body).toContain(status)
        expectReply(json, `HTTP search ← ${JSON.stringify(body)}`)
      }
      const alive = await post('counts', '{}')
      expect(alive.status).toBe(200)
      expect(alive.json).toMatchObject({ ok: true })
      expect(tally(host.library.db)).toEqual(start)
      expect(host.library.db.pragma('integrity_check', { simple: true })).toBe('ok')
    })
  })
})
