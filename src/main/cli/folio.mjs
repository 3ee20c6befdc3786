#!/usr/bin/env node
// `folio` from this checkout. Runs the bundled CLI (out/main/cli.js, built by `npm run build`) when
// it is at least as new as every source file, else the TypeScript source through tsx — either way
// the very library code the app and tests use, and never a stale build.
import { pathToFileURL } from 'node:url'
import { freshBuild } from '../build-freshness.mjs'

const built = freshBuild('cli.js')
const { main } = built
  ? await import(pathToFileURL(built).href)
  : await (await import('tsx/esm/api')).tsImport('./main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
