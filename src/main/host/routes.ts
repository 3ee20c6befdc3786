/**
 * The browser host's requests, one by one: the API (token, JSON, a cap on body size and on calls at
 * once), uploads, the event stream, the page (with its token) and the renderer's static files. Host
 * and Origin are checked first (no DNS rebinding, no cross-site calls).
 */
import { timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { API_PATH, EVENTS_PATH, TOKEN_HEADER, TOKEN_META, UPLOAD_PATH } from '../../shared/transport-fetch'
import { readStatic, resolveStatic, SECURITY_HEADERS } from '../static-files'
import { bodyLimitOf, readBody, TooLarge } from './request-body'
import { cacheControlFor } from './static'
import type { openUploads } from './uploads'

/** Calls served at the same time; more are answered 503 (the page retries nothing: it shows the error). */
const MAX_CONCURRENT_CALLS = 16

export interface RouteContext {
  token: string
  /** The port listened on (known once listening). */
  port(): number
  rendererDir: string
  indexFile: string
  /** resolveStatic answers real paths: the page itself is only ever served with its token. */
  realIndexFile: string
  uploads: ReturnType<typeof openUploads>
  /** The current dispatcher (a new one after the library was replaced). */
  dispatch(method: string, input: unknown): Promise<unknown>
  /** Open event streams. */
  listeners: Set<ServerResponse>
}

export const sameToken = (a: string | undefined | null, b: string): boolean => {
  if (!a) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8'
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

/** The host's request handler over `ctx`. */
export function requestHandler(ctx: RouteContext): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { token, rendererDir, indexFile, realIndexFile, uploads, listeners } = ctx
  let calls = 0
  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${ctx.port()}`, `localhost:${ctx.port()}`])
  const allowedOrigins = (): Set<string> =>
    new Set([`http://127.0.0.1:${ctx.port()}`, `http://localhost:${ctx.port()}`])

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Wrong Host header')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin))
      return send(res, 403, 'Cross-origin requests are refused')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${ctx.port()}`)

    const failed = (status: number, code: string, message: string): void =>
      send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json')

    if (url.pathname === UPLOAD_PATH) {
      if (req.method !== 'POST') return send(res, 405, 'POST only')
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
        return send(res, 401, 'Missing or wrong token')
      try {
        const { id, bytes } = await uploads.receive(req)
        return send(res, 200, JSON.stringify({ ok: true, value: { id, bytes } }), 'application/json')
      } catch (err) {
        const e = err as { code?: string; message: string }
        const status = e.code === 'too-large' ? 413 : e.code === 'busy' ? 503 : e.code === 'disk-full' ? 507 : 400
        res.setHeader('connection', 'close') // the rest of a refused body is not read
        return failed(status, e.code ?? 'upload', `The upload was refused: ${e.message}`)
      }
    }

    if (url.pathname.startsWith(API_PATH)) {
      if (req.method !== 'POST') return send(res, 405, 'POST only')
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
        return send(res, 401, 'Missing or wrong token')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'JSON only')
      if (calls >= MAX_CONCURRENT_CALLS) return failed(503, 'busy', 'Folio is busy with other calls: try again')
      const method = url.pathname.slice(API_PATH.length)
      calls += 1
      try {
        let input: unknown
        try {
          const body = await readBody(req, bodyLimitOf(method))
          input = body.length ? JSON.parse(body.toString('utf8')) : {}
        } catch (err) {
          if (err instanceof TooLarge) {
            res.setHeader('connection', 'close')
            return failed(413, 'too-large', `${method.slice(0, 100)}: the request is larger than this call allows`)
          }
          return failed(400, 'bad-request', (err as Error).message)
        }
        const reply = await ctx.dispatch(method, input)
        return send(res, 200, JSON.stringify(reply), 'application/json')
      } finally {
        calls -= 1
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')

    if (url.pathname === EVENTS_PATH) {
      if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, 'Missing or wrong token')
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      listeners.add(res)
      req.on('close', () => listeners.delete(res))
      return
    }

    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        return send(res, 401, 'Folio: open the address that "folio serve" printed (it carries the access token).')
      }
      // The token (the page builds its api from the contract's method names, shared/values.ts).
      const html = readFileSync(indexFile, 'utf8').replace(
        '<head>',
        `<head>\n    <meta name="${TOKEN_META}" content="${token}" />`
      )
      return send(res, 200, html, 'text/html; charset=utf-8')
    }

    const file = await resolveStatic(rendererDir, url.pathname)
    if (!file || file === realIndexFile) return send(res, 404, 'Not found')
    const { body, type } = await readStatic(file)
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cacheControlFor(url.pathname) })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
