#!/usr/bin/env node
// `folio` from this checkout. Runs the bundled CLI (out/main/cli.js, built by `npm run build`) when
// it is at least as new as every source file, else the TypeScript source through tsx — either way
// the very library code the app and tests use, and never a stale build.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const built = join(root, 'out', 'main', 'cli.js')

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.(ts|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

function fresh() {
  if (!existsSync(built)) return false
  const builtAt = statSync(built).mtimeMs
  return builtAt >= newestSource(join(root, 'src', 'main')) && builtAt >= newestSource(join(root, 'src', 'preload'))
}

const { main } = fresh()
  ? await import(pathToFileURL(built).href)
  : await (await import('tsx/esm/api')).tsImport('./main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
