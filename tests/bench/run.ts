/**
 * `npm run bench`: Folio's speed targets, measured (never asserted in tests).
 *   import   — a 20,000-item arXiv RSS file (~36 MB) into a fresh library with the CLI, against
 *              newsboat loading the same file as an `exec:cat FILE` feed; peak memory of the CLI.
 *   library  — queries in-process on a generated library of 100,000 papers in 1,500 digests.
 *   ui       — the real renderer in Chromium against the browser host on that library.
 *   ranking  — For you: precision@30 against a TF-IDF centroid, and its timings at 100,000 and
 *              1,000,000 papers (tests/bench/ranking.ts).
 * Run one part with `npm run bench -- import` (or library, ui; `render` writes the tables again). `--papers N` measures the library
 * (and ui) parts on N papers (`npm run bench -- library --papers 1000000`; default 100,000), and
 * `--from FILE` copies a library generated earlier at that size instead of generating one.
 * Results go to tests/bench/results.json (100,000 papers) or results-<N>.json, and the tables
 * between the bench markers in docs/performance.md (never the README).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { generateArxivRss } from '../helpers/generate'
import { ensureBuiltCli, FOLIO } from './import-into-full'
import { BENCH_PAPERS, benchLibrary } from './library'
import { benchRankingQuality, benchRankingSpeed } from './ranking'
import { benchUi } from './ui'
import type { Result, Run } from './report'
import { renderTables, updateDoc } from './report'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..')
const DOC = join(ROOT, 'docs', 'performance.md')

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
  ensureBuiltCli()
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

const resultsFile = (papers: number): string =>
  join(HERE, papers === BENCH_PAPERS ? 'results.json' : `results-${papers}.json`)

function readRun(file: string): Run | null {
  if (!existsSync(file)) return null
  const run = JSON.parse(readFileSync(file, 'utf8')) as Run
  return { ...run, papers: run.papers ?? BENCH_PAPERS }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { papers: { type: 'string' }, from: { type: 'string' } },
    allowPositionals: true
  })
  const only = positionals[0]
  const papers = values.papers === undefined ? BENCH_PAPERS : Number(values.papers.replace(/[_,]/g, ''))
  if (!Number.isInteger(papers) || papers < 1_000)
    throw new Error(`--papers needs a number of papers (1000 or more), not "${values.papers}"`)
  if (papers !== BENCH_PAPERS && (!only || only === 'import' || only === 'render'))
    throw new Error('--papers applies to the library and ui parts: npm run bench -- library --papers N')
  const file = resultsFile(papers)
  const previous = readRun(file)?.results ?? []
  const fresh: Result[] = []
  // `npm run bench -- render`: only write the tables again from the stored results.
  const run = (part: string): boolean => only !== 'render' && (!only || only === part)
  const shared = run('library') || run('ui') ? mkdtempSync(join(tmpdir(), 'folio-bench-lib-')) : null
  try {
    if (run('import')) fresh.push(...benchImport(5))
    if (shared && (run('library') || run('ui'))) {
      const libPath = join(shared, 'library.sqlite')
      if (run('library')) fresh.push(...(await benchLibrary(libPath, { papers, from: values.from })))
      if (run('ui')) fresh.push(...(await benchUi(libPath, { papers, from: values.from })))
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
    cpus: (await import('node:os')).cpus().length,
    papers
  }
  if (fresh.length) writeFileSync(file, `${JSON.stringify({ ...meta, results }, null, 2)}\n`)
  const base = readRun(resultsFile(BENCH_PAPERS))
  const others = readdirSync(HERE)
    .filter((f) => /^results-\d+\.json$/.test(f))
    .map((f) => readRun(join(HERE, f))!)
  const table = renderTables(base ?? { ...meta, results: [] }, others)
  console.log(table)
  updateDoc(DOC, table)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
