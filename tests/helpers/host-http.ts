/** Talking to a running browser host over raw HTTP, as the page does: calls, uploads, events. */
import { createReadStream } from 'node:fs'
import { request, type IncomingMessage } from 'node:http'
import { TOKEN_HEADER, UPLOAD_PATH } from '../../src/shared/transport-fetch'

export interface HostAddress {
  port: number
  token: string
}

const collect = (res: IncomingMessage): Promise<{ status: number; body: string }> =>
  new Promise((resolve) => {
    let body = ''
    res.on('data', (d: Buffer) => (body += d.toString()))
    res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    res.on('error', () => resolve({ status: res.statusCode ?? 0, body }))
  })

/** POST /api/<method> with a JSON body (or the raw `body` given). */
export function call(
  host: HostAddress,
  method: string,
  input: unknown,
  body?: string
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }
      },
      (res) => void collect(res).then(resolve)
    )
    req.on('error', reject)
    req.end(body ?? JSON.stringify(input))
  })
}

/** POST a file to the upload endpoint, streamed from disk. */
export function upload(host: HostAddress, file: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: UPLOAD_PATH,
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [TOKEN_HEADER]: host.token }
      },
      (res) => void collect(res).then(resolve)
    )
    req.on('error', (err) => (req.writableEnded ? reject(err) : resolve({ status: -1, body: err.message })))
    createReadStream(file).pipe(req)
  })
}

/** Opens the host's event stream; `onText` gets all the text received so far. Returns a way to close it. */
function openEvents(host: HostAddress, onText: (text: string) => void, onError: (err: Error) => void): () => void {
  const req = request(
    { host: '127.0.0.1', port: host.port, path: `/events?token=${encodeURIComponent(host.token)}` },
    (res) => {
      let text = ''
      res.on('data', (d: Buffer) => {
        text += d.toString()
        onText(text)
      })
    }
  )
  req.on('error', onError)
  req.end()
  return () => req.destroy()
}

/** Resolves at the first `event` on the host's event stream (then closes the stream). */
export function nextEvent(host: HostAddress, event: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const close = openEvents(
      host,
      (text) => {
        const m = new RegExp(`event: ${event}\\ndata: (.*)\\n`).exec(text)
        if (m) {
          close()
          resolve(m[1]!)
        }
      },
      reject
    )
  })
}

/** Records the names of the events the host streams, in order, until stopped. */
export function recordEvents(host: HostAddress): { names: string[]; stop(): void } {
  const names: string[] = []
  const stop = openEvents(
    host,
    (text) => {
      names.length = 0
      for (const m of text.matchAll(/^event: (\w+)$/gm)) names.push(m[1]!)
    },
    () => {}
  )
  return { names, stop }
}
