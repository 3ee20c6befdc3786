/**
 * BibTeX entries → papers (docs/formats.md, "BibTeX"). The structure is read by bibtex-reader.ts (bounded,
 * an error costs one entry); here fields become a paper: TeX to Unicode (latex.ts, math kept verbatim),
 * formatting commands reduced to their text, `~` a space, names split at `and`, arXiv ids found wherever
 * exporters put them. Detection is in bibtex-signature.ts.
 */
import { NOT_PAPERS } from './bibtex-signature'
import { readBibtex, type BibEntry } from './bibtex-reader'
import { arxivIdFromDoi, classifyDoi } from './doi'
import { applyArxivId, type ArxivId, parseArxivId } from './arxiv-id'
import { collapseWhitespace } from './text'
import { extractLinks, safeHttpUrl } from './urls'
import { invertName, NOT_A_NAME } from './names'
import { latexToUnicode, stripBraces } from './latex'
import { type DigestMeta, type DigestParser, type ParsedPaper } from './types'

/** An author list longer than this keeps its first names only (with a warning). */
export const MAX_AUTHORS = 5000

/** Text-mode formatting commands whose argument is the text (`\textit{x}` → `x`). */
const FORMATTING =
  /\\(?:textit|textbf|textsc|texttt|textrm|textsf|textsl|textup|textmd|textnormal|emph|em|it|bf|sc|mbox|hbox|uppercase|lowercase|MakeUppercase|MakeLowercase|NoCaseChange|url)\s*(?=\{)/g

/** Apply `fn` to the parts of `s` outside `$…$` math. */
function outsideMath(s: string, fn: (t: string) => string): string {
  if (!s.includes('$')) return fn(s)
  return s
    .split(/(\$\$[^$]*\$\$|\$[^$]*\$)/)
    .map((part, i) => (i % 2 === 1 ? part : fn(part)))
    .join('')
}

/** TeX field value → display text: formatting to text, accents to Unicode, braces off, `~` a space. */
export function cleanTex(s: string): string {
  let t = s.replace(/<\/?tex>/gi, '') // IEEE wraps TeX in <tex>…</tex>
  t = outsideMath(t, (x) =>
    x
      .replace(FORMATTING, '')
      .replace(/\\relax\b\s*/g, '')
      .replace(/(?<!\\)~/g, ' ')
  )
  return collapseWhitespace(stripBraces(latexToUnicode(t)))
}

/** Split an author field at `and` outside braces. */
export function splitBibNames(value: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < value.length; i++) {
    const c = value[i]
    if (c === '{') depth++
    else if (c === '}') depth--
    else if (
      depth === 0 &&
      (c === 'a' || c === 'A') &&
      /\s/.test(value[i - 1] ?? '') &&
      /^and\s/i.test(value.slice(i, i + 4))
    ) {
      out.push(value.slice(start, i))
      start = i + 3
    }
  }
  out.push(value.slice(start))
  return out.map((n) => n.trim()).filter((n) => n !== '')
}

function arxivIdOf(f: Map<string, string>): ArxivId | undefined {
  const eprint = f.get('eprint')
  const prefix = (f.get('archiveprefix') ?? f.get('eprinttype'))?.trim().toLowerCase()
  if (eprint !== undefined && (prefix === undefined || prefix === 'arxiv')) {
    const id = parseArxivId(eprint)
    if (id) return id
  }
  // Scholar: journal={arXiv preprint arXiv:1412.6980}; Semantic Scholar: journal={Ar{X}iv}, volume={abs/…};
  // DBLP: journal={CoRR}, volume={abs/1810.04805}.
  for (const name of ['journal', 'note', 'howpublished', 'journaltitle', 'booktitle', 'volume', 'pages']) {
    const raw = f.get(name)
    if (raw === undefined) continue
    const v = stripBraces(raw).trim()
    const corr = name === 'volume' ? /^abs\/(\S+)$/i.exec(v)?.[1] : undefined
    if (corr !== undefined) {
      const id = parseArxivId(corr)
      if (id && corr.replace(/v\d+$/, '') === id.id) return id // DBLP's CoRR: the whole volume is the id
    } else if (/arxiv/i.test(v)) {
      const id = parseArxivId(v)
      if (id) return id
    }
  }
  const url = f.get('url')
  if (url !== undefined && /arxiv\.org\/(?:abs|pdf)\//i.test(url)) {
    const id = parseArxivId(url)
    if (id) return id
  }
  const doi = f.get('doi')
  return doi !== undefined ? arxivIdFromDoi(doi) : undefined
}

function toPaper(entry: BibEntry, rank: number, warn: (m: string) => void): ParsedPaper | undefined {
  const f = entry.fields
  const title = cleanTex(f.get('title') ?? '')
  if (title === '') {
    warn(`entry "${entry.key}" (line ${entry.line}): no title, skipped`)
    return undefined
  }
  let names = splitBibNames(f.get('author') ?? '')
  if (names.length > MAX_AUTHORS) {
    warn(`entry "${entry.key}" (line ${entry.line}): ${names.length} authors, only the first ${MAX_AUTHORS} kept`)
    names = names.slice(0, MAX_AUTHORS)
  }
  const authors: string[] = []
  let etAl = false
  for (const raw of names) {
    const n = cleanTex(raw.replace(/^\{(.*)\}$/s, '$1'))
    if (n === '' || NOT_A_NAME.test(n)) etAl = true
    else authors.push(n.includes(',') && !/^\{.*\}$/s.test(raw) ? invertName(n) : n)
  }
  const abstract = cleanTex(f.get('abstract') ?? '')
  const extras: Record<string, unknown> = { rank, citeKey: entry.key, entryType: entry.type, line: entry.line }
  if (etAl) extras.etAl = true
  const put = (k: string, v: string | undefined): void => {
    if (v !== undefined && v.trim() !== '') extras[k] = cleanTex(v)
  }
  put('year', f.get('year'))
  put('month', f.get('month'))
  put('venue', f.get('journal') ?? f.get('journaltitle') ?? f.get('booktitle'))
  put('volume', f.get('volume'))
  put('number', f.get('number'))
  const pages = f.get('pages')
  if (pages !== undefined) extras.pages = cleanTex(pages.replace(/--/g, '–'))
  put('note', f.get('note'))
  const kw = f.get('keywords')
  if (kw !== undefined) {
    const list = kw
      .split(/[;,]/)
      .map(cleanTex)
      .filter((k) => k !== '')
    if (list.length > 0) extras.keywords = list
  }

  const links: ParsedPaper['links'] = { ...extractLinks(abstract) }
  const url = f.get('url')
  const safe = url !== undefined ? safeHttpUrl(url.trim()) : undefined
  if (safe !== undefined) links.url = safe
  const paper: ParsedPaper = { title, abstract, authors, links, categories: [], extras }
  applyArxivId(paper, arxivIdOf(f))
  const doi = f.get('doi')
  if (doi !== undefined) {
    const d = classifyDoi(doi)
    if (d.doi !== undefined) {
      paper.doi = d.doi
      links.doi = `https://doi.org/${d.doi}`
    }
  }
  const primary = f.get('primaryclass')
  if (primary !== undefined && primary.trim() !== '') paper.categories.push(primary.trim())
  const date = f.get('date')
  if (date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(date.trim())) paper.published = date.trim()
  else if (typeof extras.year === 'string' && /^\d{4}$/.test(extras.year)) paper.published = extras.year // its own year
  return paper
}

export const parseBibtex: DigestParser = (text, _ctx, onPaper) => {
  const warnings: string[] = []
  const warn = (m: string): void => {
    warnings.push(m)
  }
  let rank = 0
  for (const entry of readBibtex(text, { warn })) {
    if (NOT_PAPERS.has(entry.type)) continue
    const paper = toPaper(entry, rank + 1, warn)
    if (!paper) continue
    rank++
    onPaper(paper)
  }
  // BibTeX carries no digest date: the digest is undated (its papers keep their own years).
  const meta: DigestMeta = { format: 'bibtex', warnings }
  return meta
}
