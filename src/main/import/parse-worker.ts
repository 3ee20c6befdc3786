/**
 * Worker-thread entry: decodes, detects and parses one big digest file while the importer writes
 * the papers it has already sent (digest-stream.ts). Papers leave here sanitised, in file order,
 * in batches. Pure: no library access.
 */
import { workerData } from 'node:worker_threads'
import { decodeDigest } from '../digests/decode'
import { detect } from '../digests/detect'
import { encodePaper, paperCore, type EncodedPaper, type PaperCore } from '../digests/encode'
import { loadParser } from '../digests/parsers'
import { sanitizePaper } from '../digests/sanitize'
import { DigestError } from '../digests/types'
import { BATCH, MAX_AHEAD, POSTED, TAKEN, type ParseMessage, type ParseRequest, type ParseWorkerData } from './parse-protocol'

const { port, signal } = workerData as ParseWorkerData

function post(m: ParseMessage): void {
  port.postMessage(m)
  const posted = Atomics.add(signal, POSTED, 1) + 1
  Atomics.notify(signal, POSTED)
  // Do not run far ahead of the writer: parsed papers waiting in messages cost memory.
  for (let taken = Atomics.load(signal, TAKEN); posted - taken > MAX_AHEAD; taken = Atomics.load(signal, TAKEN)) {
    Atomics.wait(signal, TAKEN, taken, 1000)
  }
}

let batch: PaperCore[] = []
let encoded: EncodedPaper[] = []
const flush = (): void => {
  if (batch.length) post({ type: 'papers', papers: batch, encoded })
  batch = []
  encoded = []
}

async function run(request: ParseRequest): Promise<void> {
  const { text, warnings } = decodeDigest(request.bytes)
  const format = detect(text)
  post({ type: 'format', format, warnings })
  const parse = await loadParser(format)
  const ctx = {
    fileName: request.fileName,
    mtime: request.mtime !== undefined ? new Date(request.mtime) : undefined,
    onDate: (date: string, inferred: boolean): void => {
      flush()
      post({ type: 'date', date, inferred })
    }
  }
  const meta = parse(text, ctx, (parsed) => {
    const paper = sanitizePaper(parsed)
    batch.push(paperCore(paper))
    encoded.push(encodePaper(paper))
    if (batch.length === BATCH) flush()
  })
  flush()
  post({ type: 'done', meta })
}

// One file per worker: it waits for its request (it may be started before the file is read), parses
// it, and ends (nothing else keeps it alive once the port is unreferenced).
port.once('message', (request: ParseRequest) => {
  run(request)
    .catch((err: unknown) => {
      const digest = err instanceof DigestError
      post({ type: 'error', message: err instanceof Error ? err.message : String(err), digest, ...(digest && err.where ? { where: err.where } : {}) })
    })
    .finally(() => port.unref())
})
