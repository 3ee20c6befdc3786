/**
 * Decoding in pieces (decode-stream.ts) must agree with decoding the whole (decode.ts) wherever the
 * bytes are cut: inside multi-byte characters, between CR and LF, inside a BOM-less U+FEFF run.
 */
import { describe, expect, it } from 'vitest'
import { decode } from '../../../src/main/digests/decode'
import { chunkableStart, Utf8Check, Utf8Pieces } from '../../../src/main/digests/decode-stream'
import { fixtureBytes } from './fixtures'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out: number[] = []
  for (const p of parts) out.push(...p)
  return new Uint8Array(out)
}

/** The bytes cut every `size` bytes. */
function cuts(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size))
  return out
}

function checked(bytes: Uint8Array, size: number): boolean {
  const check = new Utf8Check()
  for (const c of cuts(bytes, size)) check.push(c)
  return check.ok
}

function pieces(bytes: Uint8Array, size: number): string {
  const start = chunkableStart(bytes)
  if (!start) throw new Error('not chunkable')
  const text = new Utf8Pieces()
  let out = ''
  for (const c of cuts(bytes.subarray(start.bomBytes), size)) out += text.push(c)
  return out + text.push(new Uint8Array(0), true)
}

// Every width of UTF-8 sequence, CR LF and lone CR, a U+FEFF inside, an emoji (surrogate pair in JS).
const MIXED = '<rss>\r\n  <title>Schrödinger – “quoted” 𝔼[x] 😀 ﻿inside</title>\r<x>é\r\n\r\n</x>\n</rss>\r'

describe('decoding a digest in pieces', () => {
  it('gives the text decode.ts gives for the whole, cut at every size', () => {
    for (const bytes of [
      utf8(MIXED),
      cat([0xef, 0xbb, 0xbf], utf8(MIXED)),
      utf8(`\uFEFF\uFEFF${MIXED}`),
      fixtureBytes('arxiv-rss.xml')
    ]) {
      const whole = decode(bytes).text
      for (let size = 1; size <= 23; size++) expect(pieces(bytes, size), `cut every ${size} bytes`).toBe(whole)
      expect(pieces(bytes, 1 << 20)).toBe(whole)
    }
  })

  it('accepts valid UTF-8 cut anywhere, and refuses what decode.ts would not decode as UTF-8', () => {
    const good = utf8(MIXED)
    for (let size = 1; size <= 9; size++) expect(checked(good, size), `cut every ${size}`).toBe(true)
    const bad: [string, Uint8Array][] = [
      ['a NUL byte', cat(utf8('<a>'), [0], utf8('</a>'))],
      ['a Windows-1252 byte', cat(utf8('<a>caf'), [0xe9], utf8('</a>'))],
      ['a lone continuation byte', cat(utf8('<a>'), [0x80], utf8('</a>'))],
      ['an overlong encoding', cat(utf8('<a>'), [0xc0, 0xaf], utf8('</a>'))],
      ['an encoded surrogate', cat(utf8('<a>'), [0xed, 0xa0, 0x80], utf8('</a>'))],
      ['a 4-byte sequence cut short', cat(utf8('<a>'), [0xf0, 0x9f, 0x98], utf8('</a>'))],
      ['a sequence cut off by the end', cat(utf8('<a>'), [0xe2, 0x80])]
    ]
    for (const [what, bytes] of bad) {
      for (let size = 1; size <= 9; size++) expect(checked(bytes, size), `${what}, cut every ${size}`).toBe(false)
      // …and decode.ts indeed does not decode it as plain UTF-8.
      let encoding: string | undefined
      try {
        encoding = decode(bytes).encoding
      } catch {
        encoding = undefined
      }
      expect(encoding, what).not.toBe('utf-8')
    }
  })

  it('leaves UTF-16, empty and binary files to the whole-file decoder', () => {
    expect(chunkableStart(fixtureBytes('bad/utf16.txt'))).toBeUndefined()
    expect(chunkableStart(new Uint8Array(0))).toBeUndefined()
    expect(checked(fixtureBytes('bad/binary.bin'), 4096)).toBe(false)
    expect(chunkableStart(cat([0x25, 0x50, 0x44, 0x46], utf8('-1.7')))).toBeUndefined()
    expect(chunkableStart(cat([0xef, 0xbb, 0xbf], utf8('<rss/>')))).toEqual({ bomBytes: 3 })
    expect(chunkableStart(utf8('<rss/>'))).toEqual({ bomBytes: 0 })
  })
})
