/**
 * Serving the built renderer folder, for both doors that do (the app's folio:// protocol and the
 * browser host): which file a URL path names (never one outside the folder, also not through a
 * symlink), its content type, and the headers every answer carries. Plain Node: no electron import.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
}

/** The content type of a file, by its extension (unknown: a download, never sniffed). */
export const contentTypeOf = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'

/** Headers on every answer, file or refusal. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/**
 * The file inside `root` a URL path names, or null: refuses undecodable or encoded traversal
 * (`..%2f`), NUL bytes, backslashes, folders, and anything whose real path (symlinks followed)
 * is outside the real root. `/` names index.html.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<string | null> {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '/' || path === '') path = '/index.html'
  const base = resolve(root)
  const file = resolve(base, `.${path}`)
  if (!inside(base, file)) return null
  try {
    const [realBase, realFile] = await Promise.all([realpath(base), realpath(file)])
    if (!inside(realBase, realFile) || !(await stat(realFile)).isFile()) return null
    return realFile
  } catch {
    return null
  }
}

/** A file resolveStatic gave: its bytes and type. */
export async function readStatic(file: string): Promise<{ body: Awaited<ReturnType<typeof readFile>>; type: string }> {
  return { body: await readFile(file), type: contentTypeOf(file) }
}
