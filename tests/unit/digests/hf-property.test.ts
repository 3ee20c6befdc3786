/**
 * Property: the papers of a Hugging Face page do not depend on how its chrome was copied. Chrome lines are
 * shuffled (the header among itself, each paper's tail among itself), blank lines dropped at random, the
 * header cut off: the same titles and texts come out, and no chrome ever gets into them. Seeded: a failure
 * names its seed.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { ParsedDigest } from '../../../src/main/digests/types'
import { rng } from '../../helpers/generate'
import { fixturePath, parseText } from './helpers'

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[a[i], a[j]] = [a[j] as T, a[i] as T]
  }
  return a
}

interface Sample {
  file: string
  /** Lines that are a title or a paper's text (everything else is chrome). */
  content: (line: string) => boolean
  /** Lines that start a paper's head (kept in place, in order, before the title). */
  head: (line: string) => boolean
}

/** A page as header + papers, each paper as head lines, content lines and tail lines (chrome). */
function pieces(
  text: string,
  s: Sample
): { header: string[]; papers: { head: string[]; body: string[]; tail: string[] }[] } {
  const header: string[] = []
  const papers: { head: string[]; body: string[]; tail: string[] }[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const cur = papers[papers.length - 1]
    if (s.head(line) && (!cur || cur.body.length > 0)) papers.push({ head: [line], body: [], tail: [] })
    else if (!cur) header.push(line)
    else if (s.content(line) && cur.tail.length === 0) cur.body.push(line)
    else if (cur.body.length === 0) cur.head.push(line)
    else cur.tail.push(line)
  }
  return { header, papers }
}

function variant(text: string, s: Sample, seed: number): string {
  const random = rng(seed)
  const { header, papers } = pieces(text, s)
  const lines: string[] = []
  if (random() < 0.5) lines.push(...shuffle(header, random))
  for (const p of papers) lines.push(...p.head, ...p.body, ...shuffle(p.tail, random))
  const dropAll = random() < 0.5
  return lines.map((l) => (dropAll || random() < 0.5 ? l : `${l}\n`)).join('\n')
}

const summary = (d: ParsedDigest): string[][] =>
  d.papers.map((p) => [
    p.title,
    p.abstract,
    typeof p.extras.aiSummary === 'string' ? p.extras.aiSummary : '',
    p.arxivId ?? ''
  ])

const SAMPLES: Sample[] = [
  {
    file: 'variants/hf-daily-modern.txt',
    head: (l) => /^(\d+|-)$/.test(l),
    content: (l) => l.length > 20 && !/University/.test(l) && !/inbox|community/.test(l)
  },
  {
    file: 'variants/hf-trending-modern-compact.txt',
    head: (l) => l === 'Submitted by',
    content: (l) => l.length > 12 && !/inbox|community|Trending|authors|GitHub/.test(l)
  },
  {
    file: 'variants/hf-daily-clip.md',
    head: (l) => /^\[(\d+|-)\]\(https:\/\/huggingface\.co\/login/.test(l),
    content: (l) => /^### |^\[[A-Z][^\]]{80,}\]/.test(l)
  }
]

const CHROME =
  /Get trending|Subscribe|Daily Papers|research community|Submitted by|\d authors|GitHub|·|University|albertgu|nielsr|akhaliq|\]\(|^\d+$|^-$/

describe('HF page: chrome shuffled, blank lines dropped, header removed', () => {
  for (const s of SAMPLES) {
    it(`${s.file}: the same papers come out, and no chrome in any of them`, () => {
      const base = summary(parseText(readFileSync(fixturePath(s.file), 'utf8'), new Date(2026, 11, 5)))
      expect(base).toHaveLength(3)
      const original = readFileSync(fixturePath(s.file), 'utf8')
      for (let seed = 1; seed <= 60; seed++) {
        const text = variant(original, s, seed)
        const got = summary(parseText(text, new Date(2026, 11, 5)))
        expect(got, `seed ${seed}:\n${text}`).toEqual(base)
        for (const [title, abstract, ai] of got) {
          for (const field of [title, abstract, ai]) expect(field, `seed ${seed}`).not.toMatch(CHROME)
        }
      }
    })
  }
})
