import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { detect } from '../../../src/main/digests/detect'
import type { ParsedDigest } from '../../../src/main/digests/types'
import { expectCleanFields, fixturePath, parseFixture, parseText } from './helpers'

const MAMBA = 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces'
const QLORA = 'QLoRA: Efficient Finetuning of Quantized LLMs'
const VERIFY = "Let's Verify Step by Step"
const DAILY_IDS = ['2312.00752', '2305.14314', '2305.20050']
const MTIME = new Date(2026, 11, 5, 12)

const text = (name: string): string => readFileSync(fixturePath(name), 'utf8')
const titles = (d: ParsedDigest): string[] => d.papers.map((p) => p.title)

/** Words of the page around the list: none may end up in a title or a text. */
const CHROME = [
  'Get trending papers',
  'Subscribe',
  'Daily Papers',
  'research community',
  'Trending Papers',
  'Submitted by',
  'authors',
  'GitHub',
  '·',
  'Carnegie Mellon',
  'University of Washington',
  'albertgu',
  'huggingface.co/login',
  ']('
]
function expectNoChrome(d: ParsedDigest): void {
  for (const p of d.papers) {
    for (const s of [p.title, p.abstract, typeof p.extras.aiSummary === 'string' ? p.extras.aiSummary : '']) {
      for (const c of CHROME) expect(s, `${c} in ${s.slice(0, 60)}`).not.toContain(c)
    }
  }
  expectCleanFields(d)
}

describe('Hugging Face page: every saved form', () => {
  it("today's daily page as text: upvotes, organisation, `·`, dates glued to comment counts are not papers", () => {
    const d = parseFixture('variants/hf-daily-modern.txt', MTIME)
    expect(d.format).toBe('hf-text')
    expect(titles(d)).toEqual([MAMBA, QLORA, VERIFY])
    expect(d.papers[0]?.abstract).toMatch(
      /^Structured state space models .* keeps it fast\. Code: https:\/\/github\.com\/state-spaces\/mamba\.$/
    )
    expect(d.papers[0]?.links.code).toBe('https://github.com/state-spaces/mamba')
    expect(d.papers[0]?.extras).toMatchObject({
      upvotes: 212,
      numComments: 14,
      organization: 'Carnegie Mellon University'
    })
    expect(d.papers[0]?.published).toBe('2023-12-01')
    expect(d.papers[1]?.extras).toMatchObject({ upvotes: 97, numComments: 5 })
    expect(d.papers[2]?.extras).toMatchObject({ authorCount: 9 })
    expect(d.date).toBe('2026-12-04')
    expectNoChrome(d)
  })

  it('the trending page with no blank lines: user names are not titles, a two-word title is, the AI summary is a summary', () => {
    const d = parseFixture('variants/hf-trending-modern-compact.txt', MTIME)
    expect(titles(d)).toEqual([
      MAMBA,
      'Segment Anything',
      'Tree of Thoughts: Deliberate Problem Solving with Large Language Models'
    ])
    for (const p of d.papers) expect(p.abstract).toBe('')
    expect(d.papers[1]?.extras.aiSummary).toBe(
      'A promptable segmentation model trained on a billion masks transfers zero-shot to new image distributions and tasks.'
    )
    expect(d.papers.map((p) => p.extras.githubStars)).toEqual([16200, 49800, 5100])
    expectNoChrome(d)
  })

  it('a Markdown clip: ids from the /papers/ links, no link syntax anywhere', () => {
    const d = parseFixture('variants/hf-daily-clip.md', MTIME)
    expect(titles(d)).toEqual([MAMBA, QLORA, VERIFY])
    expect(d.papers.map((p) => p.arxivId)).toEqual(DAILY_IDS)
    expect(d.papers[2]?.abstract).toMatch(/^Process supervision, .* step-level labels\.$/)
    expectNoChrome(d)
  })

  it("a text dump with each link's URL on its own line: ids from the URLs", () => {
    const dump = [
      'Daily Papers',
      'by AK and the research community',
      'https://huggingface.co/akhaliq',
      '212',
      'https://huggingface.co/login?next=%2Fpapers%2F2312.00752',
      MAMBA,
      'https://huggingface.co/papers/2312.00752',
      'Structured state space models scale linearly in sequence length.',
      'https://huggingface.co/papers/2312.00752',
      'Carnegie Mellon University',
      'https://huggingface.co/cmu',
      '·',
      'Dec 1, 2023',
      '14',
      'https://huggingface.co/papers/2312.00752#community',
      '-',
      QLORA,
      '<https://huggingface.co/papers/2305.14314>',
      'We finetune a 65B-parameter model on a single 48 GB GPU.',
      '9 authors'
    ].join('\n')
    const d = parseText(dump, MTIME)
    expect(titles(d)).toEqual([MAMBA, QLORA])
    expect(d.papers.map((p) => p.arxivId)).toEqual(['2312.00752', '2305.14314'])
    expect(d.papers[0]?.abstract).toBe('Structured state space models scale linearly in sequence length.')
    expectNoChrome(d)
  })

  it('the saved HTML page: the list from data-props, entities decoded, with ids and authors', () => {
    const d = parseFixture('variants/hf-daily-page.html', MTIME)
    expect(d.format).toBe('hf-html')
    expect(titles(d)).toEqual([MAMBA, QLORA, VERIFY])
    expect(d.papers.map((p) => p.arxivId)).toEqual(DAILY_IDS)
    expect(d.papers[0]?.authors).toEqual(['First Author'])
    expect(d.date).toBe('2026-12-04')
    expectCleanFields(d)
  })

  it('a saved trending page whose props hold bare paper objects under another key', () => {
    const props = JSON.stringify({
      trendingPapers: [{ id: '2304.02643', title: 'Segment Anything', summary: 'Masks.' }]
    })
    const html = `<!DOCTYPE html><html><body><div data-target="TrendingPapers" data-props='${props.replace(/'/g, '&#39;')}'></div></body></html>`
    const d = parseText(html)
    expect(d.papers.map((p) => [p.title, p.arxivId, p.abstract])).toEqual([
      ['Segment Anything', '2304.02643', 'Masks.']
    ])
  })

  it('every other HTML page stays refused with the same message', () => {
    for (const html of [
      '<!DOCTYPE html><html><body><h1>Papers</h1><p>Not a list.</p></body></html>',
      '<html><body><div data-target="DailyPapers" data-props="{&quot;other&quot;: 1}"></div></body></html>',
      '<html><body><div data-target="DailyPapers" data-props="{broken"></div></body></html>'
    ]) {
      expect(() => detect(html)).toThrow(/HTML pages are not supported: save the Hugging Face page as text/)
    }
  })

  it('the daily page with every blank line dropped and the header cut off', () => {
    const lines = text('variants/hf-daily-modern.txt')
      .split('\n')
      .filter((l) => l.trim() !== '')
    const d = parseText(lines.slice(lines.indexOf('212')).join('\n'), MTIME)
    expect(titles(d)).toEqual([MAMBA, QLORA, VERIFY])
    expectNoChrome(d)
  })

  it('the 2024 layout with every blank line dropped: 61 papers, abstracts ending in a URL do not swallow titles', () => {
    const compact = text('hf-trending-jun6.txt')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .join('\n')
    const d = parseText(compact, MTIME)
    const whole = parseFixture('hf-trending-jun6.txt', MTIME)
    expect(d.papers.map((p) => [p.title, p.abstract])).toEqual(whole.papers.map((p) => [p.title, p.abstract]))
    expect(d.papers).toHaveLength(61)
  })
})
