/**
 * The browser host's imports: files are uploaded as a stream to a temp file (never base64, never
 * held in memory) and imported from there; a running import can be cancelled; other calls' bodies
 * are capped at what the call needs; calls in flight are bounded.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type Host } from '../../src/main/host/server'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { generateArxivRss } from '../helpers/generate'
import { call, nextEvent, upload } from '../helpers/host-http'
import { tempDir } from '../helpers/temp'

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
const parse = <T>(r: { body: string }): Reply<T> => JSON.parse(r.body) as Reply<T>
// This host's uploads go under a temp folder of this file's own (TMPDIR when it starts): other test
// files' hosts, running meanwhile, keep theirs elsewhere.
let uploadsRoot = tmpdir()
const uploadDirs = (): string[] => readdirSync(uploadsRoot).filter((n) => n.startsWith('folio-uploads-'))

describe('browser host: uploads, cancel, limits', () => {
  let t: ReturnType<typeof tempDir>
  let host: Host
  let small: string
  let big: string
  const papers = (): number => host.library.db.prepare('SELECT count(*) FROM papers').pluck().get() as number
  beforeAll(async () => {
    t = tempDir()
    const rendererDir = join(t.dir, 'renderer')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
    small = join(t.dir, 'small.xml')
    writeFileSync(small, generateArxivRss(50, 2))
    big = join(t.dir, 'big.xml')
    writeFileSync(big, generateArxivRss(8_000, 3)) // ~16 MB
    uploadsRoot = join(t.dir, 'tmp')
    mkdirSync(uploadsRoot)
    const tmpBefore = process.env.TMPDIR
    process.env.TMPDIR = uploadsRoot
    try {
      host = await startHost({ libraryPath: join(t.dir, 'lib.sqlite'), rendererDir, maxUploadBytes: 20 * 1024 * 1024 })
    } finally {
      if (tmpBefore === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmpBefore
    }
    expect(uploadDirs()).toHaveLength(1) // this host's, and only it
  })
  afterAll(async () => {
    await host.close()
    t.cleanup()
  })

  it('an uploaded file is imported under its own name, and its temp file is gone afterwards', async () => {
    const up = parse<{ id: string; bytes: number }>(await upload(host, small))
    expect(up.ok).toBe(true)
    if (!up.ok) return
    const reply = parse<{ files: { file: string; ok: boolean; added: number }[] }>(
      await call(host, 'importUpload', { uploads: [{ id: up.value.id, name: 'today.xml', lastModified: 0 }] })
    )
    expect(reply.ok && reply.value.files).toEqual([expect.objectContaining({ file: 'today.xml', ok: true, added: 50 })])
    const again = parse(await call(host, 'importUpload', { uploads: [{ id: up.value.id, name: 'today.xml' }] }))
    expect(!again.ok && again.error.message).toMatch(/not here .*add the file again/)
    const dirs = uploadDirs()
    expect(dirs.some((d) => readdirSync(join(uploadsRoot, d)).length > 0)).toBe(false)
  })

  it('a file over the limit is refused as it arrives, and nothing of it is kept', async () => {
    const huge = join(t.dir, 'huge.xml')
    writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 'a'))
    const r = await upload(host, huge)
    expect([413, -1]).toContain(r.status) // refused (or the connection closed while still sending)
    if (r.status === 413) expect(parse(r)).toMatchObject({ ok: false, error: { code: 'too-large' } })
    expect(uploadDirs().some((d) => readdirSync(join(uploadsRoot, d)).length > 0)).toBe(false)
  })

  it('cancelImport stops a running import: the library is as it was', async () => {
    const before = papers()
    const up = parse<{ id: string }>(await upload(host, big))
    if (!up.ok) throw new Error(up.error.message)
    const progress = nextEvent(host, 'importProgress')
    const importing = call(host, 'importUpload', { uploads: [{ id: up.value.id, name: 'big.xml' }] })
    await progress
    const cancel = parse<{ cancelled: boolean }>(await call(host, 'cancelImport', {}))
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } })
    const report = parse<{ cancelled?: boolean; files: unknown[] }>(await importing)
    expect(report.ok && report.value.cancelled).toBe(true)
    expect(papers()).toBe(before)
    expect(parse(await call(host, 'cancelImport', {}))).toEqual({ ok: true, value: { cancelled: false } })
  }, 60_000)

  it('a call body larger than the call needs is refused before it is read whole', async () => {
    const r = await call(host, 'counts', undefined, JSON.stringify({ pad: 'x'.repeat(200_000) }))
    expect(r.status).toBe(413)
    expect(parse(r)).toMatchObject({ ok: false, error: { code: 'too-large' } })
    // a big call that needs it still goes through
    const note = await call(host, 'saveNote', { paperId: 1, body: 'é'.repeat(1_000_000) })
    expect(parse(note)).toMatchObject({ ok: true })
  })

  it('calls in flight are bounded: beyond the bound, an immediate 503', async () => {
    const hanging = Array.from({ length: 16 }, () => {
      const req = request({
        host: '127.0.0.1',
        port: host.port,
        path: '/api/counts',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '100', [TOKEN_HEADER]: host.token }
      })
      req.on('error', () => undefined)
      req.write('{') // and never the rest
      return req
    })
    try {
      await new Promise((r) => setTimeout(r, 300))
      const r = await call(host, 'counts', {})
      expect(r.status).toBe(503)
      expect(parse(r)).toMatchObject({ ok: false, error: { code: 'busy' } })
    } finally {
      for (const req of hanging) req.destroy()
    }
    await new Promise((r) => setTimeout(r, 200))
    expect((await call(host, 'counts', {})).status).toBe(200)
    expect(existsSync(host.library.path)).toBe(true)
  })
})
