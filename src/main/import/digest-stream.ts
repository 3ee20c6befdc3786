/**
 * A digest file's papers, for the importer: decoded, detected and parsed in this thread, or — for a
 * big file — in a worker thread (parse-worker.ts) while the importer writes the papers already parsed,
 * so the parse and the SQLite writes run on two cores. A big file on disk is read by the worker itself,
 * a chunk at a time, while this thread hashes it; the worker hashes what it parsed too, and a file that
 * changed in between is refused. Either way the importer sees the same thing: the file's hash, then
 * `open` gives the format, then `parse` calls onDate and onPaper (sanitised papers, in file order)
 * inside the importer's own synchronous transaction and returns the digest's facts, or throws the
 * parser's DigestError. Waiting for the worker blocks (Atomics.wait), so no transaction ever spans
 * an await and nothing else can run on the connection meanwhile.
 */
import { createHash } from 'node:crypto'
import { readSync } from 'node:fs'
import { receiveMessageOnPort } from 'node:worker_threads'
import { decodeDigest } from '../digests/decode'
import { detect } from '../digests/detect'
import { encodePaper, FLAT_FIELDS, unflattenPaper, type EncodedPaper, type PaperCore } from '../digests/encode'
import { loadParser } from '../digests/parsers'
import { sanitizePaper } from '../digests/sanitize'
import { DigestError, type DigestFormat, type DigestMeta, type DigestParser, type ParseContext } from '../digests/types'
import { LibraryError } from '../library/db'
import { throwIfStopped, type CancelFlag } from './cancel'
import { POSTED, TAKEN, type ParseMessage } from './parse-protocol'
import { canBlock, startParseWorker, WORKER_MIN_BYTES, type ParseWorker } from './parse-worker-start'

export { WORKER_MIN_BYTES } from './parse-worker-start'

export interface DigestReader {
  /** sha256 (hex) of the file's bytes: the digest's identity (re-importing the same bytes is a no-op). */
  readonly hash: string
  /** Decodes and detects (or waits for the worker to): the format and any decoding warnings. */
  open(): Promise<{ format: DigestFormat; warnings: string[] }>
  /**
   * After open: the parse, calling onDate and onPaper (each paper sanitised, as its core fields and
   * its stored form: title key and JSON columns) in file order, then the digest's facts. Synchronous.
   */
  parse(ctx: ParseContext, onPaper: (paper: PaperCore, enc: EncodedPaper) => void): DigestMeta
  /** Done with this file (also when it will not be parsed, e.g. already imported). */
  close(): void
}

export interface ReadOptions {
  fileName: string
  mtime?: Date
  /** Parse in a worker thread when the file is at least this big (default WORKER_MIN_BYTES). */
  workerMinBytes?: number
  /** A big file on disk is read this many bytes at a time (default file-pieces' CHUNK_BYTES). */
  chunkBytes?: number
  /** Looked at while waiting for the worker: a stopped import ends its parse worker at once. */
  cancel?: CancelFlag
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Start reading a digest's bytes: in this thread (small file), or in a worker started now (big file). */
export function readDigest(bytes: Uint8Array, options: ReadOptions): DigestReader {
  if (bytes.length >= (options.workerMinBytes ?? WORKER_MIN_BYTES) && canBlock()) {
    const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes)
    const worker = startParseWorker({ bytes: shared, fileName: options.fileName, mtime: options.mtime?.getTime() })
    // The worker decodes while this thread hashes.
    return readInWorker(worker, sha256(shared), false, options.cancel)
  }
  let opened: { text: string; parser: DigestParser } | undefined
  return {
    hash: sha256(bytes),
    async open() {
      const { text, warnings } = decodeDigest(bytes)
      const format = detect(text)
      opened = { text, parser: await loadParser(format) }
      return { format, warnings }
    },
    parse(ctx, onPaper) {
      if (!opened) throw new Error('readDigest: parse before open')
      return opened.parser(opened.text, ctx, (parsed) => {
        const paper = sanitizePaper(parsed)
        onPaper(paper, encodePaper(paper))
      })
    },
    close: () => undefined
  }
}

/** Is a file of this size parsed in a worker (read there, with readDigestFile)? */
export function parsesInWorker(size: number, options: Pick<ReadOptions, 'workerMinBytes'>): boolean {
  return size >= (options.workerMinBytes ?? WORKER_MIN_BYTES) && canBlock()
}

let hashBuffer: Buffer | undefined

/**
 * Start reading a big digest file (see parsesInWorker): the worker starts reading, decoding and
 * parsing it now, while this thread hashes it through `fd` (open on `path`; the caller closes it).
 */
export function readDigestFile(path: string, fd: number, options: ReadOptions): DigestReader {
  const worker = startParseWorker({
    path,
    chunkBytes: options.chunkBytes,
    fileName: options.fileName,
    mtime: options.mtime?.getTime()
  })
  try {
    const hash = createHash('sha256')
    const buf = (hashBuffer ??= Buffer.allocUnsafeSlow(1024 * 1024))
    for (
      let n = readSync(fd, buf, 0, buf.length, 0), at = n;
      n > 0;
      n = readSync(fd, buf, 0, buf.length, at), at += n
    ) {
      hash.update(buf.subarray(0, n))
    }
    return readInWorker(worker, hash.digest('hex'), true, options.cancel)
  } catch (err) {
    void worker.worker.terminate()
    throw new DigestError(`cannot read the file: ${(err as Error).message}`)
  }
}

/** How long the importer waits for the worker's next message before giving up on it. */
const SILENCE_MS = 60_000
/** While waiting, the importer looks at its cancel flag this often (ms). */
const CANCEL_POLL_MS = 50

/**
 * The importer's side of a parse worker. `checkHash`: the worker read the file itself, and the hash of
 * what it parsed must be `hash` (this thread's): else the file changed in between, and is refused.
 */
function readInWorker(
  { worker, port, signal }: ParseWorker,
  hash: string,
  checkHash: boolean,
  cancel: CancelFlag | undefined
): DigestReader {
  let taken = 0
  let closed = false
  let done = false
  const close = (): void => {
    if (closed) return
    closed = true
    port.close()
    // A worker that sent everything ends by itself; one stopped early (a refused file, an error) is ended here.
    if (!done) void worker.terminate()
  }
  /** The worker's next message, waiting for it (blocking: the importer is inside its transaction). */
  const next = (): ParseMessage => {
    for (let waited = 0; ;) {
      const received = receiveMessageOnPort(port)
      if (received) {
        taken += 1
        Atomics.store(signal, TAKEN, taken)
        Atomics.notify(signal, TAKEN)
        const m = received.message as ParseMessage
        if (m.type === 'error') {
          close()
          throw m.digest ? new DigestError(m.message, m.where) : new Error(m.message)
        }
        return m
      }
      if (Atomics.wait(signal, POSTED, taken, CANCEL_POLL_MS) === 'timed-out') {
        if (cancel) {
          try {
            throwIfStopped(cancel)
          } catch (err) {
            close()
            throw err
          }
        }
        if ((waited += CANCEL_POLL_MS) >= SILENCE_MS) {
          close()
          throw new LibraryError('import', 'the parser stopped responding')
        }
      }
    }
  }
  return {
    hash,
    // async: a refusal thrown here reaches the caller as a rejection, like every other failure.
    // eslint-disable-next-line @typescript-eslint/require-await -- see above
    async open() {
      const first = next()
      if (first.type !== 'format') throw new Error(`parse worker: expected the format first, got ${first.type}`)
      return { format: first.format, warnings: first.warnings }
    },
    parse(ctx, onPaper) {
      try {
        for (;;) {
          const m = next()
          if (m.type === 'papers') {
            for (let at = 0; at < m.fields.length; at += FLAT_FIELDS) {
              const { paper, enc } = unflattenPaper(m.fields, at)
              onPaper(paper, enc)
            }
          } else if (m.type === 'date') ctx.onDate?.(m.date, m.inferred)
          else if (m.type === 'done') {
            done = true
            if (checkHash && m.hash !== hash)
              throw new DigestError('the file changed while it was being imported: import it again')
            return m.meta
          }
        }
      } finally {
        close()
      }
    },
    close
  }
}

function copyToShared(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length))
  shared.set(bytes)
  return shared
}
