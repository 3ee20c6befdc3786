/**
 * A big arXiv feed is imported in pieces (the parse worker reads it 64 KB at a time and never holds
 * it whole), so the `folio import` process's peak memory does not follow the file's size. Measured
 * as the peak resident size (maxRSS) of the real CLI process, on a 20 MB and an 80 MB feed.
 */
import { spawnSync } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FOLIO_BIN } from '../helpers/cli'
import { generateArxivRss } from '../helpers/generate'
import { tempDir } from '../helpers/temp'

/** Runs `folio import <file>` in a child process; its output and peak resident size in MB. */
function importPeakMb(file: string, library: string): { mb: number; out: string } {
  // The bin runs main(process.argv.slice(2)) at its top level: once its import resolves, the command
  // has finished. (After `--`, the bin's path stands where a script's path would be in process.argv.)
  const script = `await import(${JSON.stringify(pathToFileURL(FOLIO_BIN).href)});
process.on('exit', () => process.stderr.write('maxrss ' + process.resourceUsage().maxRSS + '\\n'))`
  const r = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', script, '--', FOLIO_BIN, 'import', file, '--library', library],
    {
      encoding: 'utf8',
      timeout: 120_000
    }
  )
  const kb = /maxrss (\d+)/.exec(r.stderr)
  if (r.status !== 0 || !kb) throw new Error(`folio import failed: ${r.stdout}${r.stderr}`)
  return { mb: Number(kb[1]) / 1024, out: r.stdout }
}

describe('importing a big feed', () => {
  let t: ReturnType<typeof tempDir>
  beforeAll(() => (t = tempDir()))
  afterAll(() => t.cleanup())

  it("takes memory that does not follow the file's size", () => {
    const sizes = [10_000, 40_000].map((n) => {
      const file = join(t.dir, `feed-${n}.xml`)
      writeFileSync(file, generateArxivRss(n, 3))
      const { mb, out } = importPeakMb(file, join(t.dir, `library-${n}.sqlite`))
      expect(out).toMatch(new RegExp(`${n} papers, ${n} added`))
      return { fileMb: statSync(file).size / 1024 / 1024, peakMb: mb }
    })
    const [small, big] = sizes as [(typeof sizes)[0], (typeof sizes)[0]]
    expect(big.fileMb - small.fileMb).toBeGreaterThan(55) // ~20 MB and ~80 MB
    // Holding the file (bytes, then text) would add well over the file's own growth; ~25 MB here.
    expect(big.peakMb - small.peakMb, JSON.stringify(sizes)).toBeLessThan((big.fileMb - small.fileMb) / 2)
  }, 180_000)
})
