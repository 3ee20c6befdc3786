/** How long the browser may keep a file of the built renderer (serving itself: ../static-files.ts). */

/**
 * Vite names everything under assets/ by its content's hash: such a file never changes, so the
 * browser may keep it (and V8 its compiled code) for good. Anything else is revalidated each time.
 */
export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}
