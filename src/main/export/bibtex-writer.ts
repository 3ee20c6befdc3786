/**
 * Papers → BibTeX that Folio's own importer (digests/bibtex.ts) reads
 * back into the same papers. Text is UTF-8 (biber and the parser read it); TeX specials outside
 * math are escaped (`\% \& \# \_ \$ \{ \}`), math (`$…$`) is written as it is when its braces
 * balance, titles are double-braced to keep their case, and every author is one name.
 */
import type { PaperDetail } from '../../shared/contract'

/** Escape one field value for a braced BibTeX field. */
export function texEscape(s: string): string {
  const text = s.replace(/[\r\n\t\f\v]+/g, ' ')
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '$') {
      const dbl = text[i + 1] === '$'
      const close = text.indexOf(dbl ? '$$' : '$', i + (dbl ? 2 : 1))
      if (close !== -1) {
        const end = close + (dbl ? 2 : 1)
        const math = text.slice(i, end)
        if (balanced(math)) {
          out += math
          i = end
          continue
        }
      }
      out += '\\$'
      i++
      continue
    }
    if (c === '{' || c === '}' || c === '%' || c === '&' || c === '#' || c === '_') out += `\\${c}`
    else if (c === '~')
      out += '\\textasciitilde{}' // a bare ~ is a space in BibTeX
    else out += c
    i++
  }
  return out
}

/** Braces balance (ignoring escaped ones) and never close before they open. */
function balanced(s: string): boolean {
  let depth = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++
      continue
    }
    if (s[i] === '{') depth++
    else if (s[i] === '}' && --depth < 0) return false
  }
  return depth === 0
}

/**
 * One author as BibTeX: "Last, First" for plain personal names (so citation styles can abbreviate),
 * else the whole name in braces (organisations, names with "and" or commas).
 */
export function bibName(name: string): string {
  const n = name.trim()
  const words = n.split(/\s+/)
  const plain = words.every((w) => /^[\p{L}\p{M}.'’-]+$/u.test(w)) && !words.some((w) => /^and$/i.test(w))
  if (!plain || words.length < 2) return `{${texEscape(n)}}`
  const last = words[words.length - 1]!
  // A particle run before the last name ("van der Berg") stays with the first names: the parser
  // joins first + last back in the same order, so the display name round-trips.
  return `${texEscape(last)}, ${texEscape(words.slice(0, -1).join(' '))}`
}

const ascii = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '')

function yearOf(p: PaperDetail): string | undefined {
  const pub = /^(\d{4})/.exec(p.published ?? '')
  if (pub) return pub[1]
  const arxiv = /^(\d{2})(\d{2})\./.exec(p.arxivId ?? '')
  if (arxiv) return `20${arxiv[1]}`
  return /^(\d{4})/.exec(p.digestDate ?? '')?.[1]
}

/** Citation key: first author's last name + year + first title word, made unique with a, b, c… */
function citeKey(p: PaperDetail, used: Set<string>): string {
  const last = ascii(p.authors[0]?.trim().split(/\s+/).pop() ?? '').toLowerCase()
  const word = ascii(
    (p.title.split(/\s+/).find((w) => ascii(w).length > 3) ?? p.title.split(/\s+/)[0] ?? '').toLowerCase()
  )
  const base = `${last || 'anon'}${yearOf(p) ?? ''}${word}` || `paper${p.id}`
  let key = base
  for (let n = 0; used.has(key); n++) key = `${base}${n < 26 ? String.fromCharCode(97 + n) : n}`
  used.add(key)
  return key
}

function entry(p: PaperDetail, key: string): string {
  const fields: [string, string][] = [['title', `{${texEscape(p.title)}}`]]
  if (p.authors.length) fields.push(['author', p.authors.map(bibName).join(' and ')])
  const year = yearOf(p)
  if (year) fields.push(['year', year])
  if (p.arxivId) {
    fields.push(['eprint', texEscape(`${p.arxivId}${p.version ?? ''}`)], ['archivePrefix', 'arXiv'])
    if (p.categories[0]) fields.push(['primaryClass', texEscape(p.categories[0])])
  }
  if (p.doi) fields.push(['doi', texEscape(p.doi)])
  const url = p.links.abs ?? p.links.url ?? p.links.project
  if (url) fields.push(['url', texEscape(url)])
  if (p.published && /^\d{4}-\d{2}-\d{2}/.test(p.published)) fields.push(['date', p.published.slice(0, 10)])
  if (p.tags.length) fields.push(['keywords', p.tags.map(texEscape).join(', ')])
  if (p.abstract) fields.push(['abstract', texEscape(p.abstract)])
  const type = p.arxivId || !p.doi ? 'misc' : 'article'
  return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`
}

export function toBibtex(papers: Iterable<PaperDetail>): string {
  const used = new Set<string>()
  const out: string[] = []
  for (const p of papers) out.push(entry(p, citeKey(p, used)))
  return out.join('\n')
}
