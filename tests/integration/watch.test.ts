import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FileReport } from '../../src/shared/contract'
import { startWatching, type Watcher } from '../../src/main/import/watch'
import { fixture, tempLibrary } from '../helpers/temp'

describe('watching a folder', () => {
  let t: ReturnType<typeof tempLibrary>
  let w: Watcher
  let folder: string
  const seen: FileReport[] = []
  const digests = (): number => t.lib.db.prepare('SELECT count(*) FROM digests').pluck().get() as number
  const papers = (): number => t.lib.db.prepare('SELECT count(*) FROM papers').pluck().get() as number

  beforeEach(async () => {
    t = tempLibrary()
    folder = join(t.dir, 'inbox')
    mkdirSync(folder)
    seen.length = 0
    // A long interval: the test drives scans itself, so it never depends on timing.
    w = startWatching(t.lib, folder, { intervalMs: 3_600_000, onImported: (r) => seen.push(r) })
    await w.scan() // after its first look, at start (it walks asynchronously)
  })
  afterEach(() => {
    w.close()
    t.cleanup()
  })

  it('imports a new file once it is stable, exactly once', async () => {
    copyFileSync(fixture('arxiv-rss.xml'), join(folder, 'today.xml'))
    expect(await w.scan()).toEqual([]) // first look: maybe still being written
    expect((await w.scan()).map((r) => r.ok)).toEqual([true])
    expect(papers()).toBe(4)
    expect(await w.scan()).toEqual([])
    expect(await w.scan()).toEqual([])
    expect(digests()).toBe(1)
    expect(seen).toHaveLength(1)
  })

  it('a changed file is imported again as a new digest; the same content under another name is a no-op', async () => {
    const file = join(folder, 'digest.txt')
    const text = readFileSync(fixture('hf-trending-crlf.txt'), 'utf8')
    writeFileSync(file, text)
    await w.scan()
    await w.scan()
    expect(digests()).toBe(1)
    writeFileSync(
      file,
      `${text}\r\n\r\nAnother Paper Title Here\r\n\r\nAn abstract that is long enough and ends with a full stop like abstracts usually do.\r\n`
    )
    await w.scan()
    expect(await w.scan()).toHaveLength(1)
    expect(digests()).toBe(2)
    mkdirSync(join(folder, 'sub'))
    copyFileSync(file, join(folder, 'sub', 'copy.txt'))
    await w.scan()
    expect(await w.scan()).toEqual([]) // same bytes: already imported, not reported
    expect(digests()).toBe(2)
  })

  it('reports a bad file once and does not retry it until it changes', async () => {
    copyFileSync(fixture('bad/not-a-digest.txt'), join(folder, 'notes.txt'))
    writeFileSync(join(folder, '.hidden.xml'), 'ignored')
    writeFileSync(join(folder, 'download.xml.part'), 'ignored')
    await w.scan()
    const reports = await w.scan()
    expect(reports).toHaveLength(1)
    expect(reports[0]!.error).toMatch(/notes\.txt: unrecognised format/)
    expect(await w.scan()).toEqual([])
    expect(digests()).toBe(0)
  })

  it('fs.watch triggers a scan without waiting for the timer', async () => {
    copyFileSync(fixture('papers.ris'), join(folder, 'refs.ris'))
    const deadline = Date.now() + 10_000
    while (papers() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    expect(papers()).toBe(2)
  })
})
