/**
 * What the parse worker (parse-worker.ts) tells the importer (digest-stream.ts), in order: the format,
 * then dates and batches of papers as the parser finds them, then the digest's facts or an error.
 * Shared memory `signal`: [0] messages posted, [1] messages taken; the importer blocks on [0] inside
 * its transaction, the worker stops getting ahead when it is MAX_AHEAD batches in front.
 */
import type { DigestFormat, DigestMeta, ParsedPaper } from '../digests/types'

export interface ParseRequest {
  /** The file's bytes (shared memory: the importer hashes them while the worker decodes). */
  bytes: Uint8Array
  fileName: string
  mtime?: number
  signal: Int32Array
}

export type ParseMessage =
  | { type: 'format'; format: DigestFormat; warnings: string[] }
  | { type: 'date'; date: string; inferred: boolean }
  /** Sanitised papers and their title keys (identity.ts titleKey), computed here to spare the writer. */
  | { type: 'papers'; papers: ParsedPaper[]; keys: string[] }
  | { type: 'done'; meta: DigestMeta }
  | { type: 'error'; message: string; digest: boolean; where?: { line?: number; column?: number; offset?: number } }

export const POSTED = 0
export const TAKEN = 1
export const BATCH = 256
export const MAX_AHEAD = 16
