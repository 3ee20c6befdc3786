/** Reading a call's JSON body in the browser host, no larger than the call needs. */
import type { IncomingMessage } from 'node:http'
import type { MethodName } from '../../shared/contract'

/**
 * The largest JSON body each call may send (default: BODY_LIMIT): what its input can be at most
 * (200,000 ids; a 1,000,000-character note, escaped). Files never come as JSON: digests and backups
 * are uploaded (POST UPLOAD_PATH, streamed to disk: uploads.ts), then imported (importUpload) or
 * restored (restoreUpload) by id. Larger bodies are refused (413) as they arrive.
 */
const BODY_LIMIT = 64 * 1024
const BODY_LIMITS: Partial<Record<MethodName, number>> = {
  setStatus: 4 * 1024 * 1024,
  setStarred: 4 * 1024 * 1024,
  tagPapers: 4 * 1024 * 1024,
  restoreStatus: 12 * 1024 * 1024,
  saveNote: 8 * 1024 * 1024
}
export const bodyLimitOf = (method: string): number =>
  (Object.hasOwn(BODY_LIMITS, method) ? BODY_LIMITS[method as MethodName] : undefined) ?? BODY_LIMIT

export class TooLarge extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return fail(new TooLarge())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        fail(new TooLarge())
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => ok(Buffer.concat(chunks)))
    req.on('error', fail)
  })
}
