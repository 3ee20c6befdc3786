/**
 * Importing a 20,000-item feed into the full benchmark library against importing it into an empty
 * one (target: within 2×), with the built `folio` CLI, one after the other under the same load.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshBuild } from '../../src/main/build-freshness.mjs'
import { SEAL_SUFFIX } from '../../src/main/library/check-seal'
import { openLibrarySafely } from '../../src/main/library/open-safely'
import { generateArxivRss } from '../helpers/generate'
import type { Result } from './report'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const FOLIO = join(ROOT, 'src', 'main', 'cli', 'folio.mjs')

/**
 * The folio bin runs the TypeScript source through tsx when the bundle is older than any source
 * file: that would time tsx, not Folio. Build first so the bundle users run is what is measured.
 */
export function ensureBuiltCli(): void {
  if (freshBuild('cli.js') && freshBuild('parse-worker.js')) return
  console.error('bench: the built CLI is stale; building it (electron-vite build)…')
  const b = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (b.status !== 0 || !freshBuild('cli.js')) throw new Error('bench: electron-vite build failed')
}

function importSeconds(feed: string, library: string): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, [FOLIO, 'import', feed, '--library', library], { encoding: 'utf8' })
  const s = (performance.now() - t) / 1000
  if (r.status !== 0 || !/20000 added/.test(r.stdout + r.stderr))
    throw new Error(`folio import failed: ${r.stdout}${r.stderr}`)
  return s
}

export function benchImportIntoFull(libraryPath: string, papers: number): Result[] {
  ensureBuiltCli()
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-full-'))
  try {
    // Papers the library does not have yet (the generator's ids continue after its own).
    const feed = join(dir, 'new-20000.xml')
    writeFileSync(feed, generateArxivRss(20_000, 7, papers))
    const empty = importSeconds(feed, join(dir, 'empty.sqlite'))
    // The library as its user has it: last closed by Folio knowing it healthy (the app's background
    // check, or the previous folio command), so sealed (check-seal.ts). Untimed: yesterday's session.
    openLibrarySafely(libraryPath).library.close()
    const full = importSeconds(feed, libraryPath)
    const ratio = full / empty
    // The first write after another program touched the file: the full check runs first.
    rmSync(libraryPath + SEAL_SUFFIX, { force: true })
    const feed2 = join(dir, 'new-20000-b.xml')
    writeFileSync(feed2, generateArxivRss(20_000, 8, papers + 20_000))
    const unsealed = importSeconds(feed2, libraryPath)
    return [
      {
        group: 'library',
        key: 'import-empty',
        name: 'folio import of a 20,000-item feed into an empty library',
        value: empty,
        unit: 's'
      },
      {
        group: 'library',
        key: 'import-full',
        name: '… the same feed into this library, as Folio last closed it (sealed: no full check)',
        value: full,
        unit: 's'
      },
      {
        group: 'library',
        key: 'import-ratio',
        name: 'ratio full / empty (target within 2×)',
        value: ratio,
        unit: '×',
        target: 2,
        pass: ratio < 2
      },
      {
        group: 'library',
        key: 'import-full-unsealed',
        name: '… a second such feed after another program touched the file (the full check runs first)',
        value: unsealed,
        unit: 's'
      }
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
