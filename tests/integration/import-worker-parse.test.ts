/**
 * Big files are parsed in a worker thread while the importer writes (src/main/import/digest-stream.ts).
 * The worker path must give exactly what the in-thread path gives: same papers, links, digests and
 * search index, the same refusals with the same messages, and nothing written when the write fails
 * or the file is refused midway. `workerMinBytes: 0` sends every file through the worker; a file on
 * disk is then read by the worker itself, and an arXiv feed decoded and parsed a chunk at a time
 * (`chunkBytes` cuts it into small chunks here, so the cuts fall inside characters, lines and tags).
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readDigestFile } from '../../src/main/import/digest-stream'
import { importSources } from '../../src/main/import/import-files'
import type { ImportSource } from '../../src/main/import/sources'
import { search } from '../../src/main/library/feed'
import { generateArxivRss } from '../helpers/generate'
import { fixture, tempLibrary } from '../helpers/temp'

const GOOD = [
  'bad/utf16.txt',
  'hf-daily-papers.json',
  'arxiv-listing-email.txt',
  'arxiv-listing-qp.eml',
  'arxiv-rss.xml',
  'arxiv-atom.xml',
  'papers.bib',
  'papers.ris',
  'hf-trending-crlf.txt'
]
const BAD = ['empty.txt', 'binary.bin', 'truncated.json', 'not-a-digest.txt']
const path = (name: string): ImportSource => ({ kind: 'path', path: fixture(name) })

type Lib = ReturnType<typeof tempLibrary>

/** The library as data, without times (the two imports run at different moments). */
function contents(t: Lib): unknown {
  const all = (sql: string): unknown[] => t.lib.db.prepare(sql).all()
  return {
    papers: all(
      'SELECT id, arxiv_id, doi, title_key, title, authors, links, categories, version, published, digest_date, seen_in FROM papers ORDER BY id'
    ),
    abstracts: all('SELECT * FROM paper_abstracts ORDER BY paper_id'),
    digests: all(
      'SELECT id, content_hash, format, file_name, digest_date, date_inferred, paper_count, added_count, link_count, unread_count, warnings FROM digests ORDER BY id'
    ),
    links: all('SELECT * FROM digest_papers ORDER BY digest_id, paper_id'),
    search: ['learning', 'diffusion', 'adaptation', 'Klambauer', 'transformer'].map((q) =>
      search(t.lib.db, q, 100).items.map((p) => p.id)
    )
  }
}

describe('parsing in a worker thread', () => {
  let inThread: Lib
  let inWorker: Lib
  beforeEach(() => {
    inThread = tempLibrary()
    inWorker = tempLibrary()
  })
  afterEach(() => {
    inThread.cleanup()
    inWorker.cleanup()
  })

  it('gives the same library as parsing in this thread, for every sample and a generated feed', async () => {
    const big = join(inThread.dir, 'feed.xml')
    writeFileSync(big, generateArxivRss(1_200, 5))
    const sources = [...GOOD.map(path), { kind: 'path' as const, path: big }]
    const a = await importSources(inThread.lib, sources, { workerMinBytes: Number.POSITIVE_INFINITY })
    const b = await importSources(inWorker.lib, sources, { workerMinBytes: 0 })
    expect(a.rejected).toBe(0)
    expect(b).toEqual(a)
    expect(contents(inWorker)).toEqual(contents(inThread))
  })

  it('refuses the same files with the same messages, and writes nothing for them', async () => {
    const sources = BAD.map((f) => path(`bad/${f}`))
    const a = await importSources(inThread.lib, sources, { workerMinBytes: Number.POSITIVE_INFINITY })
    const b = await importSources(inWorker.lib, sources, { workerMinBytes: 0 })
    expect(b.rejected).toBe(BAD.length)
    expect(b).toEqual(a)
    expect(inWorker.lib.db.prepare('SELECT count(*) FROM digests').pluck().get()).toBe(0)
  })

  it('a feed that turns out malformed halfway is refused whole, with the line, after papers were already written', async () => {
    const text = generateArxivRss(600, 9)
    const cut = text.indexOf('<item>', Math.floor(text.length * 0.8))
    const broken = join(inWorker.dir, 'broken.xml')
    writeFileSync(broken, `${text.slice(0, cut)}<item><title>x</titel></item></channel></rss>`)
    const r = await importSources(inWorker.lib, [{ kind: 'path', path: broken }], {
      workerMinBytes: 0,
      chunkBytes: 1000
    })
    const here = await importSources(inThread.lib, [{ kind: 'path', path: broken }], {
      workerMinBytes: Number.POSITIVE_INFINITY
    })
    expect(r.files[0]!.error).toMatch(/broken\.xml: invalid XML at line \d+/)
    expect(r.files[0]!.error).toBe(here.files[0]!.error)
    expect(inWorker.lib.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
    expect(inWorker.lib.db.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(0)
  })

  it('a dry run through the worker reports the same and writes nothing; re-importing is a no-op', async () => {
    const dryHere = await importSources(inThread.lib, GOOD.map(path), {
      workerMinBytes: Number.POSITIVE_INFINITY,
      dryRun: true
    })
    const dry = await importSources(inWorker.lib, GOOD.map(path), { workerMinBytes: 0, dryRun: true })
    expect(dry).toEqual(dryHere)
    expect(inWorker.lib.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
    const real = await importSources(inWorker.lib, GOOD.map(path), { workerMinBytes: 0 })
    expect(real.rejected).toBe(0)
    const again = await importSources(inWorker.lib, GOOD.map(path), { workerMinBytes: 0 })
    expect(again.files.every((f) => f.alreadyImported)).toBe(true)
  })

  it('a feed read from disk in pieces, cut anywhere, with a BOM and CR LF line ends, gives the same library', async () => {
    const feed = generateArxivRss(300, 7).replace(/<title>/, '<title>Schrödinger’s 𝔼-model 😀 — ')
    const files = {
      'plain.xml': Buffer.from(feed),
      'bom-crlf.xml': Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(generateArxivRss(300, 8).replace(/\n/g, '\r\n'))
      ])
    }
    const sources: ImportSource[] = [path('arxiv-rss.xml'), path('arxiv-atom.xml')]
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(inThread.dir, name), bytes)
      sources.push({ kind: 'path', path: join(inThread.dir, name) })
    }
    const a = await importSources(inThread.lib, sources, { workerMinBytes: Number.POSITIVE_INFINITY })
    expect(a.rejected).toBe(0)
    for (const chunkBytes of [16, 1001, undefined]) {
      const t = tempLibrary()
      try {
        const b = await importSources(t.lib, sources, { workerMinBytes: 0, chunkBytes })
        expect(b, `chunks of ${chunkBytes ?? 'default'} bytes`).toEqual(a)
        expect(contents(t)).toEqual(contents(inThread))
      } finally {
        t.cleanup()
      }
    }
  })

  it("a big feed that is not plain UTF-8, HTML, or another site's feed: same result and messages as in this thread", async () => {
    const feed = generateArxivRss(200, 3)
    const files: Record<string, Buffer> = {
      // Windows-1252 (an é as one byte, far into the file): decoded whole, with the warning.
      'cp1252.xml': Buffer.concat([
        Buffer.from(feed.slice(0, feed.length - 400)),
        Buffer.from([0xe9]),
        Buffer.from(feed.slice(feed.length - 400))
      ]),
      'page.html': Buffer.from(
        `<!DOCTYPE html>\n<html><head><title>x</title></head><body>${'<p>text</p>'.repeat(500)}</body></html>`
      ),
      'other.xml': Buffer.from(
        feed.replace(/https?:\/\/(?:rss\.)?arxiv\.org\//g, 'https://example.org/').replace(/xmlns:arxiv="[^"]*"/, '')
      ),
      'nul.xml': Buffer.concat([Buffer.from(feed.slice(0, 5000)), Buffer.from([0]), Buffer.from(feed.slice(5000))])
    }
    const sources: ImportSource[] = Object.entries(files).map(([name, bytes]) => {
      writeFileSync(join(inThread.dir, name), bytes)
      return { kind: 'path', path: join(inThread.dir, name) }
    })
    const a = await importSources(inThread.lib, sources, { workerMinBytes: Number.POSITIVE_INFINITY })
    const b = await importSources(inWorker.lib, sources, { workerMinBytes: 0, chunkBytes: 4096 })
    expect(b).toEqual(a)
    expect(a.files.map((f) => f.ok)).toEqual([true, false, false, false])
    expect(a.files[0]!.warnings.join()).toMatch(/decoded as Windows-1252/)
    expect(contents(inWorker)).toEqual(contents(inThread))
  })

  it("a file that changes between this thread's hash and the worker's read is refused", async () => {
    const hashed = join(inWorker.dir, 'hashed.xml')
    const read = join(inWorker.dir, 'read.xml')
    writeFileSync(hashed, generateArxivRss(50, 1))
    writeFileSync(read, generateArxivRss(50, 2))
    // This thread hashes through the descriptor; the worker opens the path, which now holds other bytes.
    const fd = openSync(hashed, 'r')
    const reader = readDigestFile(read, fd, { fileName: 'read.xml', workerMinBytes: 0 })
    closeSync(fd)
    try {
      expect((await reader.open()).format).toBe('arxiv-rss')
      let papers = 0
      expect(() => reader.parse({ fileName: 'read.xml' }, () => (papers += 1))).toThrow(
        /changed while it was being imported/
      )
      expect(papers).toBe(50)
    } finally {
      reader.close()
    }
  })

  // Linux lists a process's open files in /proc (CI runs there); elsewhere this test cannot look.
  it.runIf(existsSync('/proc/self/fd'))(
    'a worker stopped in the middle of a file (already imported, say) closes the file it was reading',
    async () => {
      const feed = join(inWorker.dir, 'stopped.xml')
      writeFileSync(feed, generateArxivRss(3_000, 11))
      const readers = (): number =>
        readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`) === feed
          } catch {
            return false
          }
        }).length
      for (let i = 0; i < 3; i++) {
        const fd = openSync(feed, 'r')
        const reader = readDigestFile(feed, fd, { fileName: 'stopped.xml', workerMinBytes: 0, chunkBytes: 1024 })
        closeSync(fd)
        expect((await reader.open()).format).toBe('arxiv-rss') // the worker is now reading the file, piece by piece
        await new Promise((r) => setTimeout(r, 100))
        expect(readers()).toBe(1)
        // As when this thread finds the file's hash in the library: the worker is ended, and Node closes
        // the descriptors a worker opened (Worker's trackUnmanagedFds).
        reader.close()
        for (let waited = 0; readers() > 0 && waited < 1500; waited += 50) await new Promise((r) => setTimeout(r, 50))
        expect(readers()).toBe(0)
      }
    }
  )

  it('dropped bytes (not read from a path) go through the worker too', async () => {
    copyFileSync(fixture('arxiv-rss.xml'), join(inWorker.dir, 'copy.xml'))
    const bytes = readFileSync(join(inWorker.dir, 'copy.xml'))
    const r = await importSources(inWorker.lib, [{ kind: 'bytes', name: 'dropped.xml', bytes }], { workerMinBytes: 0 })
    expect(r.files[0]).toMatchObject({ ok: true, format: 'arxiv-rss', added: 4 })
  })
})
