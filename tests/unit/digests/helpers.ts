import { parseDigestBytes, parseDigestText } from '../../../src/main/digests/index'
import type { ParsedDigest, ParsedPaper } from '../../../src/main/digests/types'

import { fixtureBytes } from './fixtures'

export { fixtureBytes, fixturePath } from './fixtures'

/** Parse a fixture through the whole pipeline (decode → detect → parse). */
export function parseFixture(name: string, mtime = new Date(2024, 5, 10, 12)): ParsedDigest {
  return parseDigestBytes(fixtureBytes(name), { fileName: name, mtime })
}

export function parseText(text: string, mtime = new Date(2024, 5, 10, 12)): ParsedDigest {
  return parseDigestText(text, { fileName: 'inline', mtime })
}

export function byId(d: ParsedDigest, id: string): ParsedPaper {
  const p = d.papers.find((x) => x.arxivId === id)
  if (!p) throw new Error(`no paper ${id}`)
  return p
}

/** Every string anywhere in the digest (titles, abstracts, authors, links, extras). */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out)
  else if (value && typeof value === 'object') for (const v of Object.values(value)) allStrings(v, out)
  return out
}

/** No stored field ends in \r or whitespace, contains \r or NUL, or starts with whitespace (titles, authors, abstracts). */
export function expectCleanFields(d: ParsedDigest): void {
  for (const s of allStrings(d.papers)) {
    if (s.includes('\r') || s.includes('\u0000')) throw new Error(`dirty field: ${JSON.stringify(s.slice(0, 80))}`)
  }
  for (const p of d.papers) {
    for (const s of [p.title, p.abstract, ...p.authors]) {
      if (s !== s.trim()) throw new Error(`untrimmed field: ${JSON.stringify(s.slice(0, 80))}`)
    }
    if (p.title === '') throw new Error('empty title')
  }
}
