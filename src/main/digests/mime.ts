/**
 * A saved e-mail (.eml): RFC 822 headers, then a body that may be quoted-printable or base64, or
 * a multipart message whose text/plain part holds the digest. Unwrap it to that plain text so the
 * format detectors see the listing itself. Text that is not such a message passes through as is.
 */
import { DigestError } from './types'

interface Part {
  headers: Map<string, string>
  body: string
}

const HEADER = /^[A-Za-z][A-Za-z0-9-]*:/

function splitHeaders(text: string): Part | null {
  const end = text.indexOf('\n\n')
  if (end < 0) return null
  const lines = text.slice(0, end).split('\n')
  if (!lines.length || !HEADER.test(lines[0]!)) return null
  const headers = new Map<string, string>()
  let last = ''
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`)
      continue
    }
    const m = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line)
    if (!m) return null // not a header block
    last = m[1]!.toLowerCase()
    headers.set(last, m[2]!)
  }
  return { headers, body: text.slice(end + 2) }
}

function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return m ? (m[1] ?? m[2]) : undefined
}

function decodeQuotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\n/g, '')
  const out: number[] = []
  const enc = new TextEncoder()
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i)
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      out.push(parseInt(soft.slice(i + 1, i + 3), 16))
      i += 2
    } else if (c < 0x80) out.push(c)
    // eslint-disable-next-line no-restricted-syntax -- one character: at most 4 bytes
    else out.push(...enc.encode(soft[i]))
  }
  return Uint8Array.from(out)
}

function decodeBody(part: Part): string {
  const cte = (part.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase()
  const charset = param(part.headers.get('content-type') ?? '', 'charset') ?? 'utf-8'
  let bytes: Uint8Array
  if (cte === 'quoted-printable') bytes = decodeQuotedPrintable(part.body)
  else if (cte === 'base64') bytes = Uint8Array.from(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'))
  else return part.body
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n')
  } catch {
    throw new DigestError(`e-mail body is not valid ${charset} after ${cte} decoding`)
  }
}

function textPart(part: Part, depth = 0): Part | null {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase()
  if (type.startsWith('text/plain')) return part
  if (!type.startsWith('multipart/') || depth > 5) return null
  const boundary = param(part.headers.get('content-type') ?? '', 'boundary')
  if (!boundary) return null
  const chunks = part.body.split(`--${boundary}`).slice(1)
  for (const chunk of chunks) {
    if (chunk.startsWith('--')) break
    const sub = splitHeaders(chunk.replace(/^\n/, ''))
    const found = sub && textPart(sub, depth + 1)
    if (found) return found
  }
  return null
}

/** The digest text inside a saved e-mail, or the text unchanged when it is not a MIME message. */
export function unwrapMime(text: string): string {
  const message = splitHeaders(text)
  if (!message) return text
  const h = message.headers
  if (!h.has('mime-version') && !h.has('content-type') && !h.has('content-transfer-encoding')) return text
  const part = textPart(message)
  if (!part) throw new DigestError('e-mail without a plain-text part (save the arXiv mailing as plain text)')
  const body = decodeBody(part)
  // Keep the message's Date/Subject: the listing parser reads the mailing date from them.
  const keep = ['date', 'subject']
    .filter((k) => h.has(k))
    .map((k) => `${k[0]!.toUpperCase()}${k.slice(1)}: ${h.get(k)}`)
  return keep.length ? `${keep.join('\n')}\n\n${body}` : body
}
