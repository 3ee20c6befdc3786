// Runs a packaged Folio's main bundle under Node, as Electron would start it, against the electron
// STAND-IN (tests/shell/electron-standin; only Electron's modules are stood in for): app.isPackaged
// is true, app.getAppPath() is the app.asar (here extracted into a folder of that name, since Node
// cannot read an asar), process.versions.electron is set, and a digest is on the command line so
// the import worker starts. Prints, as one JSON line: the scripts worker threads were started from,
// the better-sqlite3 binaries this process loaded, the window's preload, error boxes and the count.
//   node --import <standin>/register.mjs run-packaged-main.mjs <app.asar folder> <electron version> <digest>
import { syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import workerThreads from 'node:worker_threads'

const [appPath, electronVersion, digest] = process.argv.slice(2)

const started = []
const RealWorker = workerThreads.Worker
workerThreads.Worker = class extends RealWorker {
  constructor(file, options) {
    started.push(file instanceof URL ? file.href : String(file))
    super(file, options)
  }
}
syncBuiltinESMExports() // `import { Worker } from 'node:worker_threads'` now sees the recording one
Object.defineProperty(process.versions, 'electron', { value: electronVersion, enumerable: true })

const { state, reset } = await import('electron')
reset({ appPath, isPackaged: true })
process.argv = [process.execPath, appPath, digest]
await import(pathToFileURL(join(appPath, 'out', 'main', 'index.js')).href)

const frame = { senderFrame: { url: 'folio://app/index.html', parent: null } }
const end = Date.now() + 20_000
let all = -1
while (Date.now() < end && state.errorBoxes.length === 0) {
  const counts = state.ipcHandlers.get('folio:counts')
  if (counts) {
    const reply = await counts(frame, {})
    all = reply.ok ? reply.value.views.all : -1
    if (all > 0) break
  }
  await new Promise((r) => setTimeout(r, 20))
}
const loaded = process.report.getReport().sharedObjects.filter((s) => s.includes('better_sqlite3'))
console.log(
  JSON.stringify({
    workers: started,
    loaded,
    preload: state.windows[0]?.options.webPreferences.preload ?? null,
    errorBoxes: state.errorBoxes,
    all
  })
)
process.exit(0)
