/**
 * Safe, portable file names from paper titles: no path separators or traversal, no characters
 * Windows/macOS/Linux (or Obsidian links) refuse, no reserved device names, bounded length, and
 * unique within one folder (case-insensitively, as on macOS and Windows).
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i
const MAX_STEM = 120

export function safeStem(title: string, fallback = 'untitled'): string {
  let s = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this pattern looks for
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    // Separators, characters Windows refuses, and ones Obsidian links treat specially ([[a|b#c^d]]).
    .replace(/[/\\:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '') // no leading dots (hidden, "..") or trailing dots/spaces (Windows)
  if (s.length > MAX_STEM) s = s.slice(0, MAX_STEM).replace(/[.\s]+$/, '')
  // Do not cut a surrogate pair in half.
  if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1)
  if (!s || RESERVED.test(s.split('.')[0] ?? '')) s = s ? `${s}_` : fallback
  return s
}

/** Hands out names unique in one folder: "Title.md", "Title (2).md", … */
export class NameAllocator {
  private readonly used = new Set<string>()
  constructor(private readonly ext: string) {}

  take(stem: string, preferred?: string): string {
    const candidates = [stem, ...(preferred ? [`${stem} (${preferred})`] : [])]
    for (const c of candidates) if (this.claim(c)) return `${c}${this.ext}`
    for (let n = 2; ; n++) if (this.claim(`${stem} (${n})`)) return `${stem} (${n})${this.ext}`
  }

  /** A name already present in the folder: never handed out. */
  reserve(fileName: string): void {
    this.used.add(fileName.toLowerCase())
  }

  private claim(stem: string): boolean {
    const key = `${stem}${this.ext}`.toLowerCase()
    if (this.used.has(key)) return false
    this.used.add(key)
    return true
  }
}
