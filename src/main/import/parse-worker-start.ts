/**
 * Starting parse workers (parse-worker.ts). A worker takes ~0.1 s to boot and load its code, so a
 * caller that knows early that a big file is coming (`folio import big.xml`, before it has even loaded
 * the importer) can start one ahead with warmUpParseWorker; the next file that needs a worker takes it.
 * Small on purpose: the CLI loads it before the importer.
 */
import { statSync } from 'node:fs'
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import type { ParseRequest, ParseWorkerData } from './parse-protocol'
import { workerEntry } from './worker-entry'

/** Files at least this big are parsed in a worker thread (below, starting it costs more than it saves). */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024

let blockingAllowed: boolean | undefined
/** Can this thread wait with Atomics.wait? (Node threads can; a thread that may not parses in itself.) */
export function canBlock(): boolean {
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

export interface ParseWorker {
  worker: Worker
  port: MessagePort
  signal: Int32Array
}

function bootParseWorker(): ParseWorker {
  const signal = new Int32Array(new SharedArrayBuffer(8))
  const { port1, port2 } = new MessageChannel()
  const entry = workerEntry('parse-worker')
  const data: ParseWorkerData = { port: port2, signal }
  const worker = new Worker(entry.file, {
    workerData: data,
    transferList: [port2],
    execArgv: entry.execArgv ?? [],
    argv: entry.argv ?? []
  })
  worker.unref()
  // Errors reach the importer as messages; this only keeps an uncaught worker failure from crashing us.
  worker.on('error', () => undefined)
  return { worker, port: port1, signal }
}

let spare: ParseWorker | undefined

/** A worker for one file, given its request now (it reads or decodes while the caller hashes). */
export function startParseWorker(request: ParseRequest): ParseWorker {
  const w = spare ?? bootParseWorker()
  spare = undefined
  w.port.postMessage(request)
  return w
}

/**
 * Boot a parse worker now when one of these paths is a file big enough to need one (folders are not
 * walked: that is the importer's job). Returns whether it did; endSpareParseWorker ends it if no file took it.
 */
export function warmUpParseWorker(paths: string[], minBytes = WORKER_MIN_BYTES): boolean {
  if (spare || !canBlock()) return false
  const big = paths.some((p) => {
    try {
      const st = statSync(p)
      return st.isFile() && st.size >= minBytes
    } catch {
      return false
    }
  })
  if (big) spare = bootParseWorker()
  return big
}

/** End a warmed-up worker no file took (e.g. the big file was already imported). */
export function endSpareParseWorker(): void {
  void spare?.worker.terminate()
  spare = undefined
}
