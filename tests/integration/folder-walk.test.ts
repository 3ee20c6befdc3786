/**
 * Folders with symlink loops (`ln -s .. sub/a; ln -s .. sub/b`) and links to the same folder: the
 * folder import and the watched folder walk each real folder once (a naive walk grows exponentially
 * and never ends), and the watcher's walk lets the thread it runs on serve meanwhile.
 */
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importSources } from '../../src/main/import/import-files'
import { startWatching } from '../../src/main/import/watch'
import { fixture, tempLibrary } from '../helpers/temp'

describe('symlink loops in folders', () => {
  let t: ReturnType<typeof tempLibrary>
  let folder: string
  beforeEach(() => {
    t = tempLibrary()
    folder = join(t.dir, 'L')
    mkdirSync(join(folder, 'sub'), { recursive: true })
    symlinkSync('..', join(folder, 'sub', 'a'))
    symlinkSync('..', join(folder, 'sub', 'b'))
    symlinkSync(join(folder, 'sub'), join(folder, 'again')) // the same folder twice
    copyFileSync(fixture('arxiv-rss.xml'), join(folder, 'sub', 'today.xml'))
  })
  afterEach(() => t.cleanup())

  it('the folder import reads each real file once, at once', async () => {
    const started = performance.now()
    const r = await importSources(t.lib, [{ kind: 'path', path: folder }])
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(r.files.map((f) => f.file)).toEqual([join(folder, 'again', 'today.xml')])
    expect(r.files[0]).toMatchObject({ ok: true, added: 4 })
  }, 20_000)

  it('the watcher walks it once, and its walk never holds the thread', async () => {
    for (let i = 0; i < 300; i++) writeFileSync(join(folder, `note-${i}.txt`), `not a digest ${i}`)
    let ticks = 0
    const timer = setInterval(() => (ticks += 1), 0)
    const started = performance.now()
    const w = startWatching(t.lib, folder, { intervalMs: 3_600_000 })
    try {
      // Its first look at the folder (at start) sees every file; this second one reads the stable ones.
      const reports = await w.scan()
      clearInterval(timer)
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(ticks).toBeGreaterThan(0) // timers ran while it walked
      expect(reports.filter((r) => r.ok).map((r) => [r.file, r.papers])).toEqual([
        [join(folder, 'again', 'today.xml'), 4]
      ])
      expect(reports).toHaveLength(301) // and the 300 notes, refused once each
      expect(t.lib.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(1)
    } finally {
      w.close()
    }
  }, 20_000)
})
