/** Turning what the user gave (files, folders, uploaded or dropped files) into a list of files to import. */
import { stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { CancelFlag } from './cancel'
import { walkFolder } from './walk-folder'

export type ImportSource =
  | { kind: 'path'; path: string }
  | { kind: 'bytes'; name: string; bytes: Uint8Array; mtime?: Date }
  /** A file uploaded to the browser host, on disk at `path`; messages call it by its own `name`. */
  | { kind: 'upload'; path: string; name: string; mtime?: Date }

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

/**
 * Expand folders recursively (sorted, hidden files skipped, each real folder once: walk-folder.ts).
 * Missing paths stay, to be reported.
 */
export async function expandSources(sources: ImportSource[], cancel?: CancelFlag): Promise<FileEntry[]> {
  const out: FileEntry[] = []
  const file = (path: string, label: string): FileEntry => ({
    label,
    path,
    name: basename(path),
    source: { kind: 'path', path }
  })
  for (const s of sources) {
    if (s.kind === 'bytes') {
      out.push({ label: s.name, path: null, name: s.name, source: s })
      continue
    }
    if (s.kind === 'upload') {
      out.push({ label: s.name, path: null, name: s.name, source: s })
      continue
    }
    const path = resolve(s.path)
    let isDir = false
    try {
      isDir = (await stat(path)).isDirectory()
    } catch {
      // Missing or unreadable: keep it; reading it reports the reason.
    }
    if (!isDir) {
      out.push(file(path, s.path))
      continue
    }
    for (const f of await walkFolder(path, { ignore: IGNORED, cancel }))
      out.push(file(f.path, join(s.path, f.relative)))
  }
  return out
}
