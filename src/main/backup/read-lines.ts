/** Lines of a (possibly huge) UTF-8 text file, read synchronously in chunks (for use inside a transaction). */
import { closeSync, openSync, readSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'

export function* readLinesSync(file: string, chunkSize = 1 << 20): Generator<string> {
  const fd = openSync(file, 'r')
  try {
    const decoder = new StringDecoder('utf8')
    const buf = Buffer.allocUnsafe(chunkSize)
    let rest = ''
    for (;;) {
      const n = readSync(fd, buf, 0, chunkSize, null)
      if (n === 0) break
      const parts = (rest + decoder.write(buf.subarray(0, n))).split('\n')
      rest = parts.pop() ?? ''
      for (const line of parts) yield line.endsWith('\r') ? line.slice(0, -1) : line
    }
    rest += decoder.end()
    if (rest) yield rest
  } finally {
    closeSync(fd)
  }
}
