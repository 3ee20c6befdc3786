/**
 * Deterministic, real-shaped synthetic digests for load tests and the benchmark:
 * an arXiv RSS 2.0 feed in the exact shape of rss.arxiv.org (see tests/fixtures/arxiv-rss.xml).
 */
import type { Library } from '../../src/main/library/index'
const COMMON = (
  'learning model models language neural network networks training data diffusion transformer attention ' +
  'large scale alignment preference reward policy optimization gradient loss sparse dense retrieval graph ' +
  'representation contrastive self supervised generative adversarial latent variational inference bayesian ' +
  'robust efficient fast memory compute token tokens context reasoning planning agent agents vision image ' +
  'video audio speech multimodal benchmark evaluation dataset fine tuning instruction human feedback safety ' +
  'theory bound convergence stochastic kernel embedding quantization pruning distillation mixture experts'
).split(' ')
const SYLLABLES = [
  'ka',
  'ro',
  'mi',
  'tel',
  'van',
  'os',
  'qui',
  'zer',
  'lu',
  'fen',
  'dra',
  'po',
  'sim',
  'at',
  'nex',
  'ur',
  'bel',
  'cor'
]

/**
 * A vocabulary of 3,000 words (the 96 domain words first, then made-up ones) drawn with Zipf's law,
 * as words in real abstracts are: a few terms are everywhere, most are rare.
 */
const VOCAB: string[] = [...COMMON]
for (let i = 0; VOCAB.length < 3000; i++) {
  const a = SYLLABLES[i % SYLLABLES.length]!
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]!
  const c = SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length]!
  VOCAB.push(`${a}${b}${c}ic`)
}
const CUMULATIVE: number[] = []
{
  let sum = 0
  for (let r = 1; r <= VOCAB.length; r++) CUMULATIVE.push((sum += 1 / r))
  for (let i = 0; i < CUMULATIVE.length; i++) CUMULATIVE[i]! /= sum
}
function zipfWord(u: number): string {
  let lo = 0
  let hi = CUMULATIVE.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (CUMULATIVE[mid]! < u) lo = mid + 1
    else hi = mid
  }
  return VOCAB[lo]!
}

/** Small fast PRNG (mulberry32): the same seed gives the same file. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function words(r: () => number, n: number): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(zipfWord(r()))
  return out.join(' ')
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

export function arxivId(i: number): string {
  const yymm = 2401 + Math.floor(i / 90000) // 2401, 2402… valid months while i < 1,080,000
  return `${yymm}.${String(10000 + (i % 90000)).padStart(5, '0')}`
}

export interface SyntheticPaper {
  id: string
  title: string
  abstract: string
  authors: string[]
}

export function syntheticPaper(i: number, r: () => number): SyntheticPaper {
  const nAuthors = 2 + Math.floor(r() * 8)
  const authors = Array.from({ length: nAuthors }, (_, k) => `${cap(words(r, 1))} ${cap(words(r, 1))}son${k}`)
  return {
    id: arxivId(i),
    title: `${cap(words(r, 6 + Math.floor(r() * 6)))} ${i}`,
    abstract: `${cap(words(r, 120 + Math.floor(r() * 30)))}. Code: https://github.com/lab${i % 97}/repo${i}.`,
    authors
  }
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** An arXiv RSS feed with `n` items (about 1.8 KB each: 20,000 items ≈ 36 MB). */
export function generateArxivRss(n: number, seed = 1, offset = 0): string {
  const r = rng(seed)
  const parts: string[] = [
    `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    <title>cs.LG updates on arXiv.org</title>
    <link>http://rss.arxiv.org/rss/cs.LG</link>
    <description>cs.LG updates on the arXiv.org e-print archive.</description>
    <atom:link href="http://rss.arxiv.org/rss/cs.LG" rel="self" type="application/rss+xml"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    <lastBuildDate>Tue, 14 Jan 2025 05:00:12 +0000</lastBuildDate>
    <managingEditor>rss-help@arxiv.org</managingEditor>
    <pubDate>Tue, 14 Jan 2025 00:00:00 -0500</pubDate>
`
  ]
  const types = ['new', 'cross', 'replace', 'replace-cross']
  for (let k = 0; k < n; k++) {
    const i = offset + k
    const p = syntheticPaper(i, r)
    const type = types[i % 4]!
    const v = type.startsWith('replace') ? 2 : 1
    parts.push(`    <item>
      <title>${esc(p.title)}</title>
      <link>https://arxiv.org/abs/${p.id}</link>
      <description>arXiv:${p.id}v${v} Announce Type: ${type} 
Abstract: ${esc(p.abstract)}</description>
      <guid isPermaLink="false">oai:arXiv.org:${p.id}v${v}</guid>
      <category>cs.LG</category>
      <category>stat.ML</category>
      <pubDate>Tue, 14 Jan 2025 00:00:00 -0500</pubDate>
      <arxiv:announce_type>${type}</arxiv:announce_type>
      <dc:rights>http://arxiv.org/licenses/nonexclusive-distrib/1.0/</dc:rights>
      <dc:creator>${esc(p.authors.join(', '))}</dc:creator>
    </item>
`)
  }
  parts.push('  </channel>\n</rss>\n')
  return parts.join('')
}

export interface PopulateOptions {
  papers: number
  digests: number
  seed?: number
  /** Shares of papers that are read / reading / starred / have a note. */
  read?: number
  reading?: number
  starred?: number
  noted?: number
}

/**
 * Fill a library the way months of daily digests would: `digests` digests on consecutive days,
 * each listing its share of `papers` new papers plus a few seen before (so "seen in N digests" and
 * merging are exercised), then a realistic mix of statuses, stars and notes.
 * Written through the importer's own functions, one transaction per digest.
 */
export async function populateLibrary(lib: Library, o: PopulateOptions): Promise<void> {
  const { beginBulkIndex, endBulkIndex, finishDigest, insertDigest, linkPaper } =
    await import('../../src/main/library/digests')
  const { resolvePaper } = await import('../../src/main/library/papers')
  const r = rng(o.seed ?? 42)
  const perDigest = Math.ceil(o.papers / o.digests)
  const start = Date.parse('2022-01-01T00:00:00Z')
  let next = 0
  for (let d = 0; d < o.digests && next < o.papers; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10)
    const now = new Date(start + d * 86_400_000 + 3_600_000).toISOString()
    lib.db.transaction(() => {
      const maxIdBefore = beginBulkIndex(lib.db)
      const digestId = insertDigest(lib.db, {
        hash: `synthetic-${o.seed ?? 42}-${d}`,
        meta: { format: 'arxiv-rss', warnings: [] },
        fileName: `cs.LG-${date}.xml`,
        sourcePath: null,
        importedAt: now
      })
      const fresh = Math.min(perDigest, o.papers - next)
      const listed: number[] = []
      for (let k = 0; k < fresh; k++) listed.push(next++)
      // A few papers reappear (replacements, cross-lists): 5 from earlier digests.
      for (let k = 0; k < 5 && next > fresh + 5; k++) listed.push(Math.floor(r() * (next - fresh)))
      listed.forEach((i, pos) => {
        const p = syntheticPaper(i, rng(i + 1))
        const { id, added } = resolvePaper(
          lib.db,
          {
            title: p.title,
            abstract: p.abstract,
            authors: p.authors,
            arxivId: p.id,
            links: { abs: `https://arxiv.org/abs/${p.id}` },
            categories: ['cs.LG'],
            extras: {}
          },
          date,
          now
        )
        linkPaper(lib.db, digestId, id, pos + 1, { announceType: 'new' }, added)
      })
      finishDigest(lib.db, digestId, { format: 'arxiv-rss', date, warnings: [] }, listed.length, fresh, maxIdBefore)
      endBulkIndex(lib.db, maxIdBefore)
    })()
  }
  const all = lib.db.prepare('SELECT id FROM papers').pluck().all() as number[]
  const pick = (share: number | undefined): number[] => all.filter(() => r() < (share ?? 0))
  lib.db.transaction(() => {
    const set = lib.db.prepare(
      "UPDATE paper_status SET status = ?, changed_at = '2024-01-01T00:00:00Z' WHERE paper_id = ?"
    )
    for (const id of pick(o.read ?? 0.3)) set.run('read', id)
    for (const id of pick(o.reading ?? 0.03)) set.run('reading', id)
    const star = lib.db.prepare('UPDATE papers SET starred = 1 WHERE id = ?')
    for (const id of pick(o.starred ?? 0.03)) star.run(id)
    const note = lib.db.prepare(
      "INSERT OR REPLACE INTO notes (paper_id, body, created_at, updated_at) VALUES (?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')"
    )
    for (const id of pick(o.noted ?? 0.01)) note.run(id, `# Note\n\n${words(r, 40)}`)
  })()
}

/**
 * A big library in seconds, for tests that need hundreds of thousands of papers (populateLibrary
 * writes through the importer, ~4,000 papers a second here): papers, abstracts, digests and their
 * links written by a few INSERT … SELECT statements, with the counts and the search index built the
 * way a bulk import builds them. Every paper is unread; paper i is in digest i % digests.
 */
export async function populateLibraryQuickly(lib: Library, o: { papers: number; digests: number }): Promise<void> {
  const { beginBulkIndex, endBulkIndex, recountDigests } = await import('../../src/main/library/digests')
  const db = lib.db
  db.transaction(() => {
    const before = beginBulkIndex(db)
    db.prepare(
      `WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k + 1 < ?)
       INSERT INTO digests (content_hash, format, file_name, digest_date, imported_at, paper_count, added_count)
       SELECT 'quick-' || k, 'arxiv-rss', 'digest-' || k || '.xml', date('2020-01-01', '+' || k || ' days'),
              '2024-01-01T00:00:00Z', 0, 0 FROM d`
    ).run(o.digests)
    const firstDigest = db
      .prepare('SELECT min(id) FROM digests WHERE content_hash LIKE ?')
      .pluck()
      .get('quick-%') as number
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
       INSERT INTO papers (id, arxiv_id, title_key, title, authors, first_seen, digest_date, seen_in)
       SELECT ? + i + 1, printf('%04d.%05d', 2001 + i / 90000, 10000 + i % 90000), 'paper ' || i, 'Paper ' || i,
              '["Ada Lovelace","Alan Turing"]', '2024-01-01T00:00:00Z', date('2020-01-01', '+' || (i % ?) || ' days'), 1
         FROM n`
    ).run(o.papers, before, o.digests)
    db.prepare(
      `INSERT INTO paper_abstracts (paper_id, abstract) SELECT id, 'An abstract about ' || title FROM papers WHERE id > ?`
    ).run(before)
    db.prepare(
      `INSERT INTO digest_papers (digest_id, paper_id, position)
       SELECT ? + (id - ? - 1) % ?, id, id FROM papers WHERE id > ?`
    ).run(firstDigest, before, o.digests, before)
    recountDigests(db, { fromId: firstDigest })
    endBulkIndex(db, before)
  })()
}
