/**
 * Files the browser page uploads for import (POST /upload: the File itself as the body, streamed
 * here without base64 and without holding it in memory): each is written to a temp file, named by a
 * random id the page then imports (contract method importUpload), and deleted once imported, when
 * abandoned, or when the host stops. At most MAX_FILE_BYTES per file, MAX_UPLOADING at once.
 */
import { randomBytes } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { LibraryError } from '../library/db'
import { storageError } from '../library/storage-errors'
import { MAX_FILE_BYTES } from '../import/sources'

/** Uploads written at the same time (more wait for the page to retry: 503). */
export const MAX_UPLOADING = 2
/** An upload not imported within this long is deleted. */
const ABANDONED_MS = 10 * 60_000

export interface Upload {
  id: string
  path: string
  bytes: number
}

export interface Uploads {
  /** Stream a request's body to a temp file; refuses (and deletes) a body over `maxBytes`. */
  receive(req: IncomingMessage): Promise<Upload>
  /** Take an upload for import: its file (deleted by `release`), or an error naming the problem. */
  take(id: string): Upload
  release(upload: Upload): void
  /** Delete every upload (the host stops). */
  close(): void
}

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`

export function openUploads(maxBytes = MAX_FILE_BYTES): Uploads {
  const dir = mkdtempSync(join(tmpdir(), 'folio-uploads-'))
  const waiting = new Map<string, { upload: Upload; timer: NodeJS.Timeout }>()
  let uploading = 0
  const remove = (path: string): void => rmSync(path, { force: true })
  return {
    async receive(req) {
      if (uploading >= MAX_UPLOADING)
        throw new LibraryError('busy', 'Folio is already receiving files: wait for them to finish, then try again')
      const declared = Number(req.headers['content-length'] ?? 0)
      if (declared > maxBytes) throw new LibraryError('too-large', `the file is over the limit of ${mb(maxBytes)}`)
      uploading += 1
      const id = randomBytes(18).toString('base64url')
      const path = join(dir, id)
      let bytes = 0
      try {
        await pipeline(
          req,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const chunk of chunks) {
              bytes += chunk.length
              if (bytes > maxBytes) throw new LibraryError('too-large', `the file is over the limit of ${mb(maxBytes)}`)
              yield chunk
            }
          },
          createWriteStream(path, { mode: 0o600 })
        )
      } catch (err) {
        remove(path)
        if (err instanceof LibraryError) throw err
        const storage = storageError(err)
        if (storage) throw new LibraryError(storage.code, storage.message)
        throw new LibraryError('upload', `the upload did not arrive whole: ${(err as Error).message}`)
      } finally {
        uploading -= 1
      }
      const upload = { id, path, bytes }
      const timer = setTimeout(() => {
        waiting.delete(id)
        remove(path)
      }, ABANDONED_MS)
      timer.unref()
      waiting.set(id, { upload, timer })
      return upload
    },
    take(id) {
      const entry = waiting.get(id)
      if (!entry)
        throw new LibraryError(
          'not-found',
          'that upload is not here (it was imported, or it expired): add the file again'
        )
      waiting.delete(id)
      clearTimeout(entry.timer)
      return entry.upload
    },
    release: (upload) => remove(upload.path),
    close() {
      for (const { timer } of waiting.values()) clearTimeout(timer)
      waiting.clear()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
