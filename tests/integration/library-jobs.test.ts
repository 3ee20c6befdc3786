/**
 * Backup, restore and notes export as contract methods, through the browser host (HTTP, the
 * methods run in the job worker on their own connection) and through the dispatcher in-process:
 * a backup downloaded from one library restores into an empty one with everything in it; the
 * notes come as a zip of the same Markdown files the app writes; what the browser must never do
 * (paths) is refused; a restore into a library that holds anything changes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../src/main/handlers'
import { startHost, type Host } from '../../src/main/host/server'
import { importSources } from '../../src/main/import/import-files'
import { counts } from '../../src/main/library/counts'
import { saveNote } from '../../src/main/library/notes'
import { tagPapers } from '../../src/main/library/tags'
import type { Counts, DownloadFile, Reply, RestoreResult } from '../../src/shared/contract'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { call as rawCall, upload } from '../helpers/host-http'
import { fixture, tempDir, tempLibrary } from '../helpers/temp'

async function call<T>(host: Host, method: string, input: unknown = {}): Promise<Reply<T>> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input)
  })
  return (await res.json()) as Reply<T>
}
const ok = <T>(reply: Reply<T>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
  return reply.value
}

describe('backup, restore and notes export through the browser host', () => {
  let t: ReturnType<typeof tempDir>
  let source: Host
  let target: Host
  let before: Counts
  let uploads = 0
  /** As the page does it: the backup file uploaded (streamed to disk), then restored by its upload id. */
  const restoreUpload = async (host: Host, name: string, text: string): Promise<Reply<RestoreResult>> => {
    const file = join(t.dir, `picked-${++uploads}`)
    writeFileSync(file, text)
    const sent = JSON.parse((await upload(host, file)).body) as Reply<{ id: string }>
    if (!sent.ok) return sent
    return call<RestoreResult>(host, 'restoreUpload', { id: sent.value.id, name })
  }

  beforeAll(async () => {
    t = tempDir()
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
    source = await startHost({ libraryPath: join(t.dir, 'source.sqlite'), rendererDir })
    const report = await importSources(source.library, [
      { kind: 'path', path: fixture('hf-trending-jun6.txt') },
      { kind: 'path', path: fixture('papers.bib') }
    ])
    expect(report.rejected).toBe(0)
    const ids = source.library.db.prepare<[], number>('SELECT id FROM papers ORDER BY id LIMIT 2').pluck().all()
    saveNote(source.library.db, ids[0]!, '# Why it matters\n\nThe $O(n)$ trick.')
    saveNote(source.library.db, ids[1]!, 'Second note')
    tagPapers(source.library.db, ids, ['to-read'], [])
    before = counts(source.library.db)
    target = await startHost({ libraryPath: join(t.dir, 'target.sqlite'), rendererDir })
  })
  afterAll(async () => {
    await source.close()
    await target.close()
    t.cleanup()
  })

  it('a downloaded backup restores into an empty library with every paper, digest, tag and note', async () => {
    const file = ok(await call<DownloadFile>(source, 'backupDownload'))
    expect(file).toMatchObject({ mimeType: 'application/jsonl', encoding: 'utf8' })
    expect(file.fileName).toMatch(/^Folio backup \d{4}-\d{2}-\d{2}\.jsonl$/)
    expect(file.summary).toBe(`${before.views.all} papers, 2 digests and 1 tag`)
    const restored = ok(await restoreUpload(target, file.fileName, file.data))
    expect(restored).toMatchObject({ papers: before.views.all, digests: 2, tags: 1, notes: 2 })
    expect(counts(target.library.db)).toEqual(before)
  })

  it('a restore into a library that holds anything is refused, and changes nothing', async () => {
    const file = ok(await call<DownloadFile>(source, 'backupDownload'))
    const sourceBefore = counts(source.library.db)
    const reply = await restoreUpload(source, 'mine.jsonl', file.data)
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-empty' } })
    expect(counts(source.library.db)).toEqual(sourceBefore)
  })

  it('a file that is not a backup is refused with its name and the line', async () => {
    const empty = await startHost({ libraryPath: join(t.dir, 'empty.sqlite'), rendererDir: join(t.dir, 'renderer') })
    try {
      const reply = await restoreUpload(empty, 'notes.txt', 'hello\n')
      expect(reply).toMatchObject({ ok: false, error: { code: 'bad-backup' } })
      expect(!reply.ok && reply.error.message).toMatch(
        /^notes\.txt line 1: not a Folio backup.*library was not changed/
      )
      expect(counts(empty.library.db).views.all).toBe(0)
    } finally {
      await empty.close()
    }
  })

  it('a backup sent as one JSON body (restoreFromFile, the app’s IPC call) is refused by its size here', async () => {
    const file = ok(await call<DownloadFile>(source, 'backupDownload'))
    const empty = await startHost({ libraryPath: join(t.dir, 'empty2.sqlite'), rendererDir: join(t.dir, 'renderer') })
    try {
      const text = file.data.padEnd(100 * 1024, '\n') // past the default body cap
      const r = await rawCall(empty, 'restoreFromFile', { name: file.fileName, text })
      expect(r.status).toBe(413)
      expect(counts(empty.library.db).views.all).toBe(0)
    } finally {
      await empty.close()
    }
  })

  it('notes come as a zip of Markdown files with front matter, one per note', async () => {
    const file = ok(await call<DownloadFile>(source, 'exportNotesDownload'))
    expect(file).toMatchObject({ mimeType: 'application/zip', encoding: 'base64', summary: '2 notes' })
    const entries = unzipSync(Buffer.from(file.data, 'base64'))
    const names = Object.keys(entries)
    expect(names).toHaveLength(2)
    const folder = file.fileName.replace(/\.zip$/, '')
    for (const name of names) expect(name).toMatch(new RegExp(`^${folder}/[^/]+\\.md$`))
    const texts = names.map((n) => Buffer.from(entries[n]!).toString('utf8'))
    expect(texts.some((s) => s.includes('folio-id:') && s.endsWith('# Why it matters\n\nThe $O(n)$ trick.'))).toBe(true)
  })

  it('the methods that take a path are refused: the browser version never reads or writes paths', async () => {
    for (const [method, input] of [
      ['backupToPath', { path: join(t.dir, 'x.jsonl') }],
      ['restoreFromPath', { path: join(t.dir, 'x.jsonl') }],
      ['exportNotesToPath', { dir: join(t.dir, 'notes') }]
    ] as const) {
      const reply = await call(source, method, input)
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    }
  })
})

describe('backup, restore and notes export through the dispatcher (paths, as the app menu calls them)', () => {
  it('back up to a path (JSON Lines or a SQLite copy), restore from it, export notes to a folder', async () => {
    const a = tempLibrary()
    const b = tempLibrary()
    try {
      await importSources(a.lib, [{ kind: 'path', path: fixture('hf-trending-jun6.txt') }])
      saveNote(a.lib.db, 1, 'A note')
      const events: string[] = []
      const services = { openExternal: () => false, pathsFromDialogs: true, emit: (e: string) => events.push(e) }
      const dispatchA = createDispatcher(a.lib, services)
      const dispatchB = createDispatcher(b.lib, services)
      const backup = ok(await dispatchA('backupToPath', { path: join(a.dir, 'b.jsonl') }))
      expect(backup).toMatchObject({ kind: 'jsonl', papers: 61, digests: 1, tags: 0 })
      const copy = ok(await dispatchA('backupToPath', { path: join(a.dir, 'copy.sqlite') }))
      expect(copy).toMatchObject({ kind: 'sqlite', papers: 61 })
      expect(readFileSync(join(a.dir, 'copy.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3')
      expect(ok(await dispatchB('restoreFromPath', { path: join(a.dir, 'b.jsonl') }))).toMatchObject({ papers: 61 })
      expect(events).toEqual(['libraryChanged'])
      expect(counts(b.lib.db)).toEqual(counts(a.lib.db))
      const notes = ok(await dispatchB('exportNotesToPath', { dir: join(b.dir, 'vault') }))
      expect(notes).toEqual({ dir: join(b.dir, 'vault'), written: 1 })
    } finally {
      a.cleanup()
      b.cleanup()
    }
  })
})
