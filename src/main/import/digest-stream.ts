/**
 * A digest file's papers, for the importer: decoded, detected and parsed in this thread, or — for a
 * big file — in a worker thread (parse-worker.ts) while the importer writes the papers already parsed,
 * so the parse and the SQLite writes run on two cores. Either way the importer sees the same thing:
 * `open` gives the format, then `parse` calls onDate and onPaper (sanitised papers, in file order)
 * inside the importer's own synchronous transaction and returns the digest's facts, or throws the
 * parser's DigestError. Waiting for the worker blocks (Atomics.wait), so no transaction ever spans
 * an await and nothing else can run on the connection meanwhile.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { decodeDigest } from '../digests/decode'
import { detect } from '../digests/detect'
import { encodePaper, type EncodedPaper, type PaperCore } from '../digests/encode'
import { loadParser } from '../digests/parsers'
import { sanitizePaper } from '../digests/sanitize'
import { DigestError, type DigestFormat, type DigestMeta, type DigestParser, type ParseContext } from '../digests/types'
import { LibraryError } from '../library/db'
import { POSTED, TAKEN, type ParseMessage, type ParseRequest, type ParseWorkerData } from './parse-protocol'
import { workerEntry } from './worker-entry'

/** Files at least this big are parsed in a worker thread (below, starting it costs more than it saves). */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024

export interface DigestReader {
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
}

/** Bytes that can be handed to a worker without a copy: read the file into these. */
export function sharedBytes(size: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(size))
}

/** Start reading a digest's bytes: in this thread (small file), or in a worker started now (big file). */
export function readDigest(bytes: Uint8Array, options: ReadOptions): DigestReader {
  if (bytes.length >= (options.workerMinBytes ?? WORKER_MIN_BYTES) && canBlock()) return readInWorker(bytes, options)
  let opened: { text: string; parser: DigestParser } | undefined
  return {
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

let blockingAllowed: boolean | undefined
/** Can this thread wait with Atomics.wait? (Node threads can; a thread that may not parses in itself.) */
function canBlock(): boolean {
  if (blockingAllowed === undefined) {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0)
      blockingAllowed = true
    } catch {
      blockingAllowed = false
    }
  }
  return blockingAllowed
}

/** How long the importer waits for the worker's next message before giving up on it. */
const SILENCE_MS = 60_000

interface ParseWorker {
  worker: Worker
  port: MessagePort
  signal: Int32Array
}

function startParseWorker(): ParseWorker {
  const signal = new Int32Array(new SharedArrayBuffer(8))
  const { port1, port2 } = new MessageChannel()
  const entry = workerEntry('parse-worker')
  const data: ParseWorkerData = { port: port2, signal }
  const worker = new Worker(entry.file, { workerData: data, transferList: [port2], execArgv: entry.execArgv ?? [], argv: entry.argv ?? [] })
  worker.unref()
  // Errors reach the importer as messages; this only keeps an uncaught worker failure from crashing us.
  worker.on('error', () => undefined)
  return { worker, port: port1, signal }
}

let spare: ParseWorker | undefined

/**
 * Start a parse worker now for a big file about to be read (a worker takes ~0.1 s to start: this
 * way it starts while the file is read). Taken by the next readDigest that parses in a worker.
 */
export function warmUpParseWorker(): void {
  if (!spare && canBlock()) spare = startParseWorker()
}

/** End a warmed-up worker nobody took (e.g. the big file was already imported). */
export function coolDownParseWorker(): void {
  void spare?.worker.terminate()
  spare = undefined
}

function readInWorker(bytes: Uint8Array, options: ReadOptions): DigestReader {
  const { worker, port, signal } = spare ?? startParseWorker()
  spare = undefined
  const request: ParseRequest = {
    bytes: bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToShared(bytes),
    fileName: options.fileName,
    mtime: options.mtime?.getTime()
  }
  port.postMessage(request)
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
    for (let waited = 0; ; ) {
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
      if (Atomics.wait(signal, POSTED, taken, 1000) === 'timed-out' && (waited += 1000) >= SILENCE_MS) {
        close()
        throw new LibraryError('import', 'the parser stopped responding')
      }
    }
  }
  return {
    async open() {
      const first = next()
      if (first.type !== 'format') throw new Error(`parse worker: expected the format first, got ${first.type}`)
      return { format: first.format, warnings: first.warnings }
    },
    parse(ctx, onPaper) {
      try {
        for (;;) {
          const m = next()
          if (m.type === 'papers') m.papers.forEach((p, i) => onPaper(p, m.encoded[i]!))
          else if (m.type === 'date') ctx.onDate?.(m.date, m.inferred)
          else if (m.type === 'done') {
            done = true
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
  const shared = sharedBytes(bytes.length)
  shared.set(bytes)
  return shared
}
