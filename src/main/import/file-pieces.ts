/**
 * A big digest file read from disk a chunk at a time (for the parse worker), so that neither its bytes
 * nor its text are ever held whole: one quick pass checks that it can be decoded in pieces
 * (decode-stream.ts), a second decodes it into pieces as the parser asks for them. Each chunk is read
 * into the same buffer: on this kind of machine, touching 40 MB of fresh memory costs more than
 * reading the file twice from the page cache.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { chunkableStart, Utf8Check, Utf8Pieces } from '../digests/decode-stream'
import { DigestError } from '../digests/types'

/**
 * Bytes read at a time: pieces of text this small are short-lived objects to V8 (see Utf8Pieces; 64 KB
 * decodes a 40 MB feed ~15x faster than 1 MB). Tests use tiny chunks to cut the text in awkward places.
 */
export const CHUNK_BYTES = 64 * 1024
const MIN_CHUNK_BYTES = 16

/** The file's bytes in order, a chunk at a time, each in the same buffer (valid until the next one). */
export function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  const size = Math.max(MIN_CHUNK_BYTES, chunkBytes)
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (err) {
    throw readError(err)
  }
  try {
    const buf = Buffer.allocUnsafeSlow(size)
    for (;;) {
      let n: number
      try {
        n = readSync(fd, buf, 0, size, null)
      } catch (err) {
        throw readError(err)
      }
      if (n === 0) return
      yield buf.subarray(0, n)
    }
  } finally {
    closeSync(fd)
  }
}

function readError(err: unknown): DigestError {
  return new DigestError(`cannot read the file: ${(err as Error).message}`)
}

/**
 * One pass over the file: can it be decoded in pieces (plain UTF-8, valid throughout, no NUL)? The
 * bytes of its BOM to skip when it can; undefined when decode.ts must see it whole.
 */
export function checkChunkable(path: string, chunkBytes = CHUNK_BYTES): { bomBytes: number } | undefined {
  const check = new Utf8Check()
  let start: { bomBytes: number } | undefined
  let first = true
  for (const chunk of fileChunks(path, chunkBytes)) {
    if (first) {
      first = false
      start = chunkableStart(chunk)
      if (!start) return undefined
    }
    check.push(chunk)
    if (check.failed) return undefined
  }
  return start && check.ok ? start : undefined
}

/**
 * The file's text (checked by checkChunkable) in pieces of about a chunk each; every chunk's bytes,
 * BOM included, also go to `onBytes` (the worker hashes what it parses: a file changed since the
 * check is caught by that hash).
 */
export function* filePieces(
  path: string,
  bomBytes: number,
  chunkBytes = CHUNK_BYTES,
  onBytes?: (chunk: Uint8Array) => void
): Generator<string> {
  const text = new Utf8Pieces()
  let skip = bomBytes
  for (const chunk of fileChunks(path, chunkBytes)) {
    onBytes?.(chunk)
    const body = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk
    skip = Math.max(0, skip - chunk.length)
    const piece = text.push(body)
    if (piece) yield piece
  }
  const tail = text.push(new Uint8Array(0), true)
  if (tail) yield tail
}
