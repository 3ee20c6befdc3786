/** The only URLs Folio ever hands to the OS: http(s) and mailto, checked by a real URL parser. */
const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 4_000) return null
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
  if (/[\u0000-\u001f\u007f\s]/.test(raw.trim())) return null
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  if (!ALLOWED.has(url.protocol)) return null
  if (url.protocol !== 'mailto:' && (!url.hostname || url.username || url.password)) return null
  return url.href
}
