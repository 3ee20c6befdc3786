/**
 * The parse worker (parse-worker.ts) is started with a port and a shared `signal`, and may be started
 * before the file is read (it takes ~0.1 s to start). It gets one ParseRequest on the port (the bytes,
 * or the path of a file it reads itself), then tells the importer (digest-stream.ts), in order: the
 * format, then dates and batches of papers as the parser finds them, then the digest's facts or an error.
 * `signal`: [0] messages posted, [1] messages taken; the importer blocks on [0] inside its transaction,
 * the worker stops getting ahead when it is MAX_AHEAD batches in front.
 */
import type { MessagePort } from 'node:worker_threads'
import type { DigestFormat, DigestMeta } from '../digests/types'

export interface ParseWorkerData {
  port: MessagePort
  signal: Int32Array
}

export type ParseRequest = {
  fileName: string
  mtime?: number
} & (
  | {
      /** The file's bytes (shared memory: the importer hashes them while the worker decodes). */
      bytes: Uint8Array
    }
  | {
      /**
       * The file to read: the worker reads it itself, a chunk at a time (file-pieces.ts), while the
       * importer hashes it; `done` then carries the hash of what the worker read.
       */
      path: string
      /** Bytes read at a time (default file-pieces' CHUNK_BYTES). */
      chunkBytes?: number
    }
)

export type ParseMessage =
  | { type: 'format'; format: DigestFormat; warnings: string[] }
  | { type: 'date'; date: string; inferred: boolean }
  /**
   * Sanitised papers, flattened (encode.ts: FLAT_FIELDS strings each, with their stored forms: title
   * key, JSON columns), computed here to spare the writer.
   */
  | { type: 'papers'; fields: (string | null)[] }
  /** `hash`: sha256 (hex) of the bytes parsed, for a request by path. */
  | { type: 'done'; meta: DigestMeta; hash?: string }
  | { type: 'error'; message: string; digest: boolean; where?: { line?: number; column?: number; offset?: number } }

export const POSTED = 0
export const TAKEN = 1
/** Papers per message; the first message has fewer, so the writer can start while the parser warms up. */
export const BATCH = 256
export const FIRST_BATCH = 16
export const MAX_AHEAD = 16
