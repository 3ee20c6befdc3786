/** Benchmark results: the shape, percentiles, and the README table. */
import { readFileSync, writeFileSync } from 'node:fs'

export interface Result {
  group: 'import' | 'library' | 'ui' | 'ranking'
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
  if (Number.isNaN(r.value)) return '—'
  const v = r.unit === '×' ? r.value.toFixed(3) : r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0)
  return `${v} ${r.unit}`.trim()
}
const fmtTarget = (r: Result): string =>
  r.target === undefined ? '' : r.unit === '×' ? `< ${r.target.toFixed(3)}` : `< ${r.target} ${r.unit}`

export function renderTable(results: Result[], meta: { measuredAt: string; node: string; cpus: number }): string {
  const rows = results.map(
    (r) =>
      `| ${r.group} | ${r.name} | ${fmt(r)} | ${fmtTarget(r)} | ${r.pass === undefined ? '' : r.pass ? 'yes' : '**no**'} |`
  )
  return [
    `Measured ${meta.measuredAt.slice(0, 16).replace('T', ' ')} UTC, Node ${meta.node}, ${meta.cpus} cores (\`npm run bench\`).`,
    '',
    '| part | measure | result | target | met |',
    '|---|---|---|---|---|',
    ...rows
  ].join('\n')
}

export function updateReadme(readme: string, table: string): void {
  const text = readFileSync(readme, 'utf8')
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) return
  writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`)
}
