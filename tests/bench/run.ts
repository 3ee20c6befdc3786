/**
 * `npm run bench`: Folio's speed targets, measured (never asserted in tests).
 *   import   — a 20,000-item arXiv RSS file (~36 MB) into a fresh library with the CLI, against
 *              newsboat loading the same file as an `exec:cat FILE` feed; peak memory of the CLI.
 *   library  — queries in-process on a generated library of 100,000 papers in 1,500 digests.
 *   ui       — the real renderer in Chromium against the browser host on that library.
 *   ranking  — For you: precision@30 against a TF-IDF centroid, and its timings at 100,000 and
 *              1,000,000 papers (tests/bench/ranking.ts).
 * Results go to tests/bench/results.json and the table between the bench markers in README.md.
 * Run one part with `npm run bench -- import` (or library, ui).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshBuild } from '../../src/main/build-freshness.mjs'
import { generateArxivRss } from '../helpers/generate'
import { benchLibrary } from './library'
import { benchRankingQuality, benchRankingSpeed } from './ranking'
import { benchUi } from './ui'
import type { Result } from './report'
import { renderTable, updateReadme } from './report'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..')
const FOLIO = join(ROOT, 'src', 'main', 'cli', 'folio.mjs')

function timed(
  cmd: string,
  args: string[],
  cwd?: string
): { seconds: number; peakKb: number; status: number | null; out: string } {
  // GNU time gives wall time and peak RSS of the child.
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  const last = r.stderr.trim().split('\n').pop() ?? ''
  const [s, kb] = last.split(' ')
  return { seconds: Number(s), peakKb: Number(kb), status: r.status, out: r.stdout + r.stderr }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function benchImport(runs: number): Result[] {
  if (!existsSync('/usr/bin/time')) throw new Error('the import benchmark needs GNU time (apt-get install time)')
  // The folio bin runs the TypeScript source through tsx when the bundle is older than any source
  // file: that would time tsx, not Folio. Build first so the bundle users run is what is measured.
  if (!freshBuild('cli.js') || !freshBuild('parse-worker.js')) {
    console.error('bench: the built CLI is stale; building it (electron-vite build)…')
    const b = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    if (b.status !== 0 || !freshBuild('cli.js')) throw new Error('bench: electron-vite build failed')
  }
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-'))
  try {
    const feed = join(dir, 'cs.LG-20000.xml')
    writeFileSync(feed, generateArxivRss(20_000, 1))
    const mb = statSync(feed).size / 1024 / 1024
    const newsboat = spawnSync('sh', ['-c', 'command -v newsboat']).status === 0
    // Folio and newsboat runs alternate, so a change in the machine's load during the benchmark (it is
    // often shared) weighs on both alike instead of on whichever ran during it.
    const folio: { seconds: number; peakKb: number }[] = []
    const nb: number[] = []
    for (let i = 0; i < runs; i++) {
      const lib = join(dir, `lib-${i}.sqlite`)
      const r = timed(process.execPath, [FOLIO, 'import', feed, '--library', lib])
      if (r.status !== 0 || !/20000 added/.test(r.out)) throw new Error(`folio import failed: ${r.out}`)
      folio.push(r)
      if (newsboat) {
        const nbDir = join(dir, `newsboat-${i}`)
        spawnSync('mkdir', ['-p', nbDir])
        writeFileSync(join(nbDir, 'urls'), `"exec:cat ${feed}"\n`)
        writeFileSync(join(nbDir, 'config'), 'auto-reload no\n')
        const n = timed('newsboat', ['-u', 'urls', '-c', 'cache.db', '-C', 'config', '-x', 'reload'], nbDir)
        if (n.status !== 0) throw new Error(`newsboat failed: ${n.out}`)
        nb.push(n.seconds)
      }
    }
    const results: Result[] = []
    const folioS = median(folio.map((r) => r.seconds))
    const peakMb = Math.max(...folio.map((r) => r.peakKb)) / 1024
    results.push({
      group: 'import',
      name: `folio import, 20,000-item arXiv RSS (${mb.toFixed(0)} MB), fresh library incl. FTS`,
      value: folioS,
      unit: 's'
    })
    results.push({
      group: 'import',
      name: 'peak memory of the CLI during that import',
      value: peakMb,
      unit: 'MB',
      target: 400,
      pass: peakMb < 400
    })
    if (newsboat) {
      const nbS = median(nb)
      results.push({
        group: 'import',
        name: 'newsboat 2.x loading the same file (exec:cat FILE) into its cache',
        value: nbS,
        unit: 's'
      })
      const ratio = folioS / nbS
      results.push({
        group: 'import',
        name: 'ratio folio / newsboat (target < 1/3)',
        value: ratio,
        unit: '×',
        target: 1 / 3,
        pass: ratio < 1 / 3
      })
    } else {
      results.push({
        group: 'import',
        name: 'newsboat not installed (apt-get install newsboat): ratio not measured',
        value: Number.NaN,
        unit: ''
      })
    }
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const only = process.argv[2]
  const file = join(HERE, 'results.json')
  const previous: Result[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { results: Result[] }).results
    : []
  const fresh: Result[] = []
  const run = (part: string): boolean => !only || only === part
  const shared = run('library') || run('ui') ? mkdtempSync(join(tmpdir(), 'folio-bench-lib-')) : null
  try {
    if (run('import')) fresh.push(...benchImport(5))
    if (shared && (run('library') || run('ui'))) {
      const libPath = join(shared, 'library.sqlite')
      if (run('library')) fresh.push(...(await benchLibrary(libPath)))
      if (run('ui')) fresh.push(...(await benchUi(libPath)))
    }
    if (run('ranking')) {
      fresh.push(...benchRankingQuality())
      const sizes = (process.env.FOLIO_BENCH_RANKING_SIZES ?? '100000,1000000').split(',').map(Number)
      for (const size of sizes) {
        const dir = mkdtempSync(join(tmpdir(), 'folio-bench-rank-'))
        try {
          fresh.push(...(await benchRankingSpeed(dir, size)))
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
    }
  } finally {
    if (shared) rmSync(shared, { recursive: true, force: true })
  }
  const groups = new Set(fresh.map((r) => r.group))
  const results = [...previous.filter((r) => !groups.has(r.group)), ...fresh]
  const meta = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length
  }
  writeFileSync(file, `${JSON.stringify({ ...meta, results }, null, 2)}\n`)
  const table = renderTable(results, meta)
  console.log(table)
  updateReadme(join(ROOT, 'README.md'), table)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
