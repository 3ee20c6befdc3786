// Worker bootstrap for Node doors (tests, `folio serve`): runs a TypeScript worker module through tsx,
// like the folio bin does. The module is the worker's first argument (default: the import worker).
// Electron and the built CLI use the built out/main/*-worker.js instead.
import { tsImport } from 'tsx/esm/api'

await tsImport(process.argv[2] ?? './worker.ts', import.meta.url)
