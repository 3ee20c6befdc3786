/**
 * The one Content-Security-Policy of every page Folio serves: the app's folio:// protocol (header),
 * the browser host (header) and the page itself (its <meta>, written into index.html at build time
 * by electron.vite.config.ts). Nothing remote, no eval, no inline script, no plugins, no framing;
 * inline styles only, for KaTeX and React's style attributes. connect-src 'self': the browser page
 * calls its host (fetch, server-sent events); the app's page never connects anywhere.
 */
export const CSP_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
] as const

/** The policy as a header (both doors send it). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ')

/** Browsers ignore frame-ancestors in a <meta> (and log an error): the header carries it. */
export const CONTENT_SECURITY_POLICY_META = CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ')

/** The placeholder index.html carries where the build writes CONTENT_SECURITY_POLICY_META. */
export const CSP_PLACEHOLDER = '%FOLIO_CSP%'
