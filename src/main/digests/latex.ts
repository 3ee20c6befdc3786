/**
 * TeX accents and escaped specials → Unicode (docs/formats.md, "Shared rules"). Math (`$…$`) is left exactly as written.
 * A single left-to-right pass; no backtracking regexes.
 */

/** Accent macro → combining mark. */
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331'
}

/** Letter-like control words. */
const LETTERS: Record<string, string> = {
  textasciitilde: '~',
  textasciicircum: '^',
  l: 'ł',
  L: 'Ł',
  o: 'ø',
  O: 'Ø',
  ss: 'ß',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  i: 'ı',
  j: 'ȷ',
  SS: 'SS',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ'
}

/** Escaped specials `\%` etc. */
const SPECIALS: Record<string, string> = { '%': '%', '&': '&', _: '_', $: '$', '#': '#', '{': '{', '}': '}', ' ': ' ' }

const isLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))

function skipSpaces(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t' || s[i] === '\n') i++
  return i
}

function readWord(s: string, i: number): string {
  let j = i
  while (isLetter(s[j])) j++
  return s.slice(i, j)
}

interface Match {
  text: string
  end: number
}

/** The base letter an accent applies to, at `i`: `u`, `{u}`, `{\i}`, `\i`, `{}`. */
function accentArgument(s: string, i: number): Match | undefined {
  const c = s[i]
  if (c === '{') {
    const j = skipSpaces(s, i + 1)
    if (s[j] === '}') return { text: '', end: j + 1 }
    let base: Match | undefined
    if (s[j] === '\\') {
      const w = readWord(s, j + 1)
      if (w === 'i' || w === 'j') base = { text: w, end: j + 1 + w.length }
      else {
        const inner = command(s, j) // nested accent, e.g. \"{\'e}; rare but harmless
        if (inner) base = inner
      }
    } else if (c !== undefined && isLetter(s[j])) base = { text: s[j] as string, end: j + 1 }
    if (!base) return undefined
    const k = skipSpaces(s, base.end)
    return s[k] === '}' ? { text: base.text, end: k + 1 } : undefined
  }
  if (c === '\\') {
    const w = readWord(s, i + 1)
    if (w === 'i' || w === 'j') return { text: w, end: skipSpaces(s, i + 1 + w.length) }
    return undefined
  }
  if (isLetter(c)) return { text: c as string, end: i + 1 }
  return undefined
}

/** A conversion-worthy command starting at `s[i] === '\\'`, or undefined (left as written). */
function command(s: string, i: number): Match | undefined {
  const c = s[i + 1]
  if (c === undefined) return undefined
  if (c in SPECIALS && c !== ' ') return { text: SPECIALS[c] as string, end: i + 2 }
  if (!isLetter(c)) {
    const mark = ACCENTS[c]
    if (mark === undefined) return undefined
    const arg = accentArgument(s, i + 2)
    if (!arg) return undefined
    return { text: (arg.text + mark).normalize('NFC'), end: arg.end }
  }
  const w = readWord(s, i + 1)
  const end = i + 1 + w.length
  const letter = LETTERS[w]
  if (letter !== undefined) {
    // A control word swallows the spaces after it, as in TeX (`\ss e` → `ße`), unless a brace follows.
    let k = end
    if (s[k] === '{' && s[k + 1] === '}') k += 2
    else k = skipSpaces(s, k)
    return { text: letter, end: k }
  }
  const mark = ACCENTS[w]
  if (mark !== undefined && w.length === 1) {
    const arg = accentArgument(s, skipSpaces(s, end))
    if (!arg) return undefined
    return { text: (arg.text + mark).normalize('NFC'), end: arg.end }
  }
  return undefined
}

/**
 * Convert TeX accents (`\"u`, `{\"u}`, `\'{\i}`, `{\'{\i}}`, `\c{c}`, `\k{a}`, `{\l}`, `\ss`…) and escaped specials
 * (`\% \& \_ \$ \#`) to Unicode. A brace group holding only one converted character is unwrapped (`G{\"u}nter`).
 * Math between `$…$` / `$$…$$` and unknown commands (`\lambda`, `\mathcal{O}`) are kept verbatim.
 */
export function latexToUnicode(s: string): string {
  if (!s.includes('\\')) return s
  let out = ''
  let i = 0
  let lastCopy = 0
  let mathClosed = false // no closing `$` anywhere after this point
  while (i < s.length) {
    const c = s[i]
    if (c === '$' && !mathClosed) {
      const dbl = s[i + 1] === '$'
      const close = s.indexOf(dbl ? '$$' : '$', i + (dbl ? 2 : 1))
      if (close === -1) {
        mathClosed = true
        i++
        continue
      }
      i = close + (dbl ? 2 : 1)
      continue
    }
    if (c === '{' && s[i + 1] === '\\') {
      const m = command(s, i + 1)
      if (m) {
        const k = skipSpaces(s, m.end)
        if (s[k] === '}') {
          out += s.slice(lastCopy, i) + m.text
          i = lastCopy = k + 1
          continue
        }
      }
      i++
      continue
    }
    if (c === '\\') {
      const m = command(s, i)
      if (m) {
        out += s.slice(lastCopy, i) + m.text
        i = lastCopy = m.end
        continue
      }
      // Skip the command name (or the escaped character) so `\\` is not read twice.
      i += isLetter(s[i + 1]) ? 1 + readWord(s, i + 1).length : 2
      continue
    }
    i++
  }
  return out + s.slice(lastCopy)
}

/**
 * Remove BibTeX case-protection braces outside math. Braces that delimit a command argument (`\mathcal{O}`,
 * `\url{…}`) and everything inside `$…$` are kept. Escaped braces `\{` `\}` are kept too.
 */
export function stripBraces(s: string): string {
  if (!s.includes('{') && !s.includes('}')) return s
  let out = ''
  const keep: boolean[] = [] // per open brace: was it kept?
  let i = 0
  while (i < s.length) {
    const c = s[i] as string
    if (c === '$') {
      const dbl = s[i + 1] === '$'
      const close = s.indexOf(dbl ? '$$' : '$', i + (dbl ? 2 : 1))
      if (close !== -1) {
        const end = close + (dbl ? 2 : 1)
        out += s.slice(i, end)
        i = end
        continue
      }
    }
    if (c === '\\') {
      const next = s[i + 1]
      if (isLetter(next)) {
        const w = readWord(s, i + 1)
        out += '\\' + w
        i += 1 + w.length
        if (s[i] === '{') {
          keep.push(true)
          out += '{'
          i++
        }
        continue
      }
      out += s.slice(i, i + 2)
      i += 2
      continue
    }
    if (c === '{') {
      keep.push(false)
      i++
      continue
    }
    if (c === '}') {
      if (keep.pop() === true) out += '}'
      i++
      continue
    }
    out += c
    i++
  }
  return out
}
