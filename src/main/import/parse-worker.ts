/**
 * Worker-thread entry: decodes, detects and parses one big digest file while the importer writes
 * the papers it has already sent (digest-stream.ts). Papers leave here sanitised, in file order,
 * in batches. No library access.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { workerData } from 'node:worker_threads'
import { BINARY_SAMPLE, decodeDigest, looksBinary } from '../digests/decode'
import { detect, detectFeedStart } from '../digests/detect'
import { flattenPaper } from '../digests/encode'
import { loadParser, loadPieceParser } from '../digests/parsers'
import { sanitizePaper } from '../digests/sanitize'
import { DigestError, type DigestMeta, type ParseContext, type ParsedPaper, type TextPieces } from '../digests/types'
import { checkChunkable, filePieces } from './file-pieces'
import {
  BATCH,
  FIRST_BATCH,
  MAX_AHEAD,
  POSTED,
  TAKEN,
  type ParseMessage,
  type ParseRequest,
  type ParseWorkerData
} from './parse-protocol'

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

let fields: (string | null)[] = []
let inBatch = 0
let batchSize = FIRST_BATCH
const flush = (): void => {
  if (inBatch) post({ type: 'papers', fields })
  fields = []
  inBatch = 0
}

const onPaper = (parsed: ParsedPaper): void => {
  flattenPaper(fields, sanitizePaper(parsed))
  if (++inBatch === batchSize) {
    flush()
    batchSize = BATCH
  }
}

/** Decode, detect and parse bytes held whole (dropped bytes, or a file that cannot be read in pieces). */
async function parseWhole(bytes: Uint8Array, ctx: ParseContext): Promise<DigestMeta> {
  const { text, warnings } = decodeDigest(bytes)
  const format = detect(text)
  post({ type: 'format', format, warnings })
  const parse = await loadParser(format)
  return parse(text, ctx, onPaper)
}

/**
 * A file read here, a chunk at a time: an arXiv feed in plain UTF-8 is decoded and parsed as its
 * chunks are read (neither its bytes nor its text held whole); any other file is read whole and
 * parsed as dropped bytes are. Returns the facts and the sha256 of the bytes parsed.
 */
async function parseFile(
  path: string,
  chunkBytes: number | undefined,
  ctx: ParseContext
): Promise<{ meta: DigestMeta; hash: string }> {
  const start = checkChunkable(path, chunkBytes)
  if (start) {
    const hash = createHash('sha256')
    const pieces = filePieces(path, start.bomBytes, chunkBytes, (chunk) => hash.update(chunk))
    try {
      // Enough text to check for control characters (as decode.ts does) and to tell the format.
      const head: string[] = []
      for (let length = 0; length < BINARY_SAMPLE;) {
        const r = pieces.next()
        if (r.done) break
        head.push(r.value)
        length += r.value.length
      }
      const prefix = head.join('')
      const format = looksBinary(prefix, BINARY_SAMPLE) ? undefined : detectFeedStart(prefix)
      if (format) {
        post({ type: 'format', format, warnings: [] })
        const parse = await loadPieceParser(format)
        const text: TextPieces = {
          pieces: (function* () {
            yield prefix
            yield* pieces
          })(),
          whole: () => decodeDigest(readFileSync(path)).text
        }
        // The parse reads every piece (saxes sees the whole document), so the hash is the whole file's.
        const meta = parse(text, ctx, onPaper)
        return { meta, hash: hash.digest('hex') }
      }
    } finally {
      pieces.return(undefined) // closes the file (a no-op once every piece was read)
    }
  }
  const bytes = readFileSync(path)
  return { meta: await parseWhole(bytes, ctx), hash: createHash('sha256').update(bytes).digest('hex') }
}

async function run(request: ParseRequest): Promise<void> {
  const ctx: ParseContext = {
    fileName: request.fileName,
    mtime: request.mtime !== undefined ? new Date(request.mtime) : undefined,
    onDate: (date: string, inferred: boolean): void => {
      flush()
      post({ type: 'date', date, inferred })
    }
  }
  if ('path' in request) {
    const { meta, hash } = await parseFile(request.path, request.chunkBytes, ctx)
    flush()
    post({ type: 'done', meta, hash })
  } else {
    const meta = await parseWhole(request.bytes, ctx)
    flush()
    post({ type: 'done', meta })
  }
}

// One file per worker: it waits for its request (it may be started before the file is read), parses
// it, and ends (nothing else keeps it alive once the port is unreferenced).
port.once('message', (request: ParseRequest) => {
  run(request)
    .catch((err: unknown) => {
      const digest = err instanceof DigestError
      post({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
        digest,
        ...(digest && err.where ? { where: err.where } : {})
      })
    })
    .finally(() => port.unref())
})
