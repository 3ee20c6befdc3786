/** Runs the real `folio` command (bin/folio.mjs) as a child process. */
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'

export const FOLIO_BIN = join(__dirname, '..', '..', 'src', 'main', 'cli', 'folio.mjs')

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

export function folio(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const r = spawnSync(process.execPath, [FOLIO_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    input,
    timeout: 60_000
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function folioAsync(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FOLIO_BIN, ...args], { env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/**
 * `folio import --progress <file>` killed with SIGKILL at its first progress line, when the import's
 * transaction is open and has written papers. The signal it died of, and that line.
 */
export function importKilledMidway(
  file: string,
  library: string
): Promise<{ signal: NodeJS.Signals | null; progress: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FOLIO_BIN, 'import', '--progress', file, '--library', library])
    let progress = ''
    child.stderr.on('data', (d: Buffer) => {
      if (!progress && /papers…/.test(d.toString())) {
        progress = d.toString()
        child.kill('SIGKILL')
      }
    })
    child.on('exit', (_code, signal) => resolve({ signal, progress }))
  })
}

/**
 * `folio import --progress <file>` sent `signal` at its third progress line (inside the import's
 * transaction, papers written). How it ended, what it said, and that line.
 */
export function importInterrupted(
  file: string,
  library: string,
  signal: NodeJS.Signals
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; progress: string; ms: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [FOLIO_BIN, 'import', '--progress', file, '--library', library])
    let stderr = ''
    let progress = ''
    let sentAt = 0
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      if (!progress && (stderr.match(/papers…/g) ?? []).length >= 3) {
        progress = stderr.trim().split('\n').pop()!
        sentAt = performance.now()
        child.kill(signal)
      }
    })
    child.on('close', (code, sig) =>
      resolve({ code, signal: sig, stderr, progress, ms: sentAt ? performance.now() - sentAt : -1 })
    )
  })
}
