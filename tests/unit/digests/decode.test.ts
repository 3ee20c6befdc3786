import { describe, expect, it } from 'vitest'
import { decode, firstInvalidUtf8 } from '../../../src/main/digests/decode'
import { DigestError } from '../../../src/main/digests/types'
import { fixtureBytes } from './fixtures'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const cat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out: number[] = []
  for (const p of parts) out.push(...p)
  return new Uint8Array(out)
}
function utf16(s: string, le: boolean): Uint8Array {
  const out: number[] = le ? [0xff, 0xfe] : [0xfe, 0xff]
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (le) out.push(c & 0xff, c >> 8)
    else out.push(c >> 8, c & 0xff)
  }
  return new Uint8Array(out)
}

function rejects(bytes: Uint8Array, message: RegExp): void {
  let err: unknown
  try {
    decode(bytes)
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(DigestError)
  expect((err as Error).message).toMatch(message)
  expect((err as Error).message).not.toContain('\n')
}

describe('decode', () => {
  it('rejects empty and whitespace-only input', () => {
    rejects(new Uint8Array(), /^empty file$/)
    rejects(fixtureBytes('bad/empty.txt'), /^empty file$/)
    rejects(utf8(' \n\r\n\t'), /empty file/)
  })

  it('rejects binary files by magic number', () => {
    rejects(
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /not a text file \(looks like PNG\)/
    )
    rejects(utf8('%PDF-1.7\n%âãÏÓ'), /looks like PDF/)
    rejects(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0]), /looks like ZIP/)
    rejects(new Uint8Array([0x1f, 0x8b, 8, 0]), /looks like gzip/)
  })

  it('rejects bad/binary.bin (random bytes with NUL runs) with the offset', () => {
    rejects(fixtureBytes('bad/binary.bin'), /^not a text file \(NUL byte at byte offset \d+\)$/)
  })

  it('rejects random bytes without NULs instead of producing mojibake', () => {
    let x = 12345
    const b = new Uint8Array(4096).map(() => {
      x = (x * 1103515245 + 12345) & 0x7fffffff
      return ((x >> 8) % 255) + 1
    })
    rejects(b, /not a text file \(invalid UTF-8 at byte offset \d+/)
  })

  it('recognises UTF-16 without a BOM', () => {
    const b = utf16('Jun 6\r\nHello', true).subarray(2)
    rejects(b, /looks like UTF-16 without a byte-order mark/)
  })

  it('rejects UTF-32 clearly (checked before UTF-16LE)', () => {
    rejects(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32LE/)
    rejects(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41]), /UTF-32BE/)
  })

  it('decodes UTF-8 with a BOM (and a doubled BOM)', () => {
    expect(decode(cat([0xef, 0xbb, 0xbf], utf8('TY  - JOUR'))).text).toBe('TY  - JOUR')
    expect(decode(cat([0xef, 0xbb, 0xbf], utf8('\ufeffabc'))).text).toBe('abc')
  })

  it('decodes UTF-16LE and UTF-16BE via the BOM', () => {
    const s = 'naïve — ≈100%\r\nsecond'
    for (const le of [true, false]) {
      const d = decode(utf16(s, le))
      expect(d.text).toBe('naïve — ≈100%\nsecond')
      expect(d.encoding).toBe(le ? 'utf-16le' : 'utf-16be')
      expect(d.warnings).toEqual([])
    }
  })

  it('rejects odd-length UTF-16', () => {
    rejects(cat(utf16('ab', true), [0x41]), /odd number of bytes/)
  })

  it('normalises CRLF and lone CR to LF', () => {
    expect(decode(utf8('a\r\nb\rc\n\r\nd')).text).toBe('a\nb\nc\n\nd')
  })

  it('falls back to Windows-1252 with a warning when the bytes are not UTF-8', () => {
    // "Günter – “quoted”" in Windows-1252
    const b = cat(utf8('AU  - G'), [0xfc], utf8('nter '), [0x96, 0x20, 0x93], utf8('quoted'), [0x94])
    const d = decode(b)
    expect(d.text).toBe('AU  - Günter – “quoted”')
    expect(d.encoding).toBe('windows-1252')
    expect(d.warnings).toHaveLength(1)
    expect(d.warnings[0]).toMatch(/not valid UTF-8 \(first bad byte at offset 7\): decoded as Windows-1252/)
  })

  it('uses strict UTF-8 when the bytes are valid (no warning)', () => {
    const d = decode(utf8('Günter'))
    expect(d).toEqual({ text: 'Günter', warnings: [], encoding: 'utf-8' })
  })

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(utf8('abc é'))).toBe(-1)
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc3]))).toBe(1) // truncated sequence
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1) // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0) // surrogate
  })

  it('decodes bad/utf16.txt (UTF-16LE, BOM, CRLF) without NULs or CRs', () => {
    const d = decode(fixtureBytes('bad/utf16.txt'))
    expect(d.encoding).toBe('utf-16le')
    expect(d.text).not.toContain('\r')
    expect(d.text).not.toContain('\0')
    expect(d.text.startsWith('new\n\nGet trending papers')).toBe(true)
  })
})
