/**
 * The renderer store's rule (src/renderer/src/store/): one zustand store of typed slices, and each
 * slice writes only the state it declares; what it does to another slice's state goes through that
 * slice's actions. Outside the store, nothing writes the store's state directly (useStore.setState).
 * Read from the source with the TypeScript parser: a write to another slice's field is refused here
 * whether or not a test happens to run that path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '..', '..')
const RENDERER = join(ROOT, 'src', 'renderer', 'src')
const STORE = join(RENDERER, 'store')

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node)
  node.forEachChild((child) => walk(child, visit))
}

const parse = (path: string): ts.SourceFile =>
  ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)

/** The state fields (not the actions) of the `…Slice` interfaces a file declares. */
function declaredState(file: ts.SourceFile): Set<string> {
  const fields = new Set<string>()
  walk(file, (n) => {
    if (!ts.isInterfaceDeclaration(n) || !n.name.text.endsWith('Slice')) return
    for (const m of n.members) {
      if (ts.isPropertySignature(m) && m.type && !ts.isFunctionTypeNode(m.type)) fields.add(m.name.getText(file))
    }
  })
  return fields
}

/** The top-level keys of every `set({ … })` in a file (zustand's set, as the slice creators name it). */
function writtenState(file: ts.SourceFile): string[] {
  const keys: string[] = []
  walk(file, (n) => {
    if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== 'set') return
    const arg = n.arguments[0]
    if (!arg || !ts.isObjectLiteralExpression(arg)) throw new Error(`${file.fileName}: set() without an object literal`)
    for (const p of arg.properties) {
      if (!p.name) throw new Error(`${file.fileName}: set() with a spread: cannot tell which state it writes`)
      keys.push(p.name.getText(file))
    }
  })
  return keys
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('renderer store', () => {
  it('each slice writes only the state it declares', () => {
    const files = readdirSync(STORE).map((name) => parse(join(STORE, name)))
    const owner = new Map<string, string>()
    for (const f of files) for (const field of declaredState(f)) owner.set(field, relative(STORE, f.fileName))
    const foreign: string[] = []
    let writes = 0
    for (const f of files) {
      const name = relative(STORE, f.fileName)
      for (const key of writtenState(f)) {
        writes++
        if (owner.get(key) !== name) foreign.push(`${name} writes ${key} (${owner.get(key) ?? 'no slice'}'s)`)
      }
    }
    expect(foreign).toEqual([])
    // Not vacuous: the slices and their writes were found.
    expect(owner.get('selectedId')).toBe('cursor.ts')
    expect(owner.get('undoStack')).toBe('undo.ts')
    expect(owner.get('mode')).toBe('ui.ts')
    expect(writes).toBeGreaterThan(40)
  })

  it('outside the store, the renderer changes state through actions only', () => {
    const direct = sources(RENDERER)
      .filter((path) => !path.startsWith(STORE))
      .filter((path) => /\.setState\s*\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(ROOT, path))
    expect(direct).toEqual([])
  })
})
