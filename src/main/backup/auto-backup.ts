/**
 * Automatic local backups: on start, at most one SQLite copy per day of the library into
 * `<userData>/backups/` (`library-YYYY-MM-DD.sqlite`, local date), keeping the newest 7 of them.
 * An empty library is never backed up (a fresh or mistaken library must not rotate good
 * backups away). Only files matching the library's own backup pattern are ever deleted.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { Library } from '../library/index'
import { stmt } from '../library/statements'
import { copyLibrary } from './sqlite-copy'

export const KEEP_BACKUPS = 7

export interface AutoBackupResult {
  /** The backup written now, or null (one exists for today, or the library is empty). */
  created: string | null
  skipped?: 'today' | 'empty'
  removed: string[]
}

const pad = (n: number): string => String(n).padStart(2, '0')
const localDay = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export async function autoBackup(
  lib: Pick<Library, 'db' | 'path'>,
  backupsDir: string,
  now = new Date(),
  keep = KEEP_BACKUPS
): Promise<AutoBackupResult> {
  const stem = basename(lib.path, extname(lib.path)) || 'library'
  const pattern = new RegExp(`^${escapeRe(stem)}-\\d{4}-\\d{2}-\\d{2}\\.sqlite$`)
  mkdirSync(backupsDir, { recursive: true })
  const name = `${stem}-${localDay(now)}.sqlite`
  const existing = () => readdirSync(backupsDir).filter((f) => pattern.test(f))
  let created: string | null = null
  let skipped: AutoBackupResult['skipped']
  if (existing().includes(name)) skipped = 'today'
  else if (!stmt<[], { n: number }>(lib.db, 'SELECT count(*) AS n FROM (SELECT 1 FROM papers LIMIT 1)').get()!.n)
    skipped = 'empty'
  else created = (await copyLibrary(lib.db, lib.path, join(backupsDir, name))).file
  // Newest first by the date in the name; keep the newest `keep`.
  const removed = existing().sort().reverse().slice(keep)
  for (const f of removed) rmSync(join(backupsDir, f), { force: true })
  return { created, ...(skipped ? { skipped } : {}), removed }
}
