/**
 * The browser host behind `folio serve`: the real renderer and the contract's handlers over
 * HTTP, on 127.0.0.1 only. Every API call needs the random token; Host and Origin are checked
 * (no DNS rebinding, no cross-site calls); static files never leave the renderer folder.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, realpathSync } from 'node:fs'
import { createServer, type ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  type EventName,
  type EventPayloads,
  type ImportProgressEvent,
  type ImportReport,
  type RestoreResult
} from '../../shared/contract'
import { importInWorker, defaultWorkerEntry } from '../import/run-in-worker'
import type { RunJob } from '../backup/jobs'
import { jobInWorker } from '../backup/run-job-in-worker'
import { runningImports } from '../import/running-imports'
import type { ImportSource } from '../import/sources'
import { createDispatcher, type Services } from '../handlers'
import type { Library } from '../library/index'
import type { SettingsPatch } from '../../shared/settings'
import { FULL_CHECK_DELAY_MS, quickCheckInWorker, setAsideDamaged, type LaterCheck } from '../library/check-later'
import { openLibrarySafely, type Recovery } from '../library/open-safely'
import { startRankingWorker, type Ranking } from '../ranking/service'
import { rankWhenIdle } from '../ranking/when-idle'
import { openSettings, settingsPathNextTo } from '../settings'
import { requestHandler, send } from './routes'
import { openUploads } from './uploads'

export interface HostOptions {
  libraryPath: string
  /** Built renderer folder; default out/renderer of this checkout. */
  rendererDir?: string
  /** 0 (default) picks a free port. */
  port?: number
  /** How often to look for writes by other processes (CLI, app), ms. */
  pollMs?: number
  /** Settings file; default settings.json next to the library. */
  settingsPath?: string
  /** Largest file the page may upload (default MAX_FILE_BYTES, the importer's own limit). */
  maxUploadBytes?: number
  /** The access token; default a new random one. A host started again with its old port and token serves its open pages again. */
  token?: string
  /** When the full integrity check starts, ms after the host is up (default FULL_CHECK_DELAY_MS). */
  fullCheckDelayMs?: number
}

export interface Host {
  url: string
  token: string
  port: number
  /** The library served (a fresh one after the full check set a damaged one aside). */
  readonly library: Library
  /** Set when the library was damaged at start, moved aside and replaced by a fresh one. */
  recovery: Recovery | null
  /**
   * The full integrity check, run after the host is up (off the page's path): resolves with the
   * Recovery when it found damage (the library was then moved aside and a fresh one is served), else null.
   */
  fullCheck: Promise<Recovery | null>
  close(): Promise<void>
}

export function defaultRendererDir(): string {
  // src/main/host/server.ts -> repo root/out/renderer (also right when bundled into out/).
  let dir = fileURLToPath(new URL('.', import.meta.url))
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out', 'renderer')
    dir = resolve(dir, '..')
  }
  return resolve('out', 'renderer')
}

export async function startHost(options: HostOptions): Promise<Host> {
  const rendererDir = options.rendererDir ?? defaultRendererDir()
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing): run "npm run build" first`)
  }
  // resolveStatic answers real paths: the page itself is only ever served with its token (below).
  const realIndexFile = realpathSync(indexFile)
  // The light check now (a file that is not a database is set aside at once); the full one once serving.
  const opened = openLibrarySafely(options.libraryPath, { check: 'light' })
  let library = opened.library
  const recovery = opened.recovery
  if (options.token !== undefined && !/^[\w-]{32,}$/.test(options.token))
    throw new Error('The host token must be at least 32 letters, digits, - or _')
  const token = options.token ?? randomBytes(24).toString('base64url')
  const listeners = new Set<ServerResponse>()
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
  }
  // In a browser, links open in a new tab from the page itself; the host never launches programs.
  // Imports run in a worker thread on their own connection: the host keeps answering (and
  // streaming progress) while a big digest imports.
  // The Cancel button (cancelImport) and the host stopping stop them.
  const imports = runningImports()
  const runImport = (sources: ImportSource[], onProgress: (p: ImportProgressEvent) => void): Promise<ImportReport> =>
    imports.run((signal) =>
      importInWorker(defaultWorkerEntry(), { libraryPath: options.libraryPath, sources }, onProgress, { signal })
    )
  const uploads = openUploads(options.maxUploadBytes)
  const importUploads = async (
    list: { id: string; name: string; lastModified?: number }[],
    onProgress: (p: ImportProgressEvent) => void
  ): Promise<ImportReport> => {
    const taken = list.map((u) => ({ ...u, upload: uploads.take(u.id) }))
    try {
      return await runImport(
        taken.map((u) => ({
          kind: 'upload' as const,
          path: u.upload.path,
          name: u.name,
          mtime: u.lastModified !== undefined ? new Date(u.lastModified) : undefined
        })),
        onProgress
      )
    } finally {
      for (const u of taken) uploads.release(u.upload)
    }
  }
  // A backup to restore comes as an upload too (streamed to disk), never as a JSON body.
  const runJob: RunJob = (job) => jobInWorker({ libraryPath: options.libraryPath, job })
  const restoreUpload = async (id: string, name: string): Promise<RestoreResult> => {
    const upload = uploads.take(id)
    try {
      return await runJob({ kind: 'restoreFromUpload', path: upload.path, name })
    } finally {
      uploads.release(upload)
    }
  }
  // Settings the page may change (theme, text size…); never paths: this door reads no paths.
  const settings = openSettings(options.settingsPath ?? settingsPathNextTo(options.libraryPath))
  const settingsService = {
    get: () => ({
      settings: settings.get(),
      libraryPath: options.libraryPath,
      libraryOverride: options.libraryPath,
      settingsPath: settings.path,
      canPickLocations: false
    }),
    set: (patch: SettingsPatch) => settings.update(patch)
  }
  // Writes by other processes (the CLI, the app) show up live: SQLite's data_version changes
  // whenever another connection commits (never for this connection's own writes).
  const dataVersion = (): number => library.db.pragma('data_version', { simple: true }) as number
  let lastVersion = dataVersion()
  // For you ranks in a worker; its own writes (the scores) are not a change for the page to reload.
  const startRanking = (): Ranking =>
    startRankingWorker(
      { libraryPath: options.libraryPath },
      {
        onRanked: (e) => {
          lastVersion = dataVersion()
          emit('rankingChanged', { strong: e.strong })
        },
        // Its stored features: written in chunks (a million papers: ~50 commits), none a change to show.
        onWrote: () => {
          lastVersion = dataVersion()
        }
      }
    )
  // It waits for the page to pause (when-idle.ts): every call below says the user is busy.
  let ranking = rankWhenIdle(startRanking)
  const services: Services = {
    openExternal: () => false,
    emit,
    runImport,
    // Backup (a download), restore (an upload) and notes export (a zip) in a worker thread too.
    runJob,
    importUploads,
    restoreUpload,
    cancelImport: () => imports.cancelAll(),
    settings: settingsService,
    ranking
  }
  let dispatch = createDispatcher(library, services)
  let port = 0

  const handle = requestHandler({
    token,
    port: () => port,
    rendererDir,
    indexFile,
    realIndexFile,
    uploads,
    dispatch: (method: string, input: unknown) => {
      ranking.busy()
      return dispatch(method, input)
    },
    listeners
  })
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(err as Error).message}`)
      else res.end()
    })
  })

  const poll = setInterval(() => {
    try {
      const v = dataVersion()
      if (v !== lastVersion) {
        lastVersion = v
        emit('libraryChanged', {})
        ranking.changed()
      }
    } catch {
      /* library closed */
    }
  }, options.pollMs ?? 1000)
  poll.unref()

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail)
      server.listen(options.port ?? 0, '127.0.0.1', () => ok())
    })
  } catch (err) {
    // The port is taken (say): leave nothing open, so the caller can try another.
    clearInterval(poll)
    await ranking.close()
    library.close()
    throw err
  }
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0

  let closed = false
  let cancelTimer = (): void => {}
  // A few seconds after start: on two cores the check would otherwise compete with the page's first paint.
  let check: LaterCheck | null = null
  const fullCheck = new Promise<string | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (closed) return resolve(null)
      check = quickCheckInWorker(options.libraryPath)
      check.result.then(resolve, reject)
    }, options.fullCheckDelayMs ?? FULL_CHECK_DELAY_MS)
    cancelTimer = () => {
      clearTimeout(timer)
      resolve(null)
    }
  })
    .then((reason) => {
      if (reason === null && !closed) library.checked = true // healthy: sealed when it closes (check-seal.ts)
      if (reason === null || closed) return null
      const replaced = setAsideDamaged(library, reason)
      library = replaced.library
      // The ranking's connection is to the file set aside: a new worker on the new library.
      void ranking.close()
      ranking = rankWhenIdle(startRanking)
      services.ranking = ranking
      dispatch = createDispatcher(library, services)
      lastVersion = dataVersion()
      emit('libraryChanged', {})
      return replaced.recovery
    })
    .catch(() => null) // the check could not run (busy, unreadable): the library keeps being served
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    get library() {
      return library
    },
    recovery,
    fullCheck,
    async close() {
      closed = true
      cancelTimer()
      check?.cancel()
      await fullCheck
      clearInterval(poll)
      // A running import is stopped (rolled back), within STOP_GRACE_MS even when a parse does not let go.
      await imports.stopAll()
      uploads.close()
      for (const res of listeners) res.end()
      listeners.clear()
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      await ranking.close()
      library.close()
    }
  }
}
