/**
 * The `folio` commands for tags, exports and backups:
 *   folio tag <paper> <tag>… [--remove]
 *   folio tags [--rename OLD NEW | --delete NAME] [--json]
 *   folio export notes <dir>
 *   folio export list <file|-> [--format md|bib|csv|json] [--status …] [--starred] [--tag t] [--query q]
 *   folio backup <file> [--sqlite]
 *   folio restore <file>
 */
import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import { EXPORT_FORMATS, type ExportFormat, type Status } from '../../shared/contract'
import { restoreBackup } from '../backup/restore'
import { assertNotLibrary, copyLibrary } from '../backup/sqlite-copy'
import { writeBackup } from '../backup/write-backup'
import type { ListFilter } from '../export/collect'
import { exportNotes } from '../export/notes-vault'
import { exportReadingList } from '../export/reading-list'
import type { Library } from '../library/index'
import { findPaper } from '../library/papers'
import { deleteTag, listTags, renameTag, tagPapers } from '../library/tags'

export interface DataOptions {
  remove?: boolean
  rename?: string
  delete?: string
  format?: string
  status?: Status
  starred?: boolean
  tag?: string
  query?: string
  sqlite?: boolean
  json?: boolean
}

export interface CommandContext {
  args: string[]
  o: DataOptions
  libraryPath: string
  out(s: string): void
  err(s: string): void
  usage(message: string): never
  open(): Library
}

export const DATA_COMMANDS = ['tag', 'tags', 'export', 'backup', 'restore'] as const

/** Run fn on the library, closing it afterwards (also after an async fn settles). */
async function using<T>(ctx: CommandContext, fn: (lib: Library) => T | Promise<T>): Promise<T> {
  const lib = ctx.open()
  try {
    return await fn(lib)
  } finally {
    lib.close()
  }
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`

export async function runDataCommand(command: (typeof DATA_COMMANDS)[number], ctx: CommandContext): Promise<number> {
  const { args, o } = ctx
  switch (command) {
    case 'tag': {
      if (args.length < 2) ctx.usage('usage: folio tag <paper> <tag>… [--remove]')
      return using(ctx, (lib) => {
        const id = findPaper(lib.db, args[0]!)
        const tags = args.slice(1)
        const [res] = o.remove ? tagPapers(lib.db, [id], [], tags) : tagPapers(lib.db, [id], tags)
        ctx.out(`${id}: ${res!.tags.length ? res!.tags.join(', ') : '(no tags)'}`)
        return 0
      })
    }
    case 'tags': {
      if (o.rename !== undefined && o.delete !== undefined) ctx.usage('use either --rename or --delete, not both')
      return using(ctx, (lib) => {
        if (o.rename !== undefined) {
          if (args.length !== 1) ctx.usage('usage: folio tags --rename OLD NEW')
          const r = renameTag(lib.db, o.rename, args[0]!)
          ctx.out(`Renamed "${o.rename}" to "${r.name}" (${plural(r.papers, 'paper')}).`)
          return 0
        }
        if (o.delete !== undefined) {
          const r = deleteTag(lib.db, o.delete)
          ctx.out(`Deleted tag "${r.name}" from ${plural(r.papers, 'paper')} (the papers and their notes are kept).`)
          return 0
        }
        const tags = listTags(lib.db)
        if (o.json) ctx.out(JSON.stringify(tags, null, 2))
        else if (!tags.length) ctx.out('No tags yet (folio tag <paper> <tag>).')
        else for (const t of tags) ctx.out(`${String(t.count).padStart(6)}  ${t.name}`)
        return 0
      })
    }
    case 'export': {
      const [what, target] = args
      if (what === 'notes') {
        if (!target || args.length !== 2) ctx.usage('usage: folio export notes <dir>')
        return using(ctx, (lib) => {
          const r = exportNotes(lib.db, target)
          ctx.out(`Exported ${plural(r.written, 'note')} to ${r.dir}`)
          return 0
        })
      }
      if (what === 'list') {
        if (!target || args.length !== 2)
          ctx.usage(
            'usage: folio export list <file|-> [--format md|bib|csv|json] [--status …] [--starred] [--tag t] [--query q]'
          )
        const format = exportFormatOf(ctx, target)
        const filter: ListFilter = {
          view: o.status ?? (o.starred ? 'starred' : 'all'),
          tag: o.tag,
          query: [o.status && o.starred ? 'starred' : '', o.query ?? ''].join(' ').trim() || undefined
        }
        return using(ctx, (lib) => {
          if (target !== '-') assertNotLibrary(lib.path, target)
          const file = exportReadingList(lib.db, format, filter)
          if (target === '-') ctx.out(file.text.replace(/\n$/, ''))
          else {
            writeFileSync(target, file.text)
            ctx.err(`Exported ${plural(file.papers, 'paper')} to ${target} (${format}).`)
          }
          return 0
        })
      }
      return ctx.usage('usage: folio export notes <dir> | folio export list <file> [--format md|bib|csv|json]')
    }
    case 'backup': {
      if (args.length !== 1) ctx.usage('usage: folio backup <file> [--sqlite]')
      const file = args[0]!
      return using(ctx, async (lib) => {
        assertNotLibrary(lib.path, file)
        if (o.sqlite) {
          await copyLibrary(lib.db, lib.path, file)
          ctx.out(`Copied the library to ${file} (SQLite).`)
        } else {
          const r = writeBackup(lib.db, file)
          ctx.out(
            `Backed up ${plural(r.papers, 'paper')}, ${plural(r.digests, 'digest')} and ${plural(r.tags, 'tag')} to ${file}.`
          )
        }
        return 0
      })
    }
    case 'restore': {
      if (args.length !== 1) ctx.usage('usage: folio restore <file>')
      return using(ctx, (lib) => {
        const r = restoreBackup(lib.db, args[0]!)
        ctx.out(
          `Restored ${plural(r.papers, 'paper')}, ${plural(r.digests, 'digest')}, ${plural(r.tags, 'tag')}, ${plural(r.notes, 'note')} (${plural(r.revisions, 'revision')}) into ${lib.path}.`
        )
        return 0
      })
    }
  }
}

function exportFormatOf(ctx: CommandContext, target: string): ExportFormat {
  const f = ctx.o.format ?? (extname(target).slice(1).toLowerCase() || 'md')
  const alias: Record<string, ExportFormat> = { markdown: 'md', bibtex: 'bib' }
  const format = alias[f] ?? f
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    ctx.usage(
      ctx.o.format
        ? `unknown format "${f}": use md, bib, csv or json`
        : `cannot tell the format from "${target}": add --format md|bib|csv|json`
    )
  }
  return format as ExportFormat
}
