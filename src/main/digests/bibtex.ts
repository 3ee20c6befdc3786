/**
 * BibTeX (formats.md §10) via @retorquere/bibtex-parser in raw mode: it handles blocks, `@string` macros,
 * `#` concatenation, month macros and name lists; TeX → Unicode is ours (latex.ts), so math stays verbatim
 * and `<`/`>` stay text. Loaded only for BibTeX files (see parsers.ts); detection is in bibtex-signature.ts.
 */
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser'
import { NOT_PAPERS } from './bibtex-signature'
import { arxivIdFromDoi, classifyDoi } from './doi'
import { applyArxivId, type ArxivId, parseArxivId } from './arxiv-id'
import { collapseWhitespace } from './text'
import { extractLinks, safeHttpUrl } from './urls'
import { invertName } from './names'
import { latexToUnicode, stripBraces } from './latex'
import { DigestError, type DigestMeta, type DigestParser, type ParsedPaper } from './types'

/** TeX field value → display text: accents to Unicode, protective braces removed, whitespace collapsed. */
export function cleanTex(s: string): string {
  return collapseWhitespace(stripBraces(latexToUnicode(s)))
}

function creatorName(c: Creator): string | undefined {
  if (c.name !== undefined) {
    const name = cleanTex(c.name.replace(/^\{(.*)\}$/s, '$1'))
    // raw mode leaves `Last, Jr., First` unsplit when it has three parts
    return name.includes(',') ? invertName(name) : name
  }
  const parts = [c.firstName, c.prefix, c.lastName].filter((p): p is string => p !== undefined && p.trim() !== '')
  let name = cleanTex(parts.join(' '))
  if (c.suffix !== undefined && c.suffix.trim() !== '') name += ` ${cleanTex(c.suffix)}`
  return name === '' ? undefined : name
}

function field(entry: Entry, name: string): string | undefined {
  const v = (entry.fields as Record<string, unknown>)[name]
  return typeof v === 'string' ? v : undefined
}

function arxivIdOf(entry: Entry): ArxivId | undefined {
  const eprint = field(entry, 'eprint')
  const prefix = (field(entry, 'archiveprefix') ?? field(entry, 'eprinttype'))?.trim().toLowerCase()
  if (eprint !== undefined && (prefix === undefined || prefix === 'arxiv')) {
    const id = parseArxivId(eprint)
    if (id) return id
  }
  for (const name of ['journal', 'note', 'howpublished', 'journaltitle']) {
    const v = field(entry, name)
    if (v !== undefined && /arxiv/i.test(v)) {
      const id = parseArxivId(v)
      if (id) return id
    }
  }
  const url = field(entry, 'url')
  if (url !== undefined && /arxiv\.org\/(?:abs|pdf)\//i.test(url)) {
    const id = parseArxivId(url)
    if (id) return id
  }
  const doi = field(entry, 'doi')
  return doi !== undefined ? arxivIdFromDoi(doi) : undefined
}

export const parseBibtex: DigestParser = (text, _ctx, onPaper) => {
  const lib = parse(text, { raw: true, english: false, sentenceCase: false, caseProtection: false })
  const warnings: string[] = []
  for (const err of lib.errors) {
    const first = (err.error.split('\n')[0] ?? '').trim()
    const undef = /^Unresolved @string reference "(.*)"$/.exec(first)
    if (undef) warnings.push(`undefined @string macro "${undef[1] ?? ''}": value kept as written`)
    else if (/^unexpected \d+-part name/.test(first)) warnings.push(first)
    else throw new DigestError(`BibTeX: ${first}`)
  }
  let rank = 0
  for (const entry of lib.entries) {
    if (NOT_PAPERS.has(entry.type.toLowerCase())) continue
    const title = cleanTex(field(entry, 'title') ?? '')
    if (title === '') {
      warnings.push(`entry "${entry.key}": no title, skipped`)
      continue
    }
    const creators = entry.fields.author ?? []
    const authors: string[] = []
    let etAl = false
    for (const c of creators) {
      const n = creatorName(c)
      if (n === undefined) continue
      if (n.toLowerCase() === 'others') etAl = true
      else authors.push(n)
    }
    const abstract = cleanTex(field(entry, 'abstract') ?? '')
    const extras: Record<string, unknown> = { rank: ++rank, citeKey: entry.key, entryType: entry.type.toLowerCase() }
    if (etAl) extras.etAl = true
    const put = (k: string, v: string | undefined): void => {
      if (v !== undefined && v.trim() !== '') extras[k] = cleanTex(v)
    }
    put('year', field(entry, 'year'))
    put('month', field(entry, 'month'))
    put('venue', field(entry, 'journal') ?? field(entry, 'journaltitle') ?? field(entry, 'booktitle'))
    put('volume', field(entry, 'volume'))
    put('number', field(entry, 'number'))
    const pages = field(entry, 'pages')
    if (pages !== undefined) extras.pages = cleanTex(pages.replace(/--/g, '–'))
    put('note', field(entry, 'note'))
    const kw = entry.fields.keywords
    if (Array.isArray(kw) && kw.length > 0) extras.keywords = kw.map(cleanTex)

    const id = arxivIdOf(entry)
    const links: ParsedPaper['links'] = { ...extractLinks(abstract) }
    const url = field(entry, 'url')
    const safe = url !== undefined ? safeHttpUrl(url.trim()) : undefined
    if (safe !== undefined) links.url = safe
    const paper: ParsedPaper = { title, abstract, authors, links, categories: [], extras }
    applyArxivId(paper, id)
    const doi = field(entry, 'doi')
    if (doi !== undefined) {
      const d = classifyDoi(doi)
      if (d.doi !== undefined) {
        paper.doi = d.doi
        links.doi = `https://doi.org/${d.doi}`
      }
    }
    const primary = field(entry, 'primaryclass')
    if (primary !== undefined && primary.trim() !== '') paper.categories.push(primary.trim())
    const date = field(entry, 'date')
    if (date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(date.trim())) paper.published = date.trim()
    onPaper(paper)
  }
  const meta: DigestMeta = { format: 'bibtex', warnings }
  return meta
}
