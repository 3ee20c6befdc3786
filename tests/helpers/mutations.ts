/**
 * Hostile variants of a valid input, for fuzzing the contract: the whole input replaced, fields
 * removed or added, and every leaf (found by walking the example, arrays through their first
 * element) replaced by wrong types, bad numbers, huge or hostile strings and too-long arrays.
 */

/** Text that must stay data: SQL, FTS5 syntax, markup, control and bidi characters, odd Unicode. */
export const HOSTILE_TEXT: readonly string[] = [
  "'; DROP TABLE papers;--",
  "1' OR '1'='1",
  '"unclosed',
  'NEAR(',
  'NEAR(a b, 2)',
  '*',
  'title:x',
  '^',
  'a AND OR NOT b',
  '"" "',
  '(((',
  '-',
  'status:bogus',
  'digest:2024-13-45',
  'tag:',
  '<script>window.__pwned=1</script>',
  'javascript:alert(1)',
  '\u0000\u0001\u0007\u001b[31m',
  'left\u202Eright\u2066isolate',
  '\uD800 lone surrogate',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 論文 😀 é',
  ' ',
  '',
  'x'.repeat(10_000)
]

export const HUGE_STRING = 'h'.repeat(2_000_001)

const BAD_NUMBERS: readonly unknown[] = [
  0,
  -1,
  -0,
  1.5,
  2 ** 53,
  1e308,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  -Infinity,
  '1',
  null,
  true
]
const WRONG_TYPES: readonly unknown[] = [null, true, 0, 'x', [], {}, [1, 2], { nested: { deeper: 1 } }]

export interface Mutation {
  label: string
  input: unknown
}

type Path = (string | number)[]

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = clone(root)
  if (path.length === 0) return value
  let node = copy as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]!
  if (remove) {
    if (Array.isArray(node)) node.splice(last as number, 1)
    else delete node[last]
  } else node[last] = value
  return copy
}

function leaves(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  if (Array.isArray(value)) {
    return [{ path, value }, ...(value.length ? leaves(value[0], [...path, 0]) : [])]
  }
  if (value && typeof value === 'object') {
    const out: { path: Path; value: unknown }[] = path.length ? [{ path, value }] : []
    for (const [k, v] of Object.entries(value)) out.push(...leaves(v, [...path, k]))
    return out
  }
  return [{ path, value }]
}

export function mutations(example: unknown): Mutation[] {
  const out: Mutation[] = [{ label: 'the valid example', input: clone(example) }]
  for (const v of [undefined, ...WRONG_TYPES, 'a string', HUGE_STRING]) {
    out.push({ label: `input = ${describe(v)}`, input: v })
  }
  if (example && typeof example === 'object' && !Array.isArray(example)) {
    out.push({ label: 'an extra field', input: { ...clone(example), extra: 1 } })
    const fields = JSON.stringify(example).slice(1, -1)
    out.push({
      label: 'a __proto__ field',
      input: JSON.parse(`{"__proto__": {"admin": true}${fields ? `, ${fields}` : ''}}`)
    })
    out.push({ label: 'a constructor field', input: { ...clone(example), constructor: 'x' } })
  }
  for (const { path, value } of leaves(example)) {
    const at = path.join('.') || '(root)'
    if (path.length) out.push({ label: `${at} missing`, input: setAt(example, path, undefined, true) })
    const replace = (label: string, v: unknown): void =>
      void out.push({ label: `${at} = ${label}`, input: setAt(example, path, v) })
    for (const v of WRONG_TYPES)
      if (typeof v !== typeof value || Array.isArray(v) !== Array.isArray(value)) replace(describe(v), v)
    if (typeof value === 'number') for (const v of BAD_NUMBERS) replace(describe(v), v)
    if (typeof value === 'boolean') for (const v of ['true', 1, 0, null]) replace(describe(v), v)
    if (typeof value === 'string') {
      for (const v of HOSTILE_TEXT) replace(describe(v), v)
      replace('a 2,000,001-character string', HUGE_STRING)
    }
    if (Array.isArray(value)) {
      replace('[]', [])
      replace('an array of 200,001', new Array(200_001).fill(value[0] ?? 1))
      replace('[null]', [null])
      replace('[[...]]', [value])
    }
  }
  return out
}

function describe(v: unknown): string {
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 12)}…" (${v.length} chars)` : JSON.stringify(v)
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v)
  if (v === undefined) return 'undefined'
  try {
    return JSON.stringify(v).slice(0, 40)
  } catch {
    return typeof v === 'object' && v !== null ? Object.prototype.toString.call(v) : typeof v
  }
}
