/**
 * BibTeX structure (docs/formats.md, "BibTeX"): blocks, fields, values in braces or quotes, numbers,
 * `@string` macros and `#` concatenation. Written for untrusted files, with three promises:
 *
 * - An error costs one entry. Each block runs from an `@type{` at the start of a line to the next one,
 *   so an entry that never closes its braces is skipped with a warning naming its key and line, and the
 *   next entry reads as usual. A field with an unusual name (`funding details`) is skipped, its entry kept.
 * - Linear cost. A value longer than MAX_FIELD_CHARS skips its entry; a macro longer than MAX_MACRO_CHARS is
 *   not defined; all macro expansion in a file is capped (MAX_EXPANDED_CHARS) and a file that reads for
 *   longer than MAX_PARSE_MS is refused. The BibTeX library used before spent 26 s and 3.5 GB on a
 *   479-byte file doubling one `@string` 14 times.
 * - Nothing is decoded here: values keep their TeX (bibtex.ts converts what it shows).
 */
import { DigestError } from './types'

export const MAX_FIELD_CHARS = 200_000
export const MAX_MACRO_CHARS = 20_000
export const MAX_EXPANDED_CHARS = 16_000_000
export const MAX_PARSE_MS = 20_000

export interface BibEntry {
  type: string
  key: string
  /** 1-based line of the `@`. */
  line: number
  /** Field values by lower-case name (TeX kept, macros expanded). */
  fields: Map<string, string>
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const START = /@[ \t]*([A-Za-z][\w-]*)[ \t\n]*[{(]/y
const NAME = /[A-Za-z_][\w:.+/'-]*/y

const FIELD_STOP = new Set([',', '{', '}', '"', '(', ')'])
const KEY_STOP = new Set([',', '}', ')', '\n'])

class BlockError extends Error {}

interface Block {
  start: number
  end: number
  line: number
}

/** Blocks: each `@type{` / `@type(` that starts a line (after blanks), up to the next one. */
function* blocks(text: string): Generator<Block> {
  let line = 1
  let pos = 0
  let prev: { start: number; line: number } | undefined
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos)
    const end = nl === -1 ? text.length : nl
    let i = pos
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++
    if (text[i] === '@') {
      START.lastIndex = i
      if (START.test(text)) {
        if (prev) yield { start: prev.start, end: i, line: prev.line }
        prev = { start: i, line }
      }
    }
    if (nl === -1) break
    pos = nl + 1
    line++
  }
  if (prev) yield { start: prev.start, end: text.length, line: prev.line }
}

export interface ReadOptions {
  warn(message: string): void
  /** Milliseconds since some origin (performance.now); injectable for tests. */
  now?: () => number
}

/** The entries of a BibTeX text, one at a time (never the whole file's entries at once). */
export function* readBibtex(text: string, opts: ReadOptions): Generator<BibEntry> {
  const now = opts.now ?? (() => performance.now())
  const started = now()
  const macros = new Map<string, string>(MONTHS.map((m, i) => [m, String(i + 1)]))
  const undefinedWarned = new Set<string>()
  const refused = new Set<string>() // macros too long to define: what uses them is skipped, not half-read
  let expanded = 0

  for (const b of blocks(text)) {
    if (now() - started > MAX_PARSE_MS) {
      throw new DigestError(`BibTeX: reading took longer than ${MAX_PARSE_MS / 1000} s (stopped at line ${b.line})`)
    }
    let i = b.start
    START.lastIndex = i
    const m = START.exec(text) as RegExpExecArray
    const type = (m[1] as string).toLowerCase()
    const close = text[START.lastIndex - 1] === '{' ? '}' : ')'
    i = START.lastIndex
    const end = b.end
    const lineAt = (pos: number): number => {
      let n = b.line
      for (let k = text.indexOf('\n', b.start); k !== -1 && k < pos; k = text.indexOf('\n', k + 1)) n++
      return n
    }
    const ws = (): void => {
      while (i < end && /\s/.test(text[i] as string)) i++
    }
    /** One value: pieces joined by `#`, macros expanded. */
    const value = (field: string): string => {
      let out = ''
      for (;;) {
        ws()
        const c = text[i]
        let piece: string
        if (c === '{') {
          let depth = 0
          const s = i
          for (; i < end; i++) {
            if (text[i] === '\\') i++
            else if (text[i] === '{') depth++
            else if (text[i] === '}' && --depth === 0) break
          }
          if (i >= end) throw new BlockError(`the value of ${field} never closes its braces`)
          piece = text.slice(s + 1, i++)
        } else if (c === '"') {
          let depth = 0
          const s = ++i
          for (; i < end; i++) {
            if (text[i] === '\\') i++
            else if (text[i] === '{') depth++
            else if (text[i] === '}') depth--
            else if (text[i] === '"' && depth <= 0) break
          }
          if (i >= end) throw new BlockError(`the value of ${field} never closes its quotes`)
          piece = text.slice(s, i++)
        } else if (c !== undefined && /\d/.test(c)) {
          const s = i
          while (i < end && /\d/.test(text[i] as string)) i++
          piece = text.slice(s, i)
        } else {
          NAME.lastIndex = i
          const name = NAME.exec(text)?.[0]
          if (name === undefined || NAME.lastIndex > end) throw new BlockError(`a value is missing after ${field} =`)
          i = NAME.lastIndex
          const known = macros.get(name.toLowerCase())
          if (refused.has(name.toLowerCase()))
            throw new BlockError(`it uses @string ${name}, which was too long to define`)
          if (known === undefined) {
            if (!undefinedWarned.has(name)) opts.warn(`undefined @string macro "${name}": value kept as written`)
            undefinedWarned.add(name)
          } else expanded += known.length
          piece = known ?? name
        }
        out += piece
        if (out.length > MAX_FIELD_CHARS) {
          throw new BlockError(`${field} is longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`)
        }
        if (expanded > MAX_EXPANDED_CHARS) {
          throw new DigestError(
            `BibTeX: @string macros expand to more than ${MAX_EXPANDED_CHARS.toLocaleString('en')} characters (line ${lineAt(i)}): file refused`
          )
        }
        ws()
        if (text[i] !== '#') return out
        i++
      }
    }

    let key = ''
    let stringName: string | undefined
    try {
      if (type === 'comment' || type === 'preamble') continue
      if (type === 'string') {
        ws()
        NAME.lastIndex = i
        const name = NAME.exec(text)?.[0]
        if (name === undefined) throw new BlockError('@string without a name')
        stringName = name
        i = NAME.lastIndex
        ws()
        if (text[i] !== '=') throw new BlockError(`@string ${name} has no =`)
        i++
        const v = value(`@string ${name}`)
        if (v.length > MAX_MACRO_CHARS) {
          opts.warn(
            `line ${b.line}: @string ${name} is longer than ${MAX_MACRO_CHARS.toLocaleString('en')} characters: not defined`
          )
          refused.add(name.toLowerCase())
        } else macros.set(name.toLowerCase(), v)
        continue
      }
      const keyStart = i
      while (i < end && !KEY_STOP.has(text[i] as string)) i++
      key = text.slice(keyStart, i).trim()
      const fields = new Map<string, string>()
      for (;;) {
        ws()
        while (text[i] === ',') {
          i++
          ws()
        }
        if (text[i] === close) break
        if (i >= end) throw new BlockError('the entry never closes')
        let eq = i
        while (eq < end && text[eq] !== '=' && !FIELD_STOP.has(text[eq] as string)) eq++
        if (text[eq] !== '=' || eq >= end) throw new BlockError(`a field has no "=" (line ${lineAt(i)})`)
        const name = text.slice(i, eq).trim()
        i = eq + 1
        const v = value(name)
        if (!/^[A-Za-z][\w:.+/-]*$/.test(name)) {
          opts.warn(`entry "${key}" (line ${b.line}): field "${name}" has an unusual name: skipped`)
          continue
        }
        fields.set(name.toLowerCase(), v)
      }
      yield { type, key, line: b.line, fields }
    } catch (e) {
      if (!(e instanceof BlockError)) throw e
      if (stringName !== undefined) refused.add(stringName.toLowerCase())
      const what = type === 'string' ? '@string' : `entry "${key || '(no key)'}"`
      opts.warn(`${what} at line ${b.line}: ${e.message}: skipped`)
    }
  }
}
