/**
 * The contract's handlers, in plain Node. Electron's ipcMain (ipc.ts) and the browser host
 * (host/) both serve exactly these through `createDispatcher`: validate input with the
 * contract's schema, run the handler, return a Reply (errors are data, never thrown across).
 */
import { contract, type EventName, type EventPayloads, type MethodName, type OutputOf, type ParsedInputOf, type Reply } from '../preload/api'
import { importSources } from './import/import-files'
import { counts } from './library/counts'
import { LibraryError } from './library/db'
import { feedPage, search } from './library/feed'
import type { Library } from './library/index'
import { getNote, listNotes, saveNote } from './library/notes'
import { getPaper } from './library/papers'
import { restoreStatus, setStarred, setStatus } from './library/status'
import { safeExternalUrl } from './safe-url'

export interface Services {
  /** Open a validated URL in the user's browser; false when this door cannot (the browser opens it itself). */
  openExternal(url: string): Promise<boolean> | boolean
  /** Send an event to every renderer (Electron windows, browser pages). */
  emit?<E extends EventName>(event: E, payload: EventPayloads[E]): void
}

type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> }

export function createHandlers(lib: Library, services: Services): Handlers {
  const db = lib.db
  return {
    feedPage: (q) => feedPage(db, q),
    search: ({ query, limit }) => search(db, query, limit),
    getPaper: ({ id }) => getPaper(db, id),
    counts: () => counts(db),
    setStatus: ({ ids, status }) => setStatus(db, ids, status),
    restoreStatus: ({ changes }) => restoreStatus(db, changes),
    setStarred: ({ ids, starred }) => setStarred(db, ids, starred),
    getNote: ({ paperId }) => getNote(db, paperId),
    saveNote: ({ paperId, body }) => saveNote(db, paperId, body),
    listNotes: ({ query, limit }) => listNotes(db, query, limit),
    importFiles: ({ files }) =>
      importSources(
        lib,
        files.map((f) => ({
          kind: 'bytes' as const,
          name: f.name,
          bytes: Buffer.from(f.base64, 'base64'),
          mtime: f.lastModified !== undefined ? new Date(f.lastModified) : undefined
        })),
        { onProgress: (p) => services.emit?.('importProgress', p) }
      ),
    openExternal: async ({ url }) => {
      const safe = safeExternalUrl(url)
      if (!safe) throw new LibraryError('bad-url', `Refused to open "${url.slice(0, 200)}": only http(s) and mailto links open`)
      return { opened: await services.openExternal(safe) }
    }
  }
}

export type Dispatch = (method: string, input: unknown) => Promise<Reply<unknown>>

export function createDispatcher(lib: Library, services: Services): Dispatch {
  const handlers = createHandlers(lib, services) as Record<MethodName, (input: unknown) => unknown>
  return async (method, input) => {
    if (!Object.hasOwn(contract, method)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown method "${String(method).slice(0, 100)}"` } }
    }
    const name = method as MethodName
    const parsed = contract[name].input.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? issue.path.join('.') : 'input'
      return { ok: false, error: { code: 'invalid-input', message: `${name}: invalid ${where}: ${issue?.message ?? 'bad input'}` } }
    }
    try {
      return { ok: true, value: await handlers[name](parsed.data) }
    } catch (err) {
      if (err instanceof LibraryError) return { ok: false, error: { code: err.code, message: err.message } }
      const message = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'internal', message: `${name} failed: ${message}` } }
    }
  }
}
