/**
 * The browser host imports in a worker thread: progress events stream to the page over SSE
 * while the import runs, and the host keeps answering other calls meanwhile.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type Host } from '../../src/main/host/server'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { generateArxivRss } from '../helpers/generate'
import { upload } from '../helpers/host-http'
import { tempDir } from '../helpers/temp'

describe('import progress through the browser host', () => {
  let t: ReturnType<typeof tempDir>
  let host: Host
  beforeAll(async () => {
    t = tempDir()
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
    host = await startHost({ libraryPath: join(t.dir, 'lib.sqlite'), rendererDir })
  })
  afterAll(async () => {
    await host.close()
    t.cleanup()
  })

  const call = async (method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(input)
    })
    return (await res.json()) as { ok: boolean }
  }

  it('streams importProgress events before the reply, and answers other calls meanwhile', async () => {
    const events: { at: number; papers: number }[] = []
    const sse = request({ host: '127.0.0.1', port: host.port, path: `/events?token=${host.token}` })
    sse.on('response', (res) => {
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/event: importProgress\ndata: (.*)\n/g))
          events.push({ at: Date.now(), papers: (JSON.parse(m[1]!) as { papers: number }).papers })
      })
    })
    sse.end()
    await new Promise((r) => setTimeout(r, 100))

    const file = join(t.dir, 'big.xml')
    writeFileSync(file, generateArxivRss(5_000, 3))
    const sent = JSON.parse((await upload(host, file)).body) as { value: { id: string } }
    const started = Date.now()
    const importing = call('importUpload', { uploads: [{ id: sent.value.id, name: 'big.xml' }] }).then((r) => ({
      r,
      at: Date.now()
    }))
    // While the worker imports, the host still answers.
    const counts = await call('counts', {})
    const countsAt = Date.now()
    const { r, at: doneAt } = await importing
    sse.destroy()
    expect(r.ok).toBe(true)
    expect((r.value as { added: number }).added).toBe(5_000)
    expect(counts.ok).toBe(true)
    expect(countsAt).toBeLessThan(doneAt)
    expect(events.length).toBeGreaterThanOrEqual(5)
    expect(events.map((e) => e.papers)).toEqual([...events.map((e) => e.papers)].sort((a, b) => a - b))
    expect(events[0]!.at).toBeLessThan(doneAt)
    expect(events[0]!.at).toBeGreaterThanOrEqual(started)
  }, 60_000)
})
