/**
 * `folio serve` started again takes the address it had (issue 15.7): a page left open on the old
 * address finds the library again. The real CLI, spawned twice on one library.
 */
import { spawn } from 'node:child_process'
import { statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addressPathFor } from '../../src/main/host/address'
import { FOLIO_BIN } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

/** Start `folio serve`, wait for the address it prints, stop it; resolves with that address. */
function serveOnce(library: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FOLIO_BIN, 'serve', '--library', library], { stdio: 'pipe' })
    let out = ''
    let url = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /Open (\S+)/.exec(out)
      if (m && !url) {
        url = m[1]!
        child.kill('SIGTERM')
      }
    })
    child.on('error', reject)
    child.on('exit', () => (url ? resolve(url) : reject(new Error(`no address printed: ${out}`))))
  })
}

describe('folio serve', { timeout: 60_000 }, () => {
  it('serves a library on the same address as last time; a damaged record means a new one', async () => {
    const t = tempDir()
    try {
      const library = join(t.dir, 'lib.sqlite')
      const first = await serveOnce(library)
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/)
      expect(statSync(addressPathFor(library)).mode & 0o077).toBe(0)
      expect(await serveOnce(library)).toBe(first)
      // The port taken by something else: a new address.
      const port = Number(new URL(first).port)
      const blocker = createServer()
      await new Promise<void>((ok) => blocker.listen(port, '127.0.0.1', ok))
      try {
        const moved = await serveOnce(library)
        expect(new URL(moved).port).not.toBe(String(port))
      } finally {
        await new Promise((ok) => blocker.close(ok))
      }
      writeFileSync(addressPathFor(library), '{"port": "nope"')
      const fresh = await serveOnce(library)
      expect(fresh).not.toBe(first)
      expect(fresh).toMatch(/token=[\w-]{32,}$/)
    } finally {
      t.cleanup()
    }
  })
})
