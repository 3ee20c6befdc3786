/**
 * tests/fixtures/variants/: the formats as people really save them (described in tests/fixtures/README.md).
 * Each file alone, through the whole pipeline: exactly these papers, titles, ids and (where the file has
 * them) authors.
 */
import { describe, expect, it } from 'vitest'
import { expectCleanFields, parseFixture } from './helpers'

const MAMBA = 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces'
const QLORA = 'QLoRA: Efficient Finetuning of Quantized LLMs'
const VERIFY = "Let's Verify Step by Step"

type Expected = [title: string, arxivId: string | undefined, authors?: string[]][]

const VARIANTS: Record<string, { format: string; papers: Expected }> = {
  'hf-daily-modern.txt': {
    format: 'hf-text',
    papers: [
      [MAMBA, undefined, []],
      [QLORA, undefined, []],
      [VERIFY, undefined, []]
    ]
  },
  'hf-trending-modern-compact.txt': {
    format: 'hf-text',
    papers: [
      [MAMBA, undefined, []],
      ['Segment Anything', undefined, []],
      ['Tree of Thoughts: Deliberate Problem Solving with Large Language Models', undefined, []]
    ]
  },
  'hf-daily-clip.md': {
    format: 'hf-text',
    papers: [
      [MAMBA, '2312.00752', []],
      [QLORA, '2305.14314', []],
      [VERIFY, '2305.20050', []]
    ]
  },
  'hf-daily-page.html': {
    format: 'hf-html',
    papers: [
      [MAMBA, '2312.00752', ['First Author']],
      [QLORA, '2305.14314', ['First Author']],
      [VERIFY, '2305.20050', ['First Author']]
    ]
  },
  'arxiv-rss1-rdf.xml': {
    format: 'arxiv-rdf',
    papers: [
      [
        'Chain of Thought Prompting Elicits Reasoning in Large Language Models',
        '2201.11903',
        ['Jason Wei', 'Xuezhi Wang', 'Dale Schuurmans', 'Maarten Bosma', 'Denny Zhou']
      ],
      ['LaMDA: Language Models for Dialog Applications', '2201.08239', ['Romal Thoppilan', 'Daniel De Freitas']],
      [
        'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
        '2112.11446',
        ['Jack W. Rae', 'Sebastian Borgeaud']
      ]
    ]
  },
  'papers-messy.bib': {
    format: 'bibtex',
    papers: [
      ['Language Models are Few-Shot Learners', '2005.14165', ['Tom B. Brown', 'Benjamin Mann', 'Nick Ryder']],
      [
        'Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer',
        undefined,
        ['C. Raffel', 'N. Shazeer', 'A. Roberts', 'K. Lee', 'S. Narang']
      ],
      [
        'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
        '1810.04805',
        ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']
      ],
      [
        'Training Compute-Optimal Large Language Models',
        '2203.15556',
        ['Jordan Hoffmann', 'Sebastian Borgeaud', 'Arthur Mensch']
      ]
    ]
  },
  'papers-ovid.ris': {
    format: 'ris',
    papers: [
      ['Proximal Policy Optimization Algorithms', '1707.06347', ['John Schulman', 'Filip Wolski', 'Prafulla Dhariwal']],
      [
        'Playing Atari with Deep Reinforcement Learning',
        undefined,
        ['Volodymyr Mnih', 'Koray Kavukcuoglu', 'David Silver']
      ]
    ]
  }
}

describe('variants: each file imports exactly as described', () => {
  for (const [file, want] of Object.entries(VARIANTS)) {
    it(`${file}: ${want.papers.length} papers`, () => {
      const d = parseFixture(`variants/${file}`, new Date(2026, 11, 5, 12))
      expect(d.format).toBe(want.format)
      expect(d.papers.map((p) => [p.title, p.arxivId, p.authors])).toEqual(want.papers)
      expectCleanFields(d)
    })
  }
})
