// Worker bootstrap for Node doors (tests, `folio serve`): runs the TypeScript worker through tsx,
// like the folio bin does. Electron uses the built out/main/import-worker.js instead.
import { tsImport } from 'tsx/esm/api'

await tsImport('./worker.ts', import.meta.url)
