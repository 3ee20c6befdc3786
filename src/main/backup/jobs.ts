/**
 * The library's data jobs: backup, restore and notes export, to and from paths the user chose (the
 * app's File menu) or as files the page downloads and uploads (the browser version). Plain Node on
 * a library connection of their own: the app and the browser host run them in a worker thread
 * (job-worker.ts), so the thread that serves the window never waits for a whole-library pass.
 */
import { copyFileSync, linkSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, extname, join } from 'node:path'
import { zipSync } from 'fflate'
import type { BackupResult, DownloadFile, NotesExportResult, RestoreResult } from '../../shared/contract'
import { exportNotes } from '../export/notes-vault'
import type { Library } from '../library/index'
import { restoreBackup } from './restore'
import { copyLibrary } from './sqlite-copy'
import { writeBackup } from './write-backup'

export type LibraryJob =
  | { kind: 'backupToPath'; path: string }
  | { kind: 'backupDownload' }
  | { kind: 'restoreFromPath'; path: string }
  | { kind: 'restoreFromFile'; name: string; text: string }
  | { kind: 'restoreFromUpload'; path: string; name: string }
  | { kind: 'exportNotesToPath'; dir: string }
  | { kind: 'exportNotesDownload' }
  /** Nothing but open the library: its connection upgrades it (migrations) on the job's thread. */
  | { kind: 'upgrade' }

/** What each job answers. */
export interface JobResults {
  backupToPath: BackupResult
  backupDownload: DownloadFile
  restoreFromPath: RestoreResult
  restoreFromFile: RestoreResult
  restoreFromUpload: RestoreResult
  exportNotesToPath: NotesExportResult
  exportNotesDownload: DownloadFile
  upgrade: { version: number }
}
export type JobResult = JobResults[LibraryJob['kind']]

/** Runs a library job: in-process (CLI-like callers, tests) or inside job-worker.ts. */
export type RunJob = <J extends LibraryJob>(job: J) => Promise<JobResults[J['kind']]>

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
const day = (now: Date): string => now.toISOString().slice(0, 10)

/** A scratch folder removed whatever happens. */
function withScratch<T>(run: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'folio-job-'))
  try {
    return run(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A name safe for a file inside the scratch folder (no folders, control or reserved characters),
 * still recognisably the user's file in messages.
 */
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f:*?"<>|]/g // eslint-disable-line no-control-regex -- control characters are exactly what must go
const uploadName = (name: string): string =>
  basename(name.replace(/\\/g, '/')).replace(UNSAFE_IN_NAMES, '_').replace(/^\.+/, '').slice(0, 200) || 'backup.jsonl'

export async function runLibraryJob<J extends LibraryJob>(
  lib: Library,
  job: J,
  now = new Date()
): Promise<JobResults[J['kind']]> {
  return (await run(lib, job, now)) as JobResults[J['kind']]
}

async function run(lib: Library, job: LibraryJob, now: Date): Promise<JobResult> {
  switch (job.kind) {
    case 'backupToPath': {
      if (extname(job.path).toLowerCase() === '.sqlite') {
        const copy = await copyLibrary(lib.db, lib.path, job.path)
        const n = (table: string): number => lib.db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get()!
        return { file: copy.file, kind: 'sqlite', papers: n('papers'), digests: n('digests'), tags: n('tags') }
      }
      return { ...writeBackup(lib.db, job.path, now), kind: 'jsonl' }
    }
    case 'backupDownload':
      return withScratch((dir) => {
        const fileName = `Folio backup ${day(now)}.jsonl`
        const r = writeBackup(lib.db, join(dir, 'backup.jsonl'), now)
        return {
          fileName,
          mimeType: 'application/jsonl',
          encoding: 'utf8',
          data: readFileSync(r.file, 'utf8'),
          summary: `${plural(r.papers, 'paper')}, ${plural(r.digests, 'digest')} and ${plural(r.tags, 'tag')}`
        }
      })
    case 'restoreFromPath':
      return restoreBackup(lib.db, job.path)
    case 'restoreFromFile':
      // restoreBackup reads a file: the upload goes into a scratch file under the user's file name,
      // so every message names the file the user picked.
      return withScratch((dir) => {
        const file = join(dir, uploadName(job.name))
        writeFileSync(file, job.text)
        return restoreBackup(lib.db, file)
      })
    case 'restoreFromUpload':
      // The uploaded file (host/uploads.ts), linked into a scratch folder under the user's file name.
      return withScratch((dir) => {
        const file = join(dir, uploadName(job.name))
        try {
          linkSync(job.path, file)
        } catch {
          copyFileSync(job.path, file)
        }
        return restoreBackup(lib.db, file)
      })
    case 'exportNotesToPath': {
      const r = exportNotes(lib.db, job.dir)
      return { dir: r.dir, written: r.written }
    }
    case 'exportNotesDownload':
      return withScratch((dir) => {
        const r = exportNotes(lib.db, join(dir, 'notes'))
        const folder = `Folio notes ${day(now)}`
        const files: Record<string, Uint8Array> = {}
        for (const name of r.files) files[`${folder}/${name}`] = readFileSync(join(r.dir, name))
        return {
          fileName: `${folder}.zip`,
          mimeType: 'application/zip',
          encoding: 'base64',
          data: Buffer.from(zipSync(files, { level: 6 })).toString('base64'),
          summary: plural(r.written, 'note')
        }
      })
    case 'upgrade':
      return { version: lib.db.pragma('user_version', { simple: true }) as number }
  }
}
