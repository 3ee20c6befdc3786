/**
 * `folio`: the command line on the same library code as the app. The commands and their options are
 * listed once, in HELP below (what `folio --help` prints); the library commands live in
 * library-commands.ts, the data commands (tags, export, backup, restore) in data-commands.ts.
 * Global: --library PATH (or FOLIO_LIBRARY). Exit 0 ok, 1 error, 2 usage.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { LibraryError, resolveLibraryPath, type Library } from '../library/index'
import { upgradePending } from '../library/migrations'
import { openLibrarySafely } from '../library/open-safely'
import { storageError } from '../library/storage-errors'
import type { DATA_COMMANDS } from './data-commands'
import { importCommand } from './import-command'
import type { LIBRARY_COMMANDS } from './library-commands'

// Each command loads its own code when it runs (dynamic imports below): `folio import` never loads
// the export, backup or query modules, nor zod or yaml, and starts in a fraction of the time.

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
  folio list --for-you [--limit N] [--json]
  folio similar <paper> [--limit N] [--json]
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
  'for-you': { type: 'boolean' },
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

const usage = (message: string): never => {
  throw new UsageError(message)
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
  // Opening a library of an earlier Folio upgrades it (migrations): say so, it can take seconds.
  if (upgradePending(libraryPath))
    io.err('folio: upgrading the library for this version of Folio (once: about a second per 100,000 papers)…')
  // A command that writes checks every page first (a damaged library is set aside, never written
  // into); one that only reads opens with the light check (damage it meets is a clean error).
  const withLibrary = async <T>(fn: (lib: Library) => T | Promise<T>, writes = false): Promise<T> => {
    const { library: lib, recovery } = openLibrarySafely(libraryPath, { check: writes ? 'quick' : 'light' })
    if (recovery) io.err(`folio: ${recovery.message}`)
    try {
      return await fn(lib)
    } finally {
      lib.close()
    }
  }

  switch (command) {
    case 'import': {
      if (args.length < 1) usage('usage: folio import <files or folders>… [--dry-run]')
      const dryRun = o['dry-run'] ?? false
      return importCommand(args, { libraryPath, dryRun, json: o.json ?? false, progress: o.progress ?? false }, io)
    }
    case 'similar':
      return (await import('./ranking-commands')).similarCommand({ args, o, out: io.out, usage, withLibrary })
    case 'list':
    case 'search':
    case 'status':
    case 'star':
    case 'note': {
      if (command === 'list' && o['for-you']) {
        if (o.status || o.starred) usage('--for-you lists unread papers: use it without --status or --starred')
        return (await import('./ranking-commands')).forYouCommand({ args, o, out: io.out, usage, withLibrary })
      }
      const { runLibraryCommand } = await import('./library-commands')
      return runLibraryCommand(command satisfies (typeof LIBRARY_COMMANDS)[number], {
        args,
        o,
        env: io.env,
        out: io.out,
        err: io.err,
        usage,
        withLibrary
      })
    }
    case 'serve': {
      const port = o.port === undefined ? 0 : Number(o.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port needs a port number, not "${o.port}"`)
      const { startHost, defaultRendererDir } = await import('../host/server')
      const { readLastAddress, rememberAddress } = await import('../host/address')
      ensureRendererBuilt(defaultRendererDir(), io)
      // The last address again (pages left open reconnect), unless another port is asked for or it is taken.
      const last = readLastAddress(libraryPath)
      const again = last && (port === 0 || port === last.port) ? last : null
      const host = await (again
        ? startHost({ libraryPath, ...again }).catch(() => startHost({ libraryPath, port }))
        : startHost({ libraryPath, port }))
      rememberAddress(libraryPath, { port: host.port, token: host.token })
      if (host.recovery) io.err(`folio: ${host.recovery.message}`)
      void host.fullCheck.then((late) => late && io.err(`folio: ${late.message}`))
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
    case 'restore': {
      const [{ runDataCommand }, { parseStatus }] = await Promise.all([import('./data-commands'), import('./args')])
      return runDataCommand(command satisfies (typeof DATA_COMMANDS)[number], {
        args,
        o: { ...o, status: parseStatus(o.status, usage) },
        libraryPath,
        out: io.out,
        err: io.err,
        usage,
        open: () => {
          const { library, recovery } = openLibrarySafely(libraryPath)
          if (recovery) io.err(`folio: ${recovery.message}`)
          return library
        }
      })
    }
    default:
      throw new UsageError(`unknown command "${command}" (try folio --help)`)
  }
}

/** `folio serve` right after `npm install`: build the renderer once if it is not there yet. */
function ensureRendererBuilt(rendererDir: string, io: Io): void {
  if (existsSync(join(rendererDir, 'index.html'))) return
  io.err('Building the Folio interface (first run)…')
  const root = join(rendererDir, '..', '..')
  const r = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32'
  })
  if (r.status !== 0)
    throw new LibraryError('build', 'building the interface failed; run "npm run build" and try again')
}

export async function main(argv: string[]): Promise<number> {
  const io: Io = {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    env: process.env
  }
  // `folio list | head -1`: the reader went away. Nothing is lost (a read); stop quietly, no stack.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err
    process.exit(0)
  })
  try {
    return await run(argv, io)
  } catch (err) {
    // SQLite's storage failures (disk full, read-only…) in the same words as the app and the host.
    const storage = storageError(err)
    const message = storage ? storage.message : (err as Error).message.replace(/\s+/g, ' ').trim()
    io.err(`folio: ${message}`)
    return err instanceof UsageError ? 2 : 1
  }
}
