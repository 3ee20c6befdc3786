/**
 * The soak test's second process: `node --import tsx tests/soak/worker.ts <library> <ids-json> <count> <seed> <offset>`.
 * Runs the workload on its own connection and prints its ledger as JSON on stdout.
 */
import { openLibrary } from '../../src/main/library/index'
import { runOps } from './ops'

const [libraryPath, idsJson, count, seed, offset] = process.argv.slice(2)
const lib = openLibrary(libraryPath!)
try {
  const ledger = await runOps(lib, {
    ids: JSON.parse(idsJson!) as number[],
    count: Number(count),
    seed: Number(seed),
    importOffset: Number(offset),
    who: 'worker'
  })
  process.stdout.write(JSON.stringify(ledger))
} finally {
  lib.close()
}
