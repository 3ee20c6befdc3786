/** Building ParsedPaper records and writing them as one digest, for library tests. */
import type { DigestFormat, ParsedPaper } from '../../src/main/digests/types'
import { beginBulkIndex, endBulkIndex, finishDigest, insertDigest, linkPaper } from '../../src/main/library/digests'
import type { Library } from '../../src/main/library/index'
import { resolvePaper } from '../../src/main/library/papers'

export function paper(title: string, extra: Partial<ParsedPaper> = {}): ParsedPaper {
  return { title, abstract: '', authors: [], links: {}, categories: [], extras: {}, ...extra }
}

let n = 0
/** Writes papers as one digest the way the importer does; returns the paper ids in order. */
export function addDigest(
  lib: Library,
  papers: ParsedPaper[],
  date = '2024-06-06',
  now = new Date().toISOString(),
  format: DigestFormat = 'hf-text'
): number[] {
  return lib.db.transaction(() => {
    const maxIdBefore = beginBulkIndex(lib.db)
    const digestId = insertDigest(lib.db, {
      hash: `test-${Date.now()}-${n++}`,
      meta: { format, warnings: [] },
      fileName: `digest-${date}.txt`,
      sourcePath: null,
      importedAt: now
    })
    const ids = papers.map((p, i) => {
      const { id, added } = resolvePaper(lib.db, p, date, now, format)
      linkPaper(lib.db, digestId, id, i + 1, p.extras, added)
      return id
    })
    // date '' writes an undated digest (as BibTeX and RIS files are)
    finishDigest(lib.db, digestId, { format, ...(date ? { date } : {}), warnings: [] }, papers.length, 0, maxIdBefore)
    endBulkIndex(lib.db, maxIdBefore)
    return ids
  })()
}
