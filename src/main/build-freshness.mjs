// Is a built bundle (out/main/…) at least as new as every source file it was built from?
// Used by the `folio` bin and by the import-worker choice, so neither ever runs a stale build.
// Plain ESM (the bin cannot load TypeScript before tsx is set up).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The checkout's root (this file is src/main/build-freshness.mjs). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.(ts|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/** The path of out/main/<name> when it exists and is fresh, else null. */
export function freshBuild(name) {
  const built = join(ROOT, 'out', 'main', name)
  if (!existsSync(built)) return null
  const builtAt = statSync(built).mtimeMs
  const fresh =
    builtAt >= newestSource(join(ROOT, 'src', 'main')) && builtAt >= newestSource(join(ROOT, 'src', 'preload'))
  return fresh ? built : null
}
