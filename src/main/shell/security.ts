/**
 * Electron security, in one place (Electron's security checklist, docs/tutorial/security.md):
 * secure webPreferences, a strict CSP on everything we serve, the app:// protocol serving only
 * files inside out/renderer, navigation/new-window/webview locks, every permission denied,
 * no network (http/ws requests cancelled, except the dev server in dev), and openExternal only
 * after URL validation. Only `import type` from electron: every function takes the Electron
 * object it configures, so the same code runs against the test stand-in.
 */
import type { Protocol, Session, WebContents, WebFrameMain, WebPreferences } from 'electron'
import { safeExternalUrl } from '../safe-url'
import { contentTypeOf, readStatic, resolveStatic, SECURITY_HEADERS } from '../static-files'

export const APP_SCHEME = 'folio'
export const APP_HOST = 'app'
/** Where the production renderer lives: served by our protocol handler from out/renderer. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The one policy (src/shared/csp.ts), re-exported for the shell's callers and tests. */
export { CONTENT_SECURITY_POLICY } from '../../shared/csp'

export type UrlCheck = (url: string) => boolean

/**
 * Is `url` our own renderer? Production: folio://app/…; dev: the electron-vite dev server's
 * origin (ELECTRON_RENDERER_URL). Anything else (file:, http elsewhere, about:blank) is foreign.
 */
export function appUrlCheck(devUrl?: string): UrlCheck {
  const devOrigin = devUrl ? originOf(devUrl) : null
  return (raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return false
    }
    if (devOrigin) return url.origin === devOrigin
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password
  }
}

function originOf(raw: string): string {
  const url = new URL(raw)
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error(`ELECTRON_RENDERER_URL must be a loopback http URL, got ${raw}`)
  }
  return url.origin
}

export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false
  }
}

type OpenExternal = (url: string) => Promise<void>

/** Opens http(s)/mailto links in the user's browser; anything else is refused (false). */
export async function openExternalSafely(open: OpenExternal, raw: unknown): Promise<boolean> {
  const safe = safeExternalUrl(raw)
  if (!safe) return false
  await open(safe)
  return true
}

/** The IPC sender check: a top-level frame showing our own renderer. */
export function isTrustedFrame(
  frame: (Pick<WebFrameMain, 'url'> & { parent?: unknown }) | null | undefined,
  isAppUrl: UrlCheck
): boolean {
  if (!frame) return false
  if (frame.parent) return false // sub-frames (there should be none) never talk to main
  return typeof frame.url === 'string' && isAppUrl(frame.url)
}

type LockableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * Navigation locks for one webContents: it may only ever show our renderer. Links that try to
 * navigate or open a window are denied; http(s)/mailto ones are opened in the user's browser.
 */
export function lockWebContents(contents: LockableContents, isAppUrl: UrlCheck, open: OpenExternal): void {
  const openOutside = (url: string): void => {
    openExternalSafely(open, url).catch((err: unknown) => console.error('[folio] openExternal failed:', err))
  }
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    openOutside(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
}

type LockableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'webRequest'
>

/**
 * Session-wide: deny every permission request and check, and every device (HID, USB, serial,
 * Bluetooth) permission; cancel every http(s)/ws(s) request
 * (Folio never talks to the network) except to the dev server's origin in dev.
 */
export function lockSession(session: LockableSession, devUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  const allowed = devUrl ? originOf(devUrl) : null
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (details, callback) => {
      let origin: string | null = null
      try {
        const u = new URL(details.url)
        // the dev server's HMR socket is ws:// on the same host and port
        origin = `${u.protocol === 'ws:' ? 'http:' : u.protocol}//${u.host}`
      } catch {
        origin = null
      }
      callback({ cancel: !(allowed && origin === allowed) })
    }
  )
}

// ---------- the folio:// protocol ----------

/**
 * Must run before app 'ready'. standard: relative URLs and an origin; secure: like https;
 * codeCache: V8 keeps the compiled renderer code between starts (a faster start).
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

const refuse = (status: number, text: string): Response =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } })

/**
 * The protocol handler's body: folio://app/<path> -> a file inside `root` (out/renderer), with
 * the CSP header. Only GET/HEAD, only host "app", no traversal (also through symlinks).
 */
export async function serveRendererFile(root: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed')
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return refuse(400, 'Bad URL')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'Not found')
  const file = await resolveStatic(root, url.pathname)
  if (!file) return refuse(404, 'Not found')
  try {
    const body = request.method === 'HEAD' ? null : (await readStatic(file)).body
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-cache', ...SECURITY_HEADERS }
    })
  } catch {
    return refuse(404, 'Not found')
  }
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(root, request))
}
