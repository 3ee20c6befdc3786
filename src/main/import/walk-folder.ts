/**
 * Listing the files under a folder, for the folder import and the watched folder. Each real folder is
 * walked once (by device and inode, symlinks followed): a symlink loop (`ln -s .. sub/a`) or two links
 * to the same folder add nothing, where a naive walk grows exponentially. Asynchronous, so the thread
 * that walks (Electron's main process, for the watched folder) keeps serving meanwhile.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { throwIfStopped, type CancelFlag } from './cancel'

export interface FoundFile {
  path: string
  /** The path relative to the folder walked. */
  relative: string
  /** A folder that could not be listed (kept, so that reading it reports why). */
  unreadable?: boolean
}

export interface WalkOptions {
  /** Names skipped (files and folders). */
  ignore: RegExp
  cancel?: CancelFlag
}

const idOf = (st: { dev: number; ino: number }): string => `${st.dev}:${st.ino}`

/** Every file under `folder`, sorted by name within each folder, each real file and folder once. */
export async function walkFolder(folder: string, options: WalkOptions): Promise<FoundFile[]> {
  const out: FoundFile[] = []
  const seen = new Set<string>()
  const visit = async (dir: string, rel: string): Promise<void> => {
    throwIfStopped(options.cancel)
    let names: string[]
    try {
      names = (await readdir(dir)).sort()
    } catch {
      out.push({ path: dir, relative: rel, unreadable: true })
      return
    }
    for (const name of names) {
      if (options.ignore.test(name)) continue
      const path = join(dir, name)
      let st
      try {
        st = await stat(path)
      } catch {
        continue // vanished, or a dangling link
      }
      if (seen.has(idOf(st))) continue
      seen.add(idOf(st))
      if (st.isDirectory()) await visit(path, join(rel, name))
      else if (st.isFile()) out.push({ path, relative: join(rel, name) })
    }
  }
  try {
    seen.add(idOf(await stat(folder)))
  } catch {
    return out
  }
  await visit(folder, '')
  return out
}
