/**
 * "One library, many doors": everything the CLI, the browser host and the tests run must be plain
 * Node. Only the thin Electron shell (and the sandboxed preload) may import electron.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { methodNames } from '../../src/preload/api'
import { METHOD_NAMES } from '../../src/preload/values'

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

  it('the renderer and the preload do not carry the contract\'s validator: no run-time import path from them reaches zod', () => {
    // Follow every import that survives compilation (not `import type`) from the renderer's entry.
    const runtimeImports = (source: string): string[] => [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!) // lazy chunks
    ]
    const resolveFile = (from: string, spec: string): string | null => {
      if (!spec.startsWith('.')) return null
      const base = resolve(dirname(from), spec)
      for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
        try {
          if (statSync(candidate).isFile()) return candidate
        } catch {
          /* next */
        }
      }
      throw new Error(`${relative(ROOT, from)}: cannot resolve ${spec}`)
    }
    const seen = new Set<string>()
    const packages = new Set<string>()
    const visit = (file: string, chain: string[]): void => {
      if (seen.has(file)) return
      seen.add(file)
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        const next = resolveFile(file, spec)
        if (next) visit(next, [...chain, relative(ROOT, next)])
        else if (spec === 'zod' || spec.startsWith('zod/')) packages.add(`zod via ${chain.join(' -> ')}`)
      }
    }
    visit(join(ROOT, 'src', 'renderer', 'src', 'main.tsx'), ['src/renderer/src/main.tsx'])
    expect(seen.size).toBeGreaterThan(30)
    expect(seen.has(join(ROOT, 'src', 'preload', 'values.ts'))).toBe(true)
    // Nor does the Electron preload (main validates every call; the preload needs the names only).
    const rendererFiles = seen.size
    visit(join(ROOT, 'src', 'preload', 'index.ts'), ['src/preload/index.ts'])
    expect(seen.size).toBeGreaterThan(rendererFiles)
    expect([...packages]).toEqual([])
    // …and its list of method names is the contract's, exactly.
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort())
  })
})
