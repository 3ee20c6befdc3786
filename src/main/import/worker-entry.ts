/**
 * Where a worker thread's script is, for this build of Folio. From a bundle (out/main: the app, the
 * built CLI) the built `<name>.js` next to it; from source (tests, `folio serve` before a build) the
 * built one when it is fresh (starts at once), else the TypeScript module through tsx (worker-tsx.mjs).
 * In the packaged app the bundle sits inside `app.asar`: the workers start from the copies that
 * electron-builder unpacks beside it (`asarUnpack`; docs/packaging.md), plain files a worker thread
 * loads like any Node file, never from inside the archive.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshBuild } from '../build-freshness.mjs'
import { LibraryError } from '../library/db'

export interface WorkerEntry {
  /** File (or file URL) of the worker script. */
  file: string | URL
  /** Extra Node flags for the worker. */
  execArgv?: string[]
  /** process.argv additions for the worker (the tsx bootstrap reads the module to run from it). */
  argv?: string[]
}

/**
 * The workers: `import-worker` (a whole import batch), `parse-worker` (one big file's parse),
 * `job-worker` (a backup, restore or notes export: backup/job-worker.ts) and `rank-worker` (For you's
 * ranking: ranking/worker.ts).
 */
export type WorkerName = 'import-worker' | 'parse-worker' | 'job-worker' | 'rank-worker'
const SOURCE: Record<WorkerName, string> = {
  'import-worker': './worker.ts',
  'parse-worker': './parse-worker.ts',
  'job-worker': '../backup/job-worker.ts',
  'rank-worker': '../ranking/worker.ts'
}

/** `…/resources/app.asar/out/main` → `…/resources/app.asar.unpacked/out/main`; other paths unchanged. */
export function outsideAsar(path: string): string {
  return path.replace(/\.asar(?=[\\/]|$)/, '.asar.unpacked')
}

export function workerEntry(name: WorkerName): WorkerEntry {
  const here = import.meta.url
  // From source the URL may carry a loader's query (tsx's tsImport adds a namespace): look at the path.
  if (new URL(here).pathname.endsWith('.ts')) {
    const built = freshBuild(`${name}.js`)
    if (built) return { file: built }
    const bootstrap = 'worker-tsx.mjs' // a variable, so bundlers leave this URL alone
    return { file: new URL(bootstrap, here), argv: [SOURCE[name]] }
  }
  let dir = outsideAsar(dirname(fileURLToPath(here)))
  for (let i = 0; i < 3; i++, dir = dirname(dir)) {
    const candidate = join(dir, `${name}.js`)
    if (existsSync(candidate)) return { file: candidate }
  }
  throw new LibraryError(
    'import',
    `the ${name} (${name}.js) is missing next to ${fileURLToPath(here)}: rebuild with "npm run build"`
  )
}
