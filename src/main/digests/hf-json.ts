/**
 * Hugging Face `daily_papers` API JSON (docs/formats.md, "Hugging Face daily_papers JSON"): an array of `{ paper: {...}, publishedAt, numComments, … }`,
 * or `{ dailyPapers: [...] }` (the page-embedded variant). Unknown keys are ignored; optional keys may be
 * missing or null.
 */
import { arxivLinks, parseArxivId } from './arxiv-id'
import { collapseWhitespace } from './text'
import { extractLinks, safeHttpUrl } from './urls'
import { isoDay } from './dates'
import { latexToUnicode } from './latex'
import { DigestError, type DigestMeta, type DigestParser, type ParsedPaper } from './types'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

let cache: { text: string; value: unknown } | undefined

/** Strict JSON.parse with a one-line message: `invalid JSON at position 8123: Unterminated string`. */
export function parseJson(text: string): unknown {
  if (cache && cache.text === text) return cache.value
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    const m = /^(.*?) in JSON at position (\d+)/.exec(msg)
    if (m && m[1] !== undefined && m[2] !== undefined) {
      const offset = Number(m[2])
      throw new DigestError(`invalid JSON at position ${offset}: ${m[1]}`, { offset })
    }
    if (/Unexpected end of JSON input/.test(msg)) {
      throw new DigestError(`invalid JSON at position ${text.length}: unexpected end of input (truncated file?)`, {
        offset: text.length
      })
    }
    throw new DigestError(`invalid JSON: ${msg.split('\n')[0]}`)
  }
  cache = { text, value }
  return value
}

function isItem(v: unknown): boolean {
  return isObj(v) && isObj(v.paper) && typeof v.paper.id === 'string' && typeof v.paper.title === 'string'
}

/** The items of a daily-papers list, or undefined if the JSON has another shape (docs/formats.md, "Detection"). */
export function dailyPapersItems(value: unknown): Obj[] | undefined {
  const list = Array.isArray(value)
    ? value
    : isObj(value) && Array.isArray(value.dailyPapers)
      ? value.dailyPapers
      : undefined
  if (!list || list.length === 0) return undefined
  return list.every(isItem) ? (list as Obj[]) : undefined
}

function codeLink(repo: string | undefined): string | undefined {
  if (repo === undefined) return undefined
  const r = repo.trim()
  if (/^[\w.-]+\/[\w.-]+$/.test(r)) return `https://github.com/${r}`
  return safeHttpUrl(r)
}

export const parseHfJson: DigestParser = (text, _ctx, onPaper) => {
  const items = dailyPapersItems(parseJson(text))
  if (!items) throw new DigestError('JSON, but not a Hugging Face daily-papers list')
  const warnings: string[] = []
  const date = emitItems(items, onPaper, warnings)
  const meta: DigestMeta = { format: 'hf-json', warnings }
  if (date !== undefined) meta.date = date
  return meta
}

/** Papers from daily-papers items (the API's list, or the one a saved page embeds); returns the feed day. */
export function emitItems(items: Obj[], onPaper: (p: ParsedPaper) => void, warnings: string[]): string | undefined {
  let date: string | undefined
  items.forEach((item, index) => {
    const paper = item.paper as Obj
    const rawId = paper.id as string
    const id = parseArxivId(rawId)
    if (!id || id.id !== rawId.trim().replace(/v\d+$/, ''))
      warnings.push(`item ${index + 1}: paper.id "${rawId}" is not an arXiv id`)
    const title = collapseWhitespace(latexToUnicode((paper.title as string) || str(item.title) || ''))
    if (title === '') throw new DigestError(`item ${index + 1}: empty title`)
    const abstract = collapseWhitespace(latexToUnicode(str(paper.summary) ?? str(item.summary) ?? ''))
    const authorList = Array.isArray(paper.authors) ? paper.authors : []
    const authors: string[] = []
    const hidden: string[] = []
    for (const a of authorList) {
      const name = isObj(a) ? str(a.name) : undefined
      if (name === undefined || name.trim() === '') continue
      const n = collapseWhitespace(latexToUnicode(name))
      authors.push(n) // hidden authors are kept, always
      if (isObj(a) && a.hidden === true) hidden.push(n)
    }
    const links: ParsedPaper['links'] = { ...extractLinks(abstract) }
    const code = codeLink(str(paper.githubRepo))
    if (code !== undefined) links.code = code
    const project = safeHttpUrl(str(paper.projectPage)?.trim() ?? '')
    if (project !== undefined) links.project = project
    if (id) Object.assign(links, arxivLinks(id.id), { hf: `https://huggingface.co/papers/${id.id}` })

    const extras: Record<string, unknown> = { rank: index + 1 }
    const put = (k: string, v: unknown): void => {
      if (v !== undefined) extras[k] = v
    }
    put('upvotes', num(paper.upvotes))
    put('numComments', num(item.numComments))
    if ('githubStars' in paper) extras.githubStars = num(paper.githubStars) ?? null
    put('aiSummary', str(paper.ai_summary))
    if (Array.isArray(paper.ai_keywords))
      put(
        'aiKeywords',
        paper.ai_keywords.filter((k) => typeof k === 'string')
      )
    const feedDay = str(paper.submittedOnDailyAt) ?? str(item.publishedAt)
    put('feedDate', feedDay)
    const by = isObj(paper.submittedOnDailyBy)
      ? paper.submittedOnDailyBy
      : isObj(item.submittedBy)
        ? item.submittedBy
        : undefined
    if (by) put('submittedBy', str(by.user) ?? str(by.name))
    if (isObj(paper.organization)) put('organization', str(paper.organization.fullname) ?? str(paper.organization.name))
    if (hidden.length > 0) extras.hiddenAuthors = hidden
    if (typeof item.isAuthorParticipating === 'boolean') extras.isAuthorParticipating = item.isAuthorParticipating

    date ??= isoDay(feedDay)
    const p: ParsedPaper = { title, abstract, authors, links, categories: [], extras }
    if (id) p.arxivId = id.id
    if (id?.version !== undefined) p.version = id.version
    const published = str(paper.publishedAt)
    if (published !== undefined && isoDay(published)) p.published = published
    onPaper(p)
  })
  return date
}
