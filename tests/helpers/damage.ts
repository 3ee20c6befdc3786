/** Ways to damage a library file, and a way to run a command as an unprivileged user. */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { chmodSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { FOLIO_BIN, type CliResult } from './cli'

/** Overwrite the first bytes: SQLite says "file is not a database" (SQLITE_NOTADB). */
export function breakHeader(file: string): void {
  const buf = readFileSync(file)
  buf.write('this is no longer SQLite', 0)
  writeFileSync(file, buf)
}

/** Fill one b-tree page in the middle with garbage: opens fine, PRAGMA quick_check fails. */
export function garblePage(file: string, page = 3): void {
  const db = new Database(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const size = db.pragma('page_size', { simple: true }) as number
  db.close()
  const buf = readFileSync(file)
  buf.fill(0xab, size * (page - 1), size * page)
  writeFileSync(file, buf)
}

/** Cut the file in half: "database disk image is malformed" (SQLITE_CORRUPT). */
export function truncateHalf(file: string): void {
  const db = new Database(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  truncateSync(file, Math.floor(statSync(file).size / 2))
}

export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0
const NOBODY = 65534

/**
 * Runs the real `folio` command so that file permissions apply: as root they would not (root
 * writes anything), so as root it runs as the unprivileged user `nobody`.
 */
export function folioUnprivileged(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [FOLIO_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, HOME: '/tmp', ...env },
    timeout: 60_000,
    ...(isRoot() ? { uid: NOBODY, gid: NOBODY } : {})
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Make `dir` reachable by the unprivileged user (mkdtemp folders are 0700). */
export function openUp(dir: string, mode = 0o777): void {
  chmodSync(dir, mode)
}
