/**
 * Papers: identity resolution and merging on import, and reading one paper back.
 * Identity: arXiv id (no version), else DOI, else the normalised title key. A record that
 * arrives with an id merges into a title-only paper with the same title key, which keeps the id.
 */
import type { DigestRef, PaperDetail, PaperLinks, PaperRow, Status } from '../../shared/contract'
import type { DigestFormat, ParsedPaper } from '../digests/types'
import { encodePaper, type EncodedPaper, type PaperCore } from '../digests/encode'
import { titleKey } from '../digests/text'
import type { DB } from './db'
import { LibraryError } from './db'
import { stmt } from './statements'
import {
  abstractCompleteness,
  authorsCompleteness,
  dateCompleteness,
  prefer,
  sourceRank,
  titleCompleteness
} from './precedence'

export interface PaperRecord {
  id: number
  arxiv_id: string | null
  doi: string | null
  title_key: string
  title: string
  authors: string
  links: string
  categories: string
  version: string | null
  published: string | null
  first_seen: string
  digest_date: string
  seen_in: number
  starred: number
  has_note: number
}

/** A paper row with its reading status (kept in paper_status, migration 0006). */
export interface PaperStatusRecord extends PaperRecord {
  status: Status
  status_changed_at: string | null
}

const SELECT = 'SELECT * FROM papers'
/** Each paper's status row as s, joined to papers p (migration 0006). */
export const STATUS_JOIN = 'JOIN paper_status s ON s.paper_id = p.id'
export const PAPERS_WITH_STATUS = `papers p ${STATUS_JOIN}`
/** Every column of papers p with its status (a PaperStatusRecord), selected FROM PAPERS_WITH_STATUS. */
export const STATUS_COLUMNS = 'p.*, s.status, s.changed_at AS status_changed_at'

function findExisting(db: DB, p: PaperCore, key: string): PaperRecord | undefined {
  if (p.arxivId) {
    const hit = stmt<[string], PaperRecord>(db, `${SELECT} WHERE arxiv_id = ?`).get(p.arxivId)
    if (hit) return hit
  }
  if (p.doi) {
    const hit = stmt<[string], PaperRecord>(db, `${SELECT} WHERE doi = ?`).get(p.doi)
    if (hit && (!p.arxivId || !hit.arxiv_id)) return hit
  }
  if (!key) return undefined
  return stmt<[string, number, number, string | null], PaperRecord>(
    db,
    `${SELECT} WHERE title_key = ?
       AND (? OR arxiv_id IS NULL)
       AND (? OR doi IS NULL OR doi = ?)
     ORDER BY id LIMIT 1`
  ).get(key, p.arxivId ? 0 : 1, p.doi ? 0 : 1, p.doi ?? null)
}

const versionNumber = (v: string | null | undefined): number => (v ? Number(v.replace(/^v/i, '')) || 0 : 0)

export interface ResolveResult {
  id: number
  added: boolean
}

/**
 * Find the paper this record describes, or create it (seen in 1 digest: the caller links it to
 * the digest being imported, see linkPaper); merge what the record adds. Never touches status,
 * star, notes or tags. Must run inside the import transaction.
 */
export function resolvePaper(
  db: DB,
  p: ParsedPaper,
  digestDate: string,
  now: string,
  source?: DigestFormat
): ResolveResult {
  return resolveEncoded(db, p, encodePaper(p), digestDate, now, source)
}

/** resolvePaper for a paper given as its core fields and stored form (encode.ts). */
export function resolveEncoded(
  db: DB,
  p: PaperCore,
  enc: EncodedPaper,
  digestDate: string,
  now: string,
  /** The format of the digest this record comes from: its rank in precedence.ts. */
  source?: DigestFormat
): ResolveResult {
  const key = enc.key
  const existing = findExisting(db, p, key)
  if (!existing) {
    const info = stmt(
      db,
      `INSERT INTO papers (arxiv_id, doi, title_key, title, authors, links, categories,
                           version, published, first_seen, digest_date, seen_in)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`
    ).run(
      p.arxivId ?? null,
      p.doi ?? null,
      key,
      p.title,
      enc.authors,
      enc.links,
      enc.categories,
      p.version ?? null,
      p.published ?? null,
      now,
      digestDate
    )
    const id = Number(info.lastInsertRowid)
    stmt(db, 'INSERT INTO paper_abstracts (paper_id, abstract) VALUES (?, ?)').run(id, p.abstract)
    return { id, added: true }
  }
  mergeInto(db, existing, p, enc, digestDate, source)
  return { id: existing.id, added: false }
}

/** What the digests already linked to a paper say about its stored fields (see precedence.ts). */
function storedSources(db: DB, id: number): { rank: number; authorsPartial: boolean } {
  const rows = stmt<[number], { format: string; extras: string }>(
    db,
    'SELECT d.format, dp.extras FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id WHERE dp.paper_id = ?'
  ).all(id)
  let rank = 0
  let withAuthors = 0
  let partial = 0
  for (const r of rows) {
    rank = Math.max(rank, sourceRank(r.format))
    if (r.format === 'hf-text') continue // the page never lists authors
    withAuthors++
    if (r.extras.includes('"etAl":true')) partial++
  }
  // The best list seen is stored, so it is partial only when every list seen was.
  return { rank, authorsPartial: withAuthors > 0 && partial === withAuthors }
}

function mergeInto(
  db: DB,
  e: PaperRecord,
  p: PaperCore,
  enc: EncodedPaper,
  digestDate: string,
  source: DigestFormat | undefined
): void {
  const arxivId = e.arxiv_id ?? p.arxivId ?? null
  let doi = e.doi
  if (!doi && p.doi) {
    const taken = stmt<[string], { id: number }>(db, 'SELECT id FROM papers WHERE doi = ?').get(p.doi)
    if (!taken) doi = p.doi
  }
  const stored = storedSources(db, e.id)
  const rank = sourceRank(source)
  const authors = JSON.parse(e.authors) as string[]
  const pAuthors = JSON.parse(enc.authors) as string[]
  const links = { ...(JSON.parse(enc.links) as PaperLinks), ...(JSON.parse(e.links) as PaperLinks) }
  const categories = JSON.parse(e.categories) as string[]
  const abstract = getAbstract(db, e.id)
  const better = <T>(incoming: T, completeness: (v: T) => number, current: T): boolean =>
    prefer(
      { value: incoming, completeness: completeness(incoming), rank },
      { value: current, completeness: completeness(current), rank: stored.rank }
    )
  if (
    prefer(
      { value: p.abstract, completeness: abstractCompleteness(p.abstract), rank, size: p.abstract.length },
      { value: abstract, completeness: abstractCompleteness(abstract), rank: stored.rank, size: abstract.length }
    )
  ) {
    stmt(db, 'UPDATE paper_abstracts SET abstract = ? WHERE paper_id = ?').run(p.abstract, e.id)
  }
  const incomingPartial = enc.extras.includes('"etAl":true')
  const authorsWin = prefer(
    {
      value: pAuthors,
      completeness: authorsCompleteness(pAuthors.length, incomingPartial),
      rank,
      size: pAuthors.length
    },
    {
      value: authors,
      completeness: authorsCompleteness(authors.length, stored.authorsPartial),
      rank: stored.rank,
      size: authors.length
    }
  )
  const titleWins = better(p.title, titleCompleteness, e.title)
  const next = {
    arxiv_id: arxivId,
    doi,
    title: titleWins ? p.title : e.title,
    title_key: titleWins ? enc.key : e.title_key,
    authors: authorsWin ? enc.authors : e.authors,
    links: JSON.stringify(links),
    categories: categories.length ? JSON.stringify(categories) : enc.categories,
    version: versionNumber(p.version) > versionNumber(e.version) ? (p.version ?? null) : e.version,
    published: better(p.published ?? null, dateCompleteness, e.published) ? (p.published ?? null) : e.published,
    digest_date: digestDate > e.digest_date ? digestDate : e.digest_date
  }
  const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== e[k])
  if (!changed) return
  // Only SET the columns that changed, so the FTS trigger fires only when text changed.
  const cols = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== e[k])
  const sql = `UPDATE papers SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`
  stmt(db, sql).run(...cols.map((c) => next[c]), e.id)
}

function getAbstract(db: DB, id: number): string {
  return (
    stmt<[number], { abstract: string }>(db, 'SELECT abstract FROM paper_abstracts WHERE paper_id = ?').get(id)
      ?.abstract ?? ''
  )
}

// ---------- reading ----------

export const ROW_COLUMNS = `p.id, p.title, p.authors, p.arxiv_id, p.digest_date, p.first_seen,
  (SELECT st.status FROM paper_status st WHERE st.paper_id = p.id) AS status,
  p.starred, p.has_note, p.seen_in, json_extract(p.links, '$.code') IS NOT NULL AS has_code,
  coalesce((SELECT min(di.date_inferred) FROM digest_papers dpi JOIN digests di ON di.id = dpi.digest_id
             WHERE dpi.paper_id = p.id AND di.digest_date = p.digest_date), 0) AS date_inferred`

export interface RowRecord {
  id: number
  title: string
  authors: string
  arxiv_id: string | null
  digest_date: string
  first_seen: string
  status: Status
  starred: number
  has_note: number
  seen_in: number
  has_code: number
  date_inferred: number
}

export function toRow(r: RowRecord): PaperRow {
  const authors = JSON.parse(r.authors) as string[]
  return {
    id: r.id,
    title: r.title,
    authors: authors.slice(0, 3),
    authorCount: authors.length,
    arxivId: r.arxiv_id,
    digestDate: r.digest_date,
    digestDateInferred: r.date_inferred === 1,
    firstSeen: r.first_seen,
    status: r.status,
    starred: r.starred === 1,
    hasNote: r.has_note === 1,
    hasCode: r.has_code === 1,
    seenIn: r.seen_in
  }
}

export function getPaper(db: DB, id: number): PaperDetail {
  const r = stmt<[number], PaperStatusRecord>(
    db,
    `SELECT ${STATUS_COLUMNS} FROM ${PAPERS_WITH_STATUS} WHERE p.id = ?`
  ).get(id)
  if (!r) throw new LibraryError('not-found', `No paper with id ${id}`)
  const links = JSON.parse(r.links) as PaperLinks
  const digests = stmt<
    [number],
    {
      id: number
      file_name: string
      format: string
      digest_date: string | null
      date_inferred: number
      position: number
      extras: string
    }
  >(
    db,
    `SELECT d.id, d.file_name, d.format, d.digest_date, d.date_inferred, dp.position, dp.extras
       FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id
      WHERE dp.paper_id = ? ORDER BY d.digest_date DESC, d.id DESC`
  )
    .all(id)
    .map((d): DigestRef => ({
      id: d.id,
      fileName: d.file_name,
      format: d.format,
      date: d.digest_date,
      dateInferred: d.date_inferred === 1,
      position: d.position,
      extras: JSON.parse(d.extras) as Record<string, unknown>
    }))
  const tags = stmt<[number], { name: string }>(
    db,
    'SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ? ORDER BY t.name'
  )
    .all(id)
    .map((t) => t.name)
  const authors = JSON.parse(r.authors) as string[]
  return {
    id: r.id,
    title: r.title,
    authors,
    authorCount: authors.length,
    arxivId: r.arxiv_id,
    doi: r.doi,
    version: r.version,
    abstract: getAbstract(db, r.id),
    categories: JSON.parse(r.categories) as string[],
    published: r.published,
    links,
    digestDate: r.digest_date,
    digestDateInferred:
      digests.some((d) => d.date === r.digest_date) &&
      digests.filter((d) => d.date === r.digest_date).every((d) => d.dateInferred),
    firstSeen: r.first_seen,
    status: r.status,
    starred: r.starred === 1,
    statusChangedAt: r.status_changed_at,
    hasNote: r.has_note === 1,
    hasCode: Boolean(links.code),
    seenIn: r.seen_in,
    digests,
    tags
  }
}

/**
 * Find a paper from what a person types on the command line: a numeric library id,
 * an arXiv id (with or without version / `arXiv:`), a DOI, or an exact or unique title match.
 */
export function findPaper(db: DB, ref: string): number {
  const s = ref.trim()
  if (/^\d+$/.test(s)) {
    const hit = stmt<[number], { id: number }>(db, 'SELECT id FROM papers WHERE id = ?').get(Number(s))
    if (hit) return hit.id
  }
  const arxiv = s.replace(/^arxiv:/i, '').replace(/v\d+$/, '')
  const byArxiv = stmt<[string], { id: number }>(db, 'SELECT id FROM papers WHERE arxiv_id = ?').get(arxiv)
  if (byArxiv) return byArxiv.id
  const byDoi = stmt<[string], { id: number }>(db, 'SELECT id FROM papers WHERE doi = ?').get(s.toLowerCase())
  if (byDoi) return byDoi.id
  const byTitle = stmt<[string], { id: number }>(db, 'SELECT id FROM papers WHERE title_key = ? LIMIT 2').all(
    titleKey(s)
  )
  if (byTitle.length === 1) return byTitle[0]!.id
  if (byTitle.length > 1) throw new LibraryError('ambiguous', `"${ref}" matches several papers; use the library id`)
  throw new LibraryError(
    'not-found',
    `No paper matches "${ref}" (try a library id, an arXiv id, a DOI or the exact title)`
  )
}

/** A paper with every field, as `folio list --json` and exports give it. */
export interface PaperJson {
  id: number
  arxivId: string | null
  doi: string | null
  title: string
  authors: string[]
  abstract: string
  links: PaperLinks
  categories: string[]
  version: string | null
  published: string | null
  digestDate: string
  firstSeen: string
  seenIn: number
  status: Status
  starred: boolean
  statusChangedAt: string | null
  hasNote: boolean
}

export function toJson(r: PaperStatusRecord & { abstract: string }): PaperJson {
  return {
    id: r.id,
    arxivId: r.arxiv_id,
    doi: r.doi,
    title: r.title,
    authors: JSON.parse(r.authors) as string[],
    abstract: r.abstract,
    links: JSON.parse(r.links) as PaperLinks,
    categories: JSON.parse(r.categories) as string[],
    version: r.version,
    published: r.published,
    digestDate: r.digest_date,
    firstSeen: r.first_seen,
    seenIn: r.seen_in,
    status: r.status,
    starred: r.starred === 1,
    statusChangedAt: r.status_changed_at,
    hasNote: r.has_note === 1
  }
}

/**
 * The SQL and parameters of iteratePapers. With a status, the order is read from the status index
 * (its copy of the digest date): newest digest first, ties sorted within a date only. (Ordering by the
 * paper row's own date let SQLite sort every paper of that status: 4 s for 20 unread of a million.)
 */
export function listPapersSql(filter: { status?: Status; starred?: boolean; limit?: number }): {
  sql: string
  params: unknown[]
} {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.status) {
    where.push('s.status = ?')
    params.push(filter.status)
  }
  if (filter.starred) where.push('p.starred = 1')
  const order = filter.status ? 's.digest_date DESC, s.paper_id DESC' : 'p.digest_date DESC, p.id DESC'
  const sql = `SELECT ${STATUS_COLUMNS}, coalesce(a.abstract, '') AS abstract
    FROM ${PAPERS_WITH_STATUS} LEFT JOIN paper_abstracts a ON a.paper_id = p.id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}${filter.limit !== undefined ? ' LIMIT ?' : ''}`
  if (filter.limit !== undefined) params.push(filter.limit)
  return { sql, params }
}

/** Every paper matching the filter, newest digest first, streamed (never the whole library in memory). */
export function* iteratePapers(
  db: DB,
  filter: { status?: Status; starred?: boolean; limit?: number }
): Generator<PaperJson> {
  const { sql, params } = listPapersSql(filter)
  for (const r of db.prepare<unknown[], PaperStatusRecord & { abstract: string }>(sql).iterate(...params))
    yield toJson(r)
}
