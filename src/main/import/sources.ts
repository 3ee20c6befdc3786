/** Turning what the user gave (files, folders, dropped bytes) into a list of files to import. */
import { readdirSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

export type ImportSource =
  { kind: 'path'; path: string } | { kind: 'bytes'; name: string; bytes: Uint8Array; mtime?: Date }

/** Files larger than this are refused (and named with the limit): 256 MB. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024

export interface FileEntry {
  /** What messages call the file: the path as given, or the uploaded name. */
  label: string
  path: string | null
  name: string
  source: ImportSource
}

const IGNORED = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i

/** Expand folders recursively (sorted, hidden files skipped). Missing paths stay, to be reported. */
export function expandSources(sources: ImportSource[]): FileEntry[] {
  const out: FileEntry[] = []
  const walk = (path: string, label: string): void => {
    let isDir = false
    try {
      isDir = statSync(path).isDirectory()
    } catch {
      // Missing or unreadable: keep it; reading it reports the reason.
    }
    if (!isDir) {
      out.push({ label, path, name: basename(path), source: { kind: 'path', path } })
      return
    }
    let names: string[] = []
    try {
      names = readdirSync(path).sort()
    } catch (err) {
      out.push({ label, path, name: basename(path), source: { kind: 'path', path } })
      return void err
    }
    for (const name of names) {
      if (IGNORED.test(name)) continue
      walk(join(path, name), join(label, name))
    }
  }
  for (const s of sources) {
    if (s.kind === 'bytes') out.push({ label: s.name, path: null, name: s.name, source: s })
    else walk(resolve(s.path), s.path)
  }
  return out
}
