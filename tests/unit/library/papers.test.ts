import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getPaper } from '../../../src/main/library/papers'
import { saveNote } from '../../../src/main/library/notes'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

describe('paper identity and merging', () => {
  let t: ReturnType<typeof tempLibrary>
  beforeEach(() => (t = tempLibrary()))
  afterEach(() => t.cleanup())
  const count = (): number => t.lib.db.prepare('SELECT count(*) FROM papers').pluck().get() as number

  it('merges a title-only paper with the same paper arriving with an arXiv id, keeping the id and richest data', () => {
    const [a] = addDigest(
      t.lib,
      [paper('LoRA: Low-Rank Adaptation of Large Language Models', { abstract: 'Short.' })],
      '2024-03-03'
    )
    const [b] = addDigest(
      t.lib,
      [
        paper('LoRA: Low-Rank Adaptation of Large Language\n  Models', {
          arxivId: '2106.09685',
          version: 'v2',
          abstract: 'A much longer abstract about low-rank adaptation.',
          authors: ['Edward J. Hu', 'Yelong Shen'],
          links: { code: 'https://github.com/microsoft/LoRA' }
        })
      ],
      '2024-06-06'
    )
    expect(b).toBe(a)
    expect(count()).toBe(1)
    const p = getPaper(t.lib.db, a!)
    expect(p.arxivId).toBe('2106.09685')
    expect(p.version).toBe('v2')
    expect(p.title).toBe('LoRA: Low-Rank Adaptation of Large Language Models')
    expect(p.abstract).toMatch(/much longer/)
    expect(p.authors).toEqual(['Edward J. Hu', 'Yelong Shen'])
    expect(p.links.code).toBe('https://github.com/microsoft/LoRA')
    expect(p.digests).toHaveLength(2)
    expect(p.seenIn).toBe(2)
    expect(p.digestDate).toBe('2024-06-06')
  })

  it('merges on DOI, and never merges two different arXiv ids that share a title', () => {
    const [a] = addDigest(t.lib, [
      paper('Array Programming with NumPy', { arxivId: '2006.10256', doi: '10.1038/s41586-020-2649-2' })
    ])
    const [b] = addDigest(t.lib, [paper('Array programming with {NumPy}', { doi: '10.1038/s41586-020-2649-2' })])
    expect(b).toBe(a)
    const [c] = addDigest(t.lib, [paper('Array Programming with NumPy', { arxivId: '9999.00001' })])
    expect(c).not.toBe(a)
    expect(count()).toBe(2)
  })

  it('a paper listed twice in one digest is linked once', () => {
    const ids = addDigest(t.lib, [paper('Same Title'), paper('same title!')])
    expect(ids[0]).toBe(ids[1])
    expect(getPaper(t.lib.db, ids[0]!).seenIn).toBe(1)
  })

  it('an import never touches status, star or notes', () => {
    const [id] = addDigest(t.lib, [paper('Attention Is All You Need', { arxivId: '1706.03762' })])
    setStatus(t.lib.db, [id!], 'read')
    setStarred(t.lib.db, [id!], true)
    saveNote(t.lib.db, id!, 'my thoughts')
    addDigest(t.lib, [
      paper('Attention Is All You Need', { arxivId: '1706.03762', abstract: 'New longer abstract text.' })
    ])
    const p = getPaper(t.lib.db, id!)
    expect(p.status).toBe('read')
    expect(p.starred).toBe(true)
    expect(p.hasNote).toBe(true)
    expect(p.abstract).toBe('New longer abstract text.')
  })
})
