/**
 * "One library, many doors": everything the CLI, the browser host and the tests run must be plain
 * Node. Only the thin Electron shell (src/main/shell/) and the sandboxed preload's entry import electron.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { methodNames } from '../../src/shared/contract'
import { METHOD_NAMES } from '../../src/shared/values'

const ROOT = join(__dirname, '..', '..')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|mts|mjs|js|cjs)$/.test(name) ? [path] : []
  })
}

const importsElectron = (source: string): boolean =>
  /from\s+['"]electron(?:\/[^'"]*)?['"]|require\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)|import\(\s*['"]electron(?:\/[^'"]*)?['"]\s*\)/.test(
    source
  )

/** The one rule: Electron's modules are imported by the shell (src/main/shell/) and the preload entry only. */
const mayImportElectron = (rel: string): boolean => rel.startsWith('src/main/shell/') || rel === 'src/preload/index.ts'

describe('architecture', () => {
  it('only src/main/shell/ and src/preload/index.ts import electron', () => {
    const all = files(join(ROOT, 'src')).map((f) => relative(ROOT, f))
    const importing = all.filter((rel) => importsElectron(readFileSync(join(ROOT, rel), 'utf8')))
    expect(importing.filter((rel) => !mayImportElectron(rel))).toEqual([])
    // The rule is not vacuous: the shell and the preload really are where electron is imported.
    expect(importing).toContain('src/preload/index.ts')
    expect(importing.filter((rel) => rel.startsWith('src/main/shell/')).length).toBeGreaterThan(5)
  })

  it('src/preload/ holds only the preload entry; what every layer shares lives in src/shared/', () => {
    expect(readdirSync(join(ROOT, 'src', 'preload'))).toEqual(['index.ts'])
    // src/shared/ is imported by main, preload and renderer: it uses neither Node's modules nor the DOM's globals.
    for (const f of files(join(ROOT, 'src', 'shared'))) {
      expect(readFileSync(f, 'utf8'), relative(ROOT, f)).not.toMatch(/from\s+['"]node:|require\(/)
    }
  })

  it("the renderer and the preload do not carry the contract's validator: no run-time import path from them reaches zod", () => {
    // Follow every import that survives compilation (not `import type`) from the renderer's entry.
    const runtimeImports = (source: string): string[] => [
      ...[...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map(
        (m) => m[1]!
      ),
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
    expect(seen.has(join(ROOT, 'src', 'shared', 'values.ts'))).toBe(true)
    // Nor does the Electron preload (main validates every call; the preload needs the names only).
    const rendererFiles = seen.size
    visit(join(ROOT, 'src', 'preload', 'index.ts'), ['src/preload/index.ts'])
    expect(seen.size).toBeGreaterThan(rendererFiles)
    expect([...packages]).toEqual([])
    // …and its list of method names is the contract's, exactly.
    expect([...METHOD_NAMES].sort()).toEqual([...methodNames].sort())
  })
})
