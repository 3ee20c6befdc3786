/**
 * Decoding a big UTF-8 digest a chunk at a time, with the result decode.ts gives for the whole file:
 * the text arrives as pieces (line ends normalised to LF, leading U+FEFF dropped) and never exists as
 * one 40 MB string. Only plain UTF-8 (with or without BOM, no NUL byte, valid throughout) is decoded
 * this way; anything else (UTF-16, Windows-1252, binary) goes through decode.ts, whose messages say
 * what is wrong with it. Pure: no I/O.
 */
import { isUtf8 } from 'node:buffer'
import { StringDecoder } from 'node:string_decoder'
import { startsWithMagic } from './decode'

/** Length of the UTF-8 sequence a byte starts (1 for ASCII and for bytes that cannot start one). */
function sequenceLength(b: number): number {
  if (b >= 0xf0 && b <= 0xf7) return 4
  if (b >= 0xe0) return b <= 0xef ? 3 : 1
  if (b >= 0xc0) return 2
  return 1
}

/**
 * How a file's first bytes say it may be decoded in chunks: the bytes of its UTF-8 BOM to skip (0 or
 * 3), or undefined when decode.ts must see it whole (empty, UTF-16/32 BOM, a binary format's magic).
 */
export function chunkableStart(head: Uint8Array): { bomBytes: number } | undefined {
  if (head.length === 0) return undefined
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { bomBytes: 3 }
  if (
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (head[0] === 0 && head[1] === 0)
  )
    return undefined
  if (startsWithMagic(head)) return undefined
  return { bomBytes: 0 }
}

/**
 * Checks bytes pushed in order, split anywhere, for what decode.ts would refuse or decode otherwise:
 * a NUL byte or invalid UTF-8. `ok` after the last push: the whole is valid UTF-8 without NUL.
 */
export class Utf8Check {
  private readonly carry = new Uint8Array(4)
  private carried = 0
  private valid = true

  push(chunk: Uint8Array): void {
    if (!this.valid || chunk.length === 0) return
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    if (bytes.indexOf(0) !== -1) {
      this.valid = false
      return
    }
    let from = 0
    if (this.carried > 0) {
      // Finish the sequence the previous chunk ended inside of.
      const need = sequenceLength(this.carry[0]!)
      while (this.carried < need && from < bytes.length) this.carry[this.carried++] = bytes[from++]!
      if (this.carried < need) return // still inside it (a chunk of 1-2 bytes)
      if (!isUtf8(this.carry.subarray(0, need))) {
        this.valid = false
        return
      }
      this.carried = 0
    }
    // Keep back a sequence cut by the chunk's end; check the rest now.
    let cut = bytes.length
    for (let i = bytes.length - 1; i >= Math.max(from, bytes.length - 3); i--) {
      const b = bytes[i]!
      if ((b & 0xc0) === 0x80) continue // a continuation byte: look further back for its lead
      if (b >= 0xc0 && i + sequenceLength(b) > bytes.length) cut = i
      break
    }
    if (!isUtf8(bytes.subarray(from, cut))) {
      this.valid = false
      return
    }
    for (let i = cut; i < bytes.length; i++) this.carry[this.carried++] = bytes[i]!
  }

  /** Already refused: a NUL byte or invalid UTF-8 so far. */
  get failed(): boolean {
    return !this.valid
  }

  /** After the last push: valid UTF-8 throughout, no NUL byte, no sequence cut off by the end. */
  get ok(): boolean {
    return this.valid && this.carried === 0
  }
}

/**
 * Bytes pushed in order (from after the BOM) → text pieces, as decode.ts would give the whole: UTF-8
 * (checked beforehand with Utf8Check: this decoder does not check again), CR LF and lone CR → LF,
 * leading U+FEFF characters dropped. Pieces of up to ~64 KB stay cheap: V8 keeps them with other
 * short-lived objects, where a 1 MB string would take fresh memory of its own.
 */
export class Utf8Pieces {
  private readonly decoder = new StringDecoder('utf8')
  private pendingCr = false
  private started = false

  /** The text of these bytes (possibly empty); `last`: no more bytes follow. */
  push(bytes: Uint8Array, last = false): string {
    let s = this.decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    if (last) s += this.decoder.end()
    if (this.pendingCr) s = `\r${s}`
    // A CR at a piece's end may be the first half of a CR LF: decide with the next piece.
    this.pendingCr = !last && s.endsWith('\r')
    if (this.pendingCr) s = s.slice(0, -1)
    if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n')
    if (!this.started) {
      let i = 0
      while (s.charCodeAt(i) === 0xfeff) i++
      if (i > 0) s = s.slice(i)
      this.started = s.length > 0
    }
    return s
  }
}
