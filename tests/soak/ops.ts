/**
 * The soak test's workload, run by two processes at once on one library: status changes, stars,
 * notes, searches and imports of small generated digests, each its own transaction. Every write
 * is recorded in a ledger (last value per paper) so the test can check that all of them landed.
 */
import type { Status } from '../../src/shared/contract'
import { importSources } from '../../src/main/import/import-files'
import { search } from '../../src/main/library/feed'
import type { Library } from '../../src/main/library/index'
import { saveNote } from '../../src/main/library/notes'
import { setStarred, setStatus } from '../../src/main/library/status'
import { arxivId, generateArxivRss, rng } from '../helpers/generate'

export interface Ledger {
  status: Record<number, Status>
  starred: Record<number, boolean>
  notes: Record<number, string>
  importedArxivIds: string[]
  imports: number
  searches: number
  ops: number
  /** Wall-clock span of the run (ms since epoch), to check the two processes overlapped. */
  startedAt: number
  endedAt: number
}

const STATUSES: Status[] = ['unread', 'reading', 'read']
const QUERIES = ['model', 'learning', 'attention', '"neural network"', 'status:read', 'starred', 'graph*', 'tok']

export async function runOps(
  lib: Library,
  o: { ids: number[]; count: number; seed: number; importOffset: number; who: string }
): Promise<Ledger> {
  const r = rng(o.seed)
  const pick = (): number => o.ids[Math.floor(r() * o.ids.length)]!
  const ledger: Ledger = {
    status: {},
    starred: {},
    notes: {},
    importedArxivIds: [],
    imports: 0,
    searches: 0,
    ops: 0,
    startedAt: Date.now(),
    endedAt: 0
  }
  for (let i = 0; i < o.count; i++) {
    const x = r()
    if (x < 0.3) {
      const id = pick()
      const status = STATUSES[Math.floor(r() * 3)]!
      setStatus(lib.db, [id], status)
      ledger.status[id] = status
    } else if (x < 0.5) {
      const id = pick()
      const starred = r() < 0.5
      setStarred(lib.db, [id], starred)
      ledger.starred[id] = starred
    } else if (x < 0.75) {
      const id = pick()
      const body = `${o.who} note ${i} on ${id}: ${'é'.repeat(i % 7)} $x_${i}$`
      saveNote(lib.db, id, body)
      ledger.notes[id] = body
    } else if (x < 0.97) {
      search(lib.db, QUERIES[i % QUERIES.length]!, 50)
      ledger.searches += 1
    } else {
      const offset = o.importOffset + ledger.imports * 3
      const report = await importSources(lib, [
        {
          kind: 'bytes',
          name: `${o.who}-${ledger.imports}.xml`,
          bytes: Buffer.from(generateArxivRss(3, o.seed + i, offset))
        }
      ])
      if (report.rejected || report.added !== 3)
        throw new Error(`${o.who}: import ${ledger.imports} failed: ${JSON.stringify(report.files[0])}`)
      for (let k = 0; k < 3; k++) ledger.importedArxivIds.push(arxivId(offset + k))
      ledger.imports += 1
    }
    ledger.ops += 1
  }
  ledger.endedAt = Date.now()
  return ledger
}
