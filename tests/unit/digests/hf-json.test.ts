import { describe, expect, it } from 'vitest'
import { byId, expectCleanFields, parseFixture, parseText } from './helpers'

describe('HF daily_papers JSON: hf-daily-papers.json', () => {
  const d = parseFixture('hf-daily-papers.json')

  it('yields 4 papers with ids, and the feed day as digest date', () => {
    expect(d.format).toBe('hf-json')
    expect(d.papers.map((p) => p.arxivId)).toEqual(['1512.03385', '2106.09685', '2307.09288', '2305.18290'])
    expect(d.date).toBe('2024-10-02')
    expect(d.dateInferred).toBeUndefined()
    expectCleanFields(d)
  })

  it('collapses hard wraps in the LoRA title and summary', () => {
    const lora = byId(d, '2106.09685')
    expect(lora.title).toBe('LoRA: Low-Rank Adaptation of Large Language Models')
    expect(lora.abstract).not.toContain('\n')
    expect(lora.abstract).toMatch(/costly to train and to store\. LoRA keeps/)
    expect(lora.links).toMatchObject({
      code: 'https://github.com/microsoft/LoRA',
      abs: 'https://arxiv.org/abs/2106.09685',
      pdf: 'https://arxiv.org/pdf/2106.09685',
      hf: 'https://huggingface.co/papers/2106.09685'
    })
    expect(lora.extras).toMatchObject({ rank: 2, upvotes: 57, numComments: 4, githubStars: 10512 })
  })

  it('uses paper.publishedAt (arXiv date) as published, not the item publishedAt (feed day)', () => {
    const lora = byId(d, '2106.09685')
    expect(lora.published).toBe('2021-06-17T17:37:18.000Z')
    expect(lora.extras.feedDate).toBe('2024-10-02T00:00:00.000Z')
  })

  it('keeps hidden authors (Kevin Stone) and notes them, and keeps Llama 2 extras', () => {
    const llama = byId(d, '2307.09288')
    expect(llama.authors).toContain('Kevin Stone')
    expect(llama.extras.hiddenAuthors).toEqual(['Kevin Stone'])
    expect(llama.links.code).toBeUndefined()
    expect(llama.links.project).toBe('https://ai.meta.com/llama/')
    expect(typeof llama.extras.aiSummary).toBe('string')
    expect(Array.isArray(llama.extras.aiKeywords)).toBe(true)
    expect(llama.extras).not.toHaveProperty('githubStars')
    expect(llama.abstract).not.toBe(llama.extras.aiSummary)
  })

  it('DPO: githubRepo with githubStars null', () => {
    const dpo = byId(d, '2305.18290')
    expect(dpo.links.code).toBe('https://github.com/eric-mitchell/direct-preference-optimization')
    expect(dpo.extras.githubStars).toBeNull()
  })

  it('reads the submitter handle from user ?? name', () => {
    expect(byId(d, '1512.03385').extras.submittedBy).toBe('sample-reader')
  })
})

describe('HF JSON edge cases', () => {
  it('rejects bad/truncated.json with the parse error (no partial import)', () => {
    expect(() => parseFixture('bad/truncated.json')).toThrow(/^invalid JSON at position 3251: Unterminated string$/)
  })

  it('rejects a package.json', () => {
    expect(() => parseText('{\n  "name": "folio",\n  "version": "1.0.0"\n}\n')).toThrow(
      'JSON, but not a Hugging Face daily-papers list'
    )
  })

  it('accepts the dailyPapers wrapper, owner/name repos, missing optional keys', () => {
    const json = JSON.stringify({
      dailyPapers: [
        {
          paper: {
            id: '1706.03762',
            title: 'Attention Is All You Need',
            githubRepo: 'tensorflow/tensor2tensor',
            authors: [{ name: 'Ashish Vaswani' }]
          }
        }
      ]
    })
    const d = parseText(json)
    expect(d.papers[0]).toMatchObject({
      arxivId: '1706.03762',
      abstract: '',
      authors: ['Ashish Vaswani'],
      links: { code: 'https://github.com/tensorflow/tensor2tensor' }
    })
  })

  it('keeps markup-like text in JSON strings as text', () => {
    const json = JSON.stringify([
      { paper: { id: '2010.11929', title: 'ViT', summary: 'a <code>[class]</code> token &amp; more' } }
    ])
    expect(parseText(json).papers[0]?.abstract).toBe('a <code>[class]</code> token &amp; more')
  })
})
