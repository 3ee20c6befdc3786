/**
 * Unusual libraries at every door (library code, the real `folio` command, the browser host):
 * read-only file or folder, a full disk during an import, a damaged library, a library from a
 * newer Folio, a path with spaces and Unicode. Always a clear error, never a partial write.
 */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost } from '../../src/main/host/server'
import { importSources } from '../../src/main/import/import-files'
import { openLibrary } from '../../src/main/library/index'
import { SCHEMA_VERSION } from '../../src/main/library/migrations'
import { folio } from '../helpers/cli'
import { breakHeader, folioUnprivileged, isRoot, openUp } from '../helpers/damage'
import { generateArxivRss } from '../helpers/generate'
import { contents, integrity } from '../helpers/snapshot'
import { fixture, tempDir } from '../helpers/temp'

const HF = fixture('hf-trending-jun6.txt')
const JSON_DIGEST = fixture('hf-daily-papers.json')

describe('unusual libraries', () => {
  let t: ReturnType<typeof tempDir>
  let seeded: string
  let bigFeed: string
  beforeAll(() => {
    t = tempDir()
    openUp(t.dir, 0o755)
    seeded = join(t.dir, 'seeded.sqlite')
    expect(folio(['import', HF, '--library', seeded]).status).toBe(0)
    expect(folio(['note', 'Generative Marginalization Models', '--set', 'keep me', '--library', seeded]).status).toBe(0)
    new Database(seeded).pragma('wal_checkpoint(TRUNCATE)')
    bigFeed = join(t.dir, 'big.xml')
    writeFileSync(bigFeed, generateArxivRss(3_000, 11))
  })
  afterAll(() => t.cleanup())

  /** A copy of the seeded library in its own folder. */
  function copyOf(name: string, folder = name): string {
    const dir = join(t.dir, folder)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'library.sqlite')
    copyFileSync(seeded, file)
    return file
  }

  describe('read-only', () => {
    it('a read-only library file: every command refuses clearly; nothing is written', () => {
      const file = copyOf('ro-file')
      openUp(join(t.dir, 'ro-file'))
      chmodSync(file, 0o444)
      const before = contents(file)
      const files = readdirSync(join(t.dir, 'ro-file')).sort()
      for (const args of [['list'], ['import', JSON_DIGEST], ['status', 'Generative Marginalization Models', 'read']]) {
        const r = folioUnprivileged([...args, '--library', file])
        expect(r.status, args.join(' ')).toBe(1)
        expect(r.stderr).toMatch(/^folio: The library .*library\.sqlite is read-only: .*Nothing was changed/)
        expect(r.stderr.trim().split('\n')).toHaveLength(1)
      }
      expect(contents(file)).toEqual(before)
      expect(readdirSync(join(t.dir, 'ro-file')).sort()).toEqual(files) // nothing created next to it
    })

    it('a read-only folder: refused clearly (SQLite could not write its -wal/-shm there)', () => {
      const file = copyOf('ro-folder')
      chmodSync(file, 0o666)
      openUp(join(t.dir, 'ro-folder'), 0o555)
      try {
        const before = contents(file)
        const r = folioUnprivileged(['import', JSON_DIGEST, '--library', file])
        expect(r.status).toBe(1)
        expect(r.stderr).toMatch(/is read-only: Folio needs to write to the file and its folder/)
        expect(contents(file)).toEqual(before)
        // and a new library in a read-only folder
        const fresh = folioUnprivileged(['list', '--library', join(t.dir, 'ro-folder', 'new.sqlite')])
        expect(fresh.status).toBe(1)
        expect(fresh.stderr).toMatch(/read-only|cannot open/)
        expect(existsSync(join(t.dir, 'ro-folder', 'new.sqlite'))).toBe(false)
      } finally {
        chmodSync(join(t.dir, 'ro-folder'), 0o755)
      }
    })
  })

  describe('disk full during an import', () => {
    it('SQLite runs out of pages: "disk is full", nothing written, the library intact', async () => {
      const file = copyOf('full-pages')
      const before = contents(file)
      const lib = openLibrary(file)
      try {
        const pages = lib.db.pragma('page_count', { simple: true }) as number
        lib.db.pragma(`max_page_count = ${pages + 40}`) // room for a few papers, not for 3,000
        const report = await importSources(lib, [{ kind: 'path', path: bigFeed }])
        expect(report.rejected).toBe(1)
        expect(report.files[0]!.error).toMatch(/big\.xml: not imported: the disk is full: nothing was written/)
        expect(report.added).toBe(0)
      } finally {
        lib.close()
      }
      expect(integrity(file)).toBe('ok')
      expect(contents(file)).toEqual(before)
      // with room again, the same import goes through
      const again = folio(['import', bigFeed, '--library', file])
      expect(again.status).toBe(0)
      expect(again.stdout).toMatch(/3000 added/)
    })

    it('a real full disk (a 3 MB tmpfs): the CLI says so, the library is intact', (ctx) => {
      const mnt = join(t.dir, 'tiny-disk')
      mkdirSync(mnt)
      const mount = isRoot() ? spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt]) : null
      if (!mount || mount.status !== 0) {
        ctx.skip(
          `cannot mount a tmpfs here (${isRoot() ? mount?.stderr.toString().trim() : 'not root'}); the max_page_count test covers SQLITE_FULL`
        )
        return
      }
      try {
        const file = join(mnt, 'library.sqlite')
        expect(folio(['import', HF, '--library', file]).status).toBe(0)
        const before = contents(file)
        const r = folio(['import', bigFeed, '--library', file])
        expect(r.status).toBe(1)
        expect(r.stdout + r.stderr).toMatch(/big\.xml: not imported: the disk is full: nothing was written/)
        expect(integrity(file)).toBe('ok')
        expect(contents(file)).toEqual(before)
        // still usable: a small write works once the failed import is gone
        const small = folio(['status', 'Generative Marginalization Models', 'read', '--library', file])
        expect(small.stderr).toBe('')
        expect(small.status).toBe(0)
        // a command's write that does not fit: the same words as the app and the host, not SQLite's
        const editor = join(t.dir, 'big-note-editor.sh')
        writeFileSync(editor, `#!/bin/sh\nhead -c 5000000 /dev/zero | tr '\\0' x > "$1"\n`, { mode: 0o755 })
        const note = folio(['note', 'Generative Marginalization Models', '--edit', '--library', file], {
          VISUAL: editor
        })
        expect(note.status).toBe(1)
        expect(note.stderr).toBe('folio: the disk is full: nothing was written; free some space and try again\n')
        expect(integrity(file)).toBe('ok')
      } finally {
        spawnSync('umount', [mnt])
      }
    })
  })

  describe('damaged and newer libraries at the CLI and the host', () => {
    it('CLI: a damaged library is moved aside, the command runs on a fresh one and says where it went', () => {
      const file = copyOf('cli-damaged')
      breakHeader(file)
      const r = folio(['list', '--library', file])
      expect(r.status).toBe(0)
      expect(r.stderr).toMatch(
        /could not be read: file is not a database\..*moved to .*library\.damaged-.*\.sqlite \(it is kept, not deleted\)/s
      )
      expect(readdirSync(join(t.dir, 'cli-damaged')).some((n) => /^library\.damaged-.*\.sqlite$/.test(n))).toBe(true)
    })

    it('host: a damaged library is reported and replaced; the host serves the fresh one', async () => {
      const file = copyOf('host-damaged')
      breakHeader(file)
      const rendererDir = join(t.dir, 'renderer')
      mkdirSync(rendererDir, { recursive: true })
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
      const host = await startHost({ libraryPath: file, rendererDir })
      try {
        expect(host.recovery?.movedTo).toMatch(/library\.damaged-.*\.sqlite$/)
        expect(host.library.db.prepare('SELECT count(*) FROM papers').pluck().get()).toBe(0)
      } finally {
        await host.close()
      }
    })

    it('CLI and host refuse a newer library, unchanged', async () => {
      const file = copyOf('newer')
      const raw = new Database(file)
      raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
      raw.close()
      const before = contents(file)
      const r = folio(['import', JSON_DIGEST, '--library', file])
      expect(r.status).toBe(1)
      expect(r.stderr).toMatch(/newer version of Folio.*not changed/)
      await expect(startHost({ libraryPath: file, rendererDir: join(t.dir, 'renderer') })).rejects.toMatchObject({
        code: 'newer-library'
      })
      expect(contents(file)).toEqual(before)
    })
  })

  it('a library on a path with spaces and Unicode works through the CLI', () => {
    const file = join(t.dir, 'Mes données', 'Ünïcødé 論文 📚', 'my library.sqlite')
    expect(folio(['import', HF, '--library', file]).status).toBe(0)
    expect(folio(['note', 'Generative Marginalization Models', '--set', 'ça marche', '--library', file]).status).toBe(0)
    expect(folio(['note', 'Generative Marginalization Models', '--library', file]).stdout.trim()).toBe('ça marche')
    expect(integrity(file)).toBe('ok')
  })
})
