/**
 * "One library, many doors": everything the CLI, the browser host and the tests run must be plain
 * Node. Only the thin Electron shell (and the sandboxed preload) may import electron.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
/** Top-level files of src/main that are plain Node too (the rest of the top level is the Electron shell). */
const PLAIN_TOP = new Set(['handlers.ts', 'settings.ts', 'safe-url.ts', 'build-freshness.mjs'])

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : []
  })
}

const importsElectron = (source: string): boolean => /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(source)

describe('architecture', () => {
  it('library, parsers, import, export, backup, CLI, host, handlers and settings never import electron', () => {
    // Every subfolder (library, digests, import, export, backup, cli, host…) and the plain top-level files.
    const plain = files(join(ROOT, 'src', 'main')).filter((f) => {
      const rel = relative(join(ROOT, 'src', 'main'), f)
      return rel.includes('/') || PLAIN_TOP.has(rel)
    })
    expect(plain.length).toBeGreaterThan(40)
    const offenders = plain.filter((f) => importsElectron(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))
    expect(offenders).toEqual([])
  })

  it('the contract and the renderer never import electron; only the preload does', () => {
    const preload = files(join(ROOT, 'src', 'preload'))
    const withElectron = preload.filter((f) => importsElectron(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))
    expect(withElectron).toEqual(['src/preload/index.ts'])
    const renderer = files(join(ROOT, 'src', 'renderer')).filter((f) => importsElectron(readFileSync(f, 'utf8')))
    expect(renderer).toEqual([])
  })
})
