/**
 * `folio`: the command line on the same library code as the app.
 *   folio import <files or folders>… [--dry-run] [--json]
 *   folio list [--status unread|reading|read] [--starred] [--limit N] [--json]
 *   folio search <query> [--limit N] [--json]
 *   folio status <paper> <unread|reading|read>
 *   folio star <paper> [--off]
 *   folio note <paper> [--set text | --edit]
 *   folio serve [--port N]
 *   folio tag / tags / export / backup / restore   (data-commands.ts)
 * Global: --library PATH (or FOLIO_LIBRARY). Exit 0 ok, 1 error, 2 usage.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { STATUSES, type Status } from '../../preload/api'
import { importSources } from '../import/import-files'
import { LibraryError, resolveLibraryPath, type Library } from '../library/index'
import { openLibrarySafely } from '../library/open-safely'
import { search } from '../library/feed'
import { getNote, saveNote } from '../library/notes'
import { findPaper, getPaper, iteratePapers } from '../library/papers'
import { setStarred, setStatus } from '../library/status'
import { DATA_COMMANDS, runDataCommand } from './data-commands'
import { importSummary, paperLine, progressPrinter } from './format'

export class UsageError extends Error {}

export interface Io {
  out: (s: string) => void
  err: (s: string) => void
  env: NodeJS.ProcessEnv
}

const HELP = `folio: your research reading list, offline

Usage:
  folio import <files or folders>… [--dry-run] [--progress] [--json]
  folio list [--status unread|reading|read] [--starred] [--limit N] [--json]
  folio search <query> [--limit N] [--json]
  folio status <paper> <unread|reading|read>
  folio star <paper> [--off]
  folio note <paper> [--set <text> | --edit]
  folio serve [--port N]
  folio tag <paper> <tag>… [--remove]
  folio tags [--rename OLD NEW | --delete NAME] [--json]
  folio export notes <dir>
  folio export list <file|-> [--format md|bib|csv|json] [--status …] [--starred] [--tag t] [--query q]
  folio backup <file> [--sqlite]
  folio restore <file>

<paper> is a library id, an arXiv id, a DOI or an exact title.
Options:
  --library PATH   the library file (default: $FOLIO_LIBRARY, else Folio's user-data folder)
  -h, --help       this help`

const OPTIONS = {
  library: { type: 'string' },
  status: { type: 'string' },
  starred: { type: 'boolean' },
  limit: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  progress: { type: 'boolean' },
  set: { type: 'string' },
  edit: { type: 'boolean' },
  off: { type: 'boolean' },
  port: { type: 'string' },
  remove: { type: 'boolean' },
  rename: { type: 'string' },
  delete: { type: 'string' },
  format: { type: 'string' },
  tag: { type: 'string' },
  query: { type: 'string' },
  sqlite: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

function parseStatus(v: string | undefined): Status | undefined {
  if (v === undefined) return undefined
  if (!(STATUSES as readonly string[]).includes(v)) throw new UsageError(`unknown status "${v}": use unread, reading or read`)
  return v as Status
}

function parseLimit(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--limit needs a positive whole number, not "${v}"`)
  return Number(v)
}

function need(args: string[], n: number, usage: string): void {
  if (args.length < n) throw new UsageError(`usage: ${usage}`)
}

/** Runs one command; returns the exit code. Long-running `serve` resolves when the server stops. */
export async function run(argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0])
  }
  const { values: o, positionals } = parsed
  const [command, ...args] = positionals
  if (o.help || !command || command === 'help') {
    io.out(HELP)
    return command || o.help ? 0 : 2
  }
  const libraryPath = resolveLibraryPath(o.library, io.env)
  const withLibrary = <T>(fn: (lib: Library) => T): T => {
    const { library: lib, recovery } = openLibrarySafely(libraryPath, { check: 'light' })
    if (recovery) io.err(`folio: ${recovery.message}`)
    try {
      return fn(lib)
    } finally {
      lib.close()
    }
  }

  switch (command) {
    case 'import': {
      need(args, 1, 'folio import <files or folders>… [--dry-run]')
      const dryRun = o['dry-run'] ?? false
      const report = withLibrary((lib) =>
        importSources(
          lib,
          args.map((path) => ({ kind: 'path' as const, path })),
          { dryRun, onProgress: o.json ? undefined : progressPrinter(process.stderr, o.progress) }
        )
      )
      if (process.stderr.isTTY && !o.json) process.stderr.write('\r\x1b[2K')
      io.out(o.json ? JSON.stringify(report, null, 2) : importSummary(report, dryRun))
      return report.rejected > 0 ? 1 : 0
    }
    case 'list': {
      const status = parseStatus(o.status)
      const limit = parseLimit(o.limit)
      return withLibrary((lib) => {
        const papers = iteratePapers(lib.db, { status, starred: o.starred, limit })
        if (o.json) {
          // Streamed: one paper at a time, still one valid JSON array.
          let first = true
          io.out('[')
          for (const p of papers) {
            io.out(`${first ? '' : ','}${JSON.stringify(p)}`)
            first = false
          }
          io.out(']')
        } else {
          for (const p of papers) io.out(paperLine(p))
        }
        return 0
      })
    }
    case 'search': {
      need(args, 1, 'folio search <query>')
      const limit = parseLimit(o.limit) ?? 50
      return withLibrary((lib) => {
        const page = search(lib.db, args.join(' '), Math.min(limit, 500))
        if (o.json) io.out(JSON.stringify(page.items, null, 2))
        else if (!page.items.length) io.out('No papers match.')
        else for (const p of page.items) io.out(paperLine(p))
        return 0
      })
    }
    case 'status': {
      need(args, 2, 'folio status <paper> <unread|reading|read>')
      const status = parseStatus(args[1])!
      return withLibrary((lib) => {
        const id = findPaper(lib.db, args[0]!)
        setStatus(lib.db, [id], status)
        io.out(paperLine(getPaper(lib.db, id)))
        return 0
      })
    }
    case 'star': {
      need(args, 1, 'folio star <paper> [--off]')
      return withLibrary((lib) => {
        const id = findPaper(lib.db, args[0]!)
        setStarred(lib.db, [id], !o.off)
        io.out(paperLine(getPaper(lib.db, id)))
        return 0
      })
    }
    case 'note': {
      need(args, 1, 'folio note <paper> [--set <text> | --edit]')
      if (o.set !== undefined && o.edit) throw new UsageError('use either --set or --edit, not both')
      return withLibrary((lib) => {
        const id = findPaper(lib.db, args[0]!)
        if (o.set !== undefined) {
          saveNote(lib.db, id, o.set)
          io.err(`Saved the note on ${id}.`)
          return 0
        }
        if (o.edit) return editNote(lib, id, io)
        const note = getNote(lib.db, id)
        io.out(note.body)
        return 0
      })
    }
    case 'serve': {
      const port = o.port === undefined ? 0 : Number(o.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port needs a port number, not "${o.port}"`)
      const { startHost, defaultRendererDir } = await import('../host/server')
      ensureRendererBuilt(defaultRendererDir(), io)
      const host = await startHost({ libraryPath, port })
      if (host.recovery) io.err(`folio: ${host.recovery.message}`)
      io.out(`Folio is serving ${libraryPath}\nOpen ${host.url}\n(loopback only; press Ctrl+C to stop)`)
      await new Promise<void>((resolve) => {
        const stop = (): void => void host.close().then(resolve)
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      return 0
    }
    case 'tag':
    case 'tags':
    case 'export':
    case 'backup':
    case 'restore':
      return runDataCommand(command satisfies (typeof DATA_COMMANDS)[number], {
        args,
        o: { ...o, status: parseStatus(o.status) },
        libraryPath,
        out: io.out,
        err: io.err,
        usage: (message) => {
          throw new UsageError(message)
        },
        open: () => {
          const { library, recovery } = openLibrarySafely(libraryPath)
          if (recovery) io.err(`folio: ${recovery.message}`)
          return library
        }
      })
    default:
      throw new UsageError(`unknown command "${command}" (try folio --help)`)
  }
}

/** `folio serve` right after `npm install`: build the renderer once if it is not there yet. */
function ensureRendererBuilt(rendererDir: string, io: Io): void {
  if (existsSync(join(rendererDir, 'index.html'))) return
  io.err('Building the Folio interface (first run)…')
  const root = join(rendererDir, '..', '..')
  const r = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' })
  if (r.status !== 0) throw new LibraryError('build', 'building the interface failed; run "npm run build" and try again')
}

/** --edit: the note in $VISUAL/$EDITOR on a temp file; saved only if the editor exits 0. */
function editNote(lib: Library, id: number, io: Io): number {
  const editor = io.env.VISUAL || io.env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi')
  const dir = mkdtempSync(join(tmpdir(), 'folio-note-'))
  const file = join(dir, `note-${id}.md`)
  try {
    writeFileSync(file, getNote(lib.db, id).body)
    const r = spawnSync(editor, [file], { stdio: 'inherit', shell: process.platform === 'win32' })
    if (r.error || r.status !== 0) throw new LibraryError('editor', `the editor "${editor}" failed; the note was not changed`)
    saveNote(lib.db, id, readFileSync(file, 'utf8'))
    io.err(`Saved the note on ${id}.`)
    return 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function main(argv: string[]): Promise<number> {
  const io: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`), env: process.env }
  try {
    return await run(argv, io)
  } catch (err) {
    const message = (err as Error).message.replace(/\s+/g, ' ').trim()
    io.err(`folio: ${message}`)
    return err instanceof UsageError ? 2 : 1
  }
}
