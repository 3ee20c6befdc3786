/** Benchmark results: the shape, percentiles, and the tables in docs/performance.md. */
import { readFileSync, writeFileSync } from 'node:fs'

export interface Result {
  group: 'import' | 'library' | 'ui' | 'ranking'
  /** Stable name of the measure, to set the library sizes side by side. */
  key?: string
  name: string
  value: number
  unit: string
  target?: number
  pass?: boolean
}

export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

/** Run fn `runs` times (after `warm` warm-up runs); returns per-run milliseconds. */
export function sample(fn: () => unknown, runs: number, warm = 3): number[] {
  for (let i = 0; i < warm; i++) fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    out.push(performance.now() - t)
  }
  return out
}

const fmt = (r: Result): string => {
  // (NaN is stored in results.json as null.)
  if (r.value === null || Number.isNaN(r.value)) return '—'
  const v =
    r.unit === '×' ? r.value.toFixed(3) : r.value < 10 ? r.value.toFixed(2) : Math.round(r.value).toLocaleString('en')
  return `${v} ${r.unit}`.trim()
}
const fmtTarget = (r: Result): string =>
  r.target === undefined ? '' : r.unit === '×' ? `< ${r.target.toFixed(3)}` : `< ${r.target} ${r.unit}`

export interface Run {
  measuredAt: string
  node: string
  cpus: number
  /** Papers in the library the library and ui parts measured. */
  papers: number
  results: Result[]
}

const when = (r: Run): string => `${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC`
const met = (r: Result | undefined): string => (r?.pass === undefined ? '' : r.pass ? 'yes' : '**no**')

/** The import and interface table, then the library measured at each size side by side. */
export function renderTables(base: Run, others: Run[]): string {
  const sizes = [base, ...others].sort((a, b) => a.papers - b.papers)
  const lines = [
    `Node ${base.node}, ${base.cpus} cores, a shared machine (see Method). \`npm run bench\` (${when(base)}; ` +
      `${others.map((o) => `\`--papers ${o.papers}\` ${when(o)}`).join('; ') || 'no other size measured yet'}).`,
    '',
    '| part | measure | result | target | met |',
    '|---|---|---|---|---|',
    ...base.results
      .filter((r) => r.group === 'import')
      .map((r) => `| ${r.group} | ${r.name} | ${fmt(r)} | ${fmtTarget(r)} | ${met(r)} |`),
    '',
    `| part | measure | ${sizes.map((s) => `${s.papers.toLocaleString('en')} papers`).join(' | ')} | target | met |`,
    `|---|---|${sizes.map(() => '---|').join('')}---|---|`
  ]
  for (const group of ['ui', 'library'] as const) {
    const keyOf = (r: Result): string => r.key ?? r.name
    const keys: string[] = []
    for (const s of sizes)
      for (const r of s.results) if (r.group === group && !keys.includes(keyOf(r))) keys.push(keyOf(r))
    for (const key of keys) {
      const cells = sizes.map((s) => s.results.find((r) => r.group === group && keyOf(r) === key))
      // The name as measured on the biggest library (its counts: digests, papers changed).
      const named = [...cells].reverse().find((c) => c)!
      const target = cells.find((c) => c?.target !== undefined)
      lines.push(
        `| ${group} | ${named.name} | ${cells.map((c) => (c ? fmt(c) : '—')).join(' | ')} | ${target ? fmtTarget(target) : ''} | ${
          target ? cells.map((c) => met(c) || '—').join(' / ') : ''
        } |`
      )
    }
  }
  return lines.join('\n')
}

/** Put the tables between the bench markers of `file` (docs/performance.md). */
export function updateDoc(file: string, table: string): void {
  const text = readFileSync(file, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`${file} has no bench markers (${start} … ${end})`)
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`)
}
