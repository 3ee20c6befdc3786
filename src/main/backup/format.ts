/**
 * The Folio backup file: JSON Lines, one record per line, so any library size streams in and out.
 *   {"type":"folio-backup","version":1,...}   header: format version, schema, time, counts
 *   {"type":"tag",...}                         every tag (ids kept)
 *   {"type":"digest",...}                      every imported digest (ids kept)
 *   {"type":"paper",...}                       every paper with its abstract, status, star, tags,
 *                                              digest links (position, extras), note, revisions
 *   {"type":"end",...}                         trailer: a file without it was cut short
 * Every line is validated with these schemas on restore; problems are reported by line number.
 */
import { z } from 'zod'
import { STATUSES } from '../../shared/contract'

export const BACKUP_VERSION = 1
export const BACKUP_TYPE = 'folio-backup'

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const count = z.number().int().nonnegative()
const text = z.string()
const json = z.record(z.string(), z.unknown())

export const headerLine = z.strictObject({
  type: z.literal(BACKUP_TYPE),
  version: z.number().int().positive(),
  schema: z.number().int().nonnegative(),
  createdAt: text,
  counts: z.strictObject({ tags: count, digests: count, papers: count })
})

export const tagLine = z.strictObject({ type: z.literal('tag'), id, name: z.string().min(1).max(100) })

export const digestLine = z.strictObject({
  type: z.literal('digest'),
  id,
  contentHash: z.string().min(1),
  format: z.string().min(1),
  fileName: text,
  sourcePath: text.nullable(),
  date: text.nullable(),
  dateInferred: z.boolean(),
  importedAt: text,
  paperCount: count,
  addedCount: count,
  warnings: z.array(text)
})

export const paperLine = z.strictObject({
  type: z.literal('paper'),
  id,
  arxivId: text.nullable(),
  doi: text.nullable(),
  titleKey: text,
  title: text,
  authors: z.array(text),
  abstract: text,
  links: z.record(z.string(), text),
  categories: z.array(text),
  version: text.nullable(),
  published: text.nullable(),
  firstSeen: text,
  digestDate: text,
  seenIn: count,
  status: z.enum(STATUSES),
  starred: z.boolean(),
  statusChangedAt: text.nullable(),
  tags: z.array(z.string().min(1).max(100)),
  digests: z.array(z.strictObject({ digest: id, position: z.number().int(), extras: json })),
  note: z.strictObject({ body: text, createdAt: text, updatedAt: text }).nullable(),
  revisions: z.array(z.strictObject({ id, body: text, savedAt: text }))
})

export const endLine = z.strictObject({ type: z.literal('end'), tags: count, digests: count, papers: count })

export const recordLine = z.discriminatedUnion('type', [tagLine, digestLine, paperLine, endLine])

export type HeaderLine = z.infer<typeof headerLine>
export type TagLine = z.infer<typeof tagLine>
export type DigestLine = z.infer<typeof digestLine>
export type PaperLine = z.infer<typeof paperLine>
export type EndLine = z.infer<typeof endLine>
