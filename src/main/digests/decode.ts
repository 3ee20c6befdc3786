/**
 * Bytes → text (docs/formats.md, "Decoding"): reject empty and binary input, honour BOMs, decode UTF-8 strictly
 * (Windows-1252 fallback with a warning), normalise line endings to LF, drop a leading U+FEFF.
 */
import { unwrapMime } from './mime'
import { DigestError } from './types'

export interface Decoded {
  text: string
  warnings: string[]
  /** The encoding actually used. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
}

const MAGIC: { name: string; bytes: number[] }[] = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { name: 'ZIP/DOCX', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'SQLite', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: '7-Zip', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] }
]

function startsWith(b: Uint8Array, prefix: number[]): boolean {
  if (b.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false
  return true
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 if the bytes are valid UTF-8. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from
  const n = b.length
  while (i < n) {
    const c = b[i] as number
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1
      min = 0x80
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      min = 0x800
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      min = 0x10000
    } else return i
    let cp = c & (0xff >> (need + 2))
    for (let k = 1; k <= need; k++) {
      const d = b[i + k]
      if (d === undefined || (d & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (d & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

/** Characters that do not occur in text files: C0 controls other than TAB/LF/VT/FF/CR, DEL, C1 controls. */
function controlCount(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 0x1a) n++
    } else if (c >= 0x7f && c <= 0x9f) n++
  }
  return n
}

/** More than 1% control characters (in the first `limit` characters). */
export function looksBinary(text: string, limit = Infinity): boolean {
  const sample = text.length > limit ? text.slice(0, limit) : text
  const n = controlCount(sample)
  return n > 0 && n * 100 > sample.length
}

function decodeUtf16(bytes: Uint8Array, le: boolean): string {
  const name = le ? 'UTF-16LE' : 'UTF-16BE'
  if ((bytes.length - 2) % 2 !== 0)
    throw new DigestError(`truncated ${name} text: odd number of bytes (${bytes.length})`)
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2))
  } catch {
    // Find the first unpaired surrogate for the message.
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      const u = le
        ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8)
        : ((bytes[i] as number) << 8) | (bytes[i + 1] as number)
      if (u >= 0xd800 && u <= 0xdbff) {
        const j = i + 2
        const v =
          j + 1 < bytes.length
            ? le
              ? (bytes[j] as number) | ((bytes[j + 1] as number) << 8)
              : ((bytes[j] as number) << 8) | (bytes[j + 1] as number)
            : 0
        if (v < 0xdc00 || v > 0xdfff)
          throw new DigestError(`invalid ${name} at byte offset ${i}: unpaired surrogate`, { offset: i })
        i += 2
      } else if (u >= 0xdc00 && u <= 0xdfff) {
        throw new DigestError(`invalid ${name} at byte offset ${i}: unpaired surrogate`, { offset: i })
      }
    }
    throw new DigestError(`invalid ${name} text`)
  }
}

/** Characters of valid UTF-8/16 text checked for control characters. */
export const BINARY_SAMPLE = 65536

/** Starts with the magic bytes of a binary format Folio names in its message. */
export function startsWithMagic(bytes: Uint8Array): boolean {
  return MAGIC.some((m) => startsWith(bytes, m.bytes))
}

function finish(raw: string, encoding: Decoded['encoding'], warnings: string[]): Decoded {
  let text = raw
  let start = 0
  while (text.charCodeAt(start) === 0xfeff) start++
  if (start > 0) text = text.slice(start)
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
  const nul = text.indexOf('\u0000')
  if (nul !== -1) throw new DigestError(`not a text file (NUL character at character ${nul})`, { offset: nul })
  // Windows-1252 output was checked in full already; valid UTF-8/16 is only sampled (a 36 MB feed stays fast).
  if (looksBinary(text, BINARY_SAMPLE)) throw new DigestError('not a text file (too many control characters)')
  if (!/\S/.test(text)) throw new DigestError('empty file (only whitespace)')
  return { text, warnings, encoding }
}

/** Decode a digest file. Throws DigestError for input that is not text. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DigestError('empty file')
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    const le = bytes[0] === 0xff
    throw new DigestError(`UTF-32${le ? 'LE' : 'BE'} text is not supported: save the file as UTF-8`)
  }
  if (startsWith(bytes, [0xff, 0xfe])) return finish(decodeUtf16(bytes, true), 'utf-16le', [])
  if (startsWith(bytes, [0xfe, 0xff])) return finish(decodeUtf16(bytes, false), 'utf-16be', [])
  let body = bytes
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3)
  else {
    for (const m of MAGIC)
      if (startsWith(bytes, m.bytes)) throw new DigestError(`not a text file (looks like ${m.name})`)
  }
  // Buffer's indexOf is memchr; a typed array's (on the worker's shared memory) is ~10× slower on a 40 MB file.
  const nul = Buffer.from(body.buffer, body.byteOffset, body.byteLength).indexOf(0)
  if (nul !== -1) {
    if (looksLikeUtf16(body)) throw new DigestError('not a text file (looks like UTF-16 without a byte-order mark)')
    const offset = nul + (bytes.length - body.length)
    throw new DigestError(`not a text file (NUL byte at byte offset ${offset})`, { offset })
  }
  try {
    return finish(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), 'utf-8', [])
  } catch (e) {
    if (e instanceof DigestError) throw e
  }
  const bad = Math.max(0, firstInvalidUtf8(body))
  const offset = bad + (bytes.length - body.length)
  const text = decodeWindows1252(body)
  if (looksBinary(text)) {
    throw new DigestError(
      `not a text file (invalid UTF-8 at byte offset ${offset}, and not plausible Windows-1252 text)`,
      { offset }
    )
  }
  return finish(text, 'windows-1252', [`not valid UTF-8 (first bad byte at offset ${offset}): decoded as Windows-1252`])
}

/** Every other byte NUL (ASCII text in UTF-16 without a BOM). */
function looksLikeUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096) & ~1
  if (n < 4) return false
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue
    if (i % 2 === 0) even++
    else odd++
  }
  const half = n / 2
  return odd >= half * 0.9 || even >= half * 0.9
}

/** Windows-1252 → text. (Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, so map 0x80–0x9F here.) */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

export function decodeWindows1252(b: Uint8Array): string {
  const chunks: string[] = []
  const CHUNK = 8192
  for (let start = 0; start < b.length; start += CHUNK) {
    const end = Math.min(b.length, start + CHUNK)
    const codes = new Array<number>(end - start)
    for (let i = start; i < end; i++) {
      const c = b[i] as number
      codes[i - start] = c >= 0x80 && c <= 0x9f ? CP1252_HIGH.charCodeAt(c - 0x80) : c
    }
    // eslint-disable-next-line no-restricted-syntax -- at most CHUNK (8,192) codes
    chunks.push(String.fromCharCode(...codes))
  }
  return chunks.join('')
}

/** Bytes to the text the detectors see: decoding (BOMs, UTF-16, line ends), then a saved e-mail unwrapped. */
export function decodeDigest(bytes: Uint8Array): { text: string; warnings: string[] } {
  const decoded = decode(bytes)
  return { text: unwrapMime(decoded.text), warnings: decoded.warnings }
}
