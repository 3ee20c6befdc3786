/**
 * Digest files given to the app by the OS: on the command line (first start, or a second start
 * that hands its argv to the running instance), or through macOS "open-file". Plain Node.
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'

/** Flags that take a value (their value is not a file to import). */
const VALUE_FLAGS = new Set(['--library'])

/**
 * The existing files and folders named on a command line. argv[0] (the executable) is skipped,
 * so are flags (and --library's value) and the app's own folder (`electron .` in development).
 */
export function digestPathsFromArgv(argv: readonly string[], cwd: string, skip: readonly string[] = []): string[] {
  const skipped = new Set(skip.map((p) => resolve(p)))
  const out: string[] = []
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg.startsWith('-')) {
      if (VALUE_FLAGS.has(arg)) i++
      continue
    }
    const path = resolve(cwd, arg)
    if (skipped.has(path) || out.includes(path)) continue
    try {
      const st = statSync(path)
      if (st.isFile() || st.isDirectory()) out.push(path)
    } catch {
      // not a path (or gone): not ours to report
    }
  }
  return out
}
