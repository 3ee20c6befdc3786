/**
 * The full check's seal. PRAGMA quick_check reads every page (7–11 s for the 3 GB of a million
 * papers), and every command-line command that writes runs it first, so that a damaged file is never
 * written into. Its verdict is kept beside the library, in `<library>-checked`, when Folio closes a
 * library it knows to be healthy (checked whole in this session, or sealed when it was opened) and
 * the connection closing is the last one (no -wal left: every change is in the file). The seal holds
 * the file's device, inode, size, and modification and change times in nanoseconds.
 *
 * A command that writes skips the full check when the file still has exactly those: nothing has
 * written it since Folio last knew it whole. Any other write (another program, a copy, a restore, a
 * disk tool, a Folio that crashed and left a -wal) changes them (the change time cannot be set back
 * the way the modification time can), and the full check runs again. Damage that changes no byte's
 * times (the disk itself failing) is what the app's and the host's full check finds: it runs off the
 * start-up path at every start, whatever the seal says.
 *
 * Best effort both ways: a seal that cannot be read or written means a full check next time.
 * Plain Node: no electron import.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'

export const SEAL_SUFFIX = '-checked'

interface Seal {
  dev: string
  ino: string
  size: string
  mtimeNs: string
  ctimeNs: string
}

function fingerprint(file: string): Seal | null {
  try {
    const st = statSync(file, { bigint: true })
    return {
      dev: String(st.dev),
      ino: String(st.ino),
      size: String(st.size),
      mtimeNs: String(st.mtimeNs),
      ctimeNs: String(st.ctimeNs)
    }
  } catch {
    return null
  }
}

/** No pending changes beside the file: no -wal or -journal with anything in it. */
function settled(file: string): boolean {
  for (const side of ['-wal', '-journal']) {
    try {
      if (statSync(file + side).size > 0) return false
    } catch {
      /* absent: nothing pending */
    }
  }
  return true
}

/** Is `file` exactly as it was when Folio last sealed it (healthy, and written by nothing since)? */
export function isSealed(file: string): boolean {
  if (!settled(file)) return false
  const now = fingerprint(file)
  if (!now) return false
  let seal: Partial<Seal>
  try {
    seal = JSON.parse(readFileSync(file + SEAL_SUFFIX, 'utf8')) as Partial<Seal>
  } catch {
    return false
  }
  return (Object.keys(now) as (keyof Seal)[]).every((k) => seal[k] === now[k])
}

/**
 * Seal `file` after its last connection closed, when the caller knows it healthy. Nothing happens
 * when changes are still pending (another connection is open): the next writer checks in full.
 */
export function sealFile(file: string): void {
  if (!settled(file)) return
  const now = fingerprint(file)
  if (!now) return
  const tmp = `${file}${SEAL_SUFFIX}.tmp-${process.pid}`
  try {
    writeFileSync(tmp, JSON.stringify(now))
    renameSync(tmp, file + SEAL_SUFFIX)
  } catch {
    rmSync(tmp, { force: true })
  }
}
