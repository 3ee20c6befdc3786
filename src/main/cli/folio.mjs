#!/usr/bin/env node
// `folio` from this checkout: runs the TypeScript CLI (./main.ts) through tsx, so the
// command line always uses the very library code the app and tests use. No build step needed.
import { tsImport } from 'tsx/esm/api'

const { main } = await tsImport('./main.ts', import.meta.url)
process.exitCode = await main(process.argv.slice(2))
