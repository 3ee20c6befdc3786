/**
 * The `folio` commands that read or change papers:
 *   folio list [--status unread|reading|read] [--starred] [--limit N] [--json]
 *   folio search <query> [--limit N] [--json]
 *   folio status <paper> <unread|reading|read>
 *   folio star <paper> [--off]
 *   folio note <paper> [--set text | --edit]
 * Loaded by main.ts only when one of them runs (an import never loads the query code).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { search } from '../library/feed'
import { LibraryError, type Library } from '../library/index'
import { getNote, saveNote } from '../library/notes'
import { findPaper, getPaper, iteratePapers } from '../library/papers'
import { setStarred, setStatus } from '../library/status'
import { parseLimit, parseStatus } from './args'
import { paperLine } from './format'

export const LIBRARY_COMMANDS = ['list', 'search', 'status', 'star', 'note'] as const

export interface LibraryOptions {
  status?: string
  starred?: boolean
  limit?: string
  json?: boolean
  set?: string
  edit?: boolean
  off?: boolean
}

export interface LibraryContext {
  args: string[]
  o: LibraryOptions
  env: NodeJS.ProcessEnv
  out(s: string): void
  err(s: string): void
  usage(message: string): never
  /** Runs fn on the library, closing it afterwards; `writes`: check every page of it first. */
  withLibrary<T>(fn: (lib: Library) => T, writes?: boolean): Promise<T>
}

export async function runLibraryCommand(
  command: (typeof LIBRARY_COMMANDS)[number],
  ctx: LibraryContext
): Promise<number> {
  const { args, o } = ctx
  const need = (n: number, usage: string): void => {
    if (args.length < n) ctx.usage(`usage: ${usage}`)
  }
  switch (command) {
    case 'list': {
      const status = parseStatus(o.status, ctx.usage)
      const limit = parseLimit(o.limit, ctx.usage)
      return ctx.withLibrary((lib) => {
        const papers = iteratePapers(lib.db, { status, starred: o.starred, limit })
        if (o.json) {
          // Streamed: one paper at a time, still one valid JSON array.
          let first = true
          ctx.out('[')
          for (const p of papers) {
            ctx.out(`${first ? '' : ','}${JSON.stringify(p)}`)
            first = false
          }
          ctx.out(']')
        } else {
          for (const p of papers) ctx.out(paperLine(p))
        }
        return 0
      })
    }
    case 'search': {
      need(1, 'folio search <query>')
      const limit = parseLimit(o.limit, ctx.usage) ?? 50
      return ctx.withLibrary((lib) => {
        const page = search(lib.db, args.join(' '), Math.min(limit, 500))
        // Not by relevance (too many matches to rank): said on stderr, so --json output stays the papers.
        if (page.note) ctx.err(page.note)
        if (o.json) ctx.out(JSON.stringify(page.items, null, 2))
        else if (!page.items.length) ctx.out('No papers match.')
        else for (const p of page.items) ctx.out(paperLine(p))
        return 0
      })
    }
    case 'status': {
      need(2, 'folio status <paper> <unread|reading|read>')
      const status = parseStatus(args[1], ctx.usage)!
      return ctx.withLibrary((lib) => {
        const id = findPaper(lib.db, args[0]!)
        setStatus(lib.db, [id], status)
        ctx.out(paperLine(getPaper(lib.db, id)))
        return 0
      }, true)
    }
    case 'star': {
      need(1, 'folio star <paper> [--off]')
      return ctx.withLibrary((lib) => {
        const id = findPaper(lib.db, args[0]!)
        setStarred(lib.db, [id], !o.off)
        ctx.out(paperLine(getPaper(lib.db, id)))
        return 0
      }, true)
    }
    case 'note': {
      need(1, 'folio note <paper> [--set <text> | --edit]')
      if (o.set !== undefined && o.edit) ctx.usage('use either --set or --edit, not both')
      return ctx.withLibrary(
        (lib) => {
          const id = findPaper(lib.db, args[0]!)
          if (o.set !== undefined) {
            saveNote(lib.db, id, o.set)
            ctx.err(`Saved the note on ${id}.`)
            return 0
          }
          if (o.edit) return editNote(lib, id, ctx)
          ctx.out(getNote(lib.db, id).body)
          return 0
        },
        o.set !== undefined || o.edit === true
      )
    }
  }
}

/** --edit: the note in $VISUAL/$EDITOR on a temp file; saved only if the editor exits 0. */
function editNote(lib: Library, id: number, ctx: LibraryContext): number {
  const editor = ctx.env.VISUAL || ctx.env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi')
  const dir = mkdtempSync(join(tmpdir(), 'folio-note-'))
  const file = join(dir, `note-${id}.md`)
  try {
    writeFileSync(file, getNote(lib.db, id).body)
    const r = spawnSync(editor, [file], { stdio: 'inherit', shell: process.platform === 'win32' })
    if (r.error || r.status !== 0)
      throw new LibraryError('editor', `the editor "${editor}" failed; the note was not changed`)
    saveNote(lib.db, id, readFileSync(file, 'utf8'))
    ctx.err(`Saved the note on ${id}.`)
    return 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
