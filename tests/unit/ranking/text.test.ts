/** For you's text features: what counts in a paper, and how much. */
import { describe, expect, it } from 'vitest'
import {
  featureSlot,
  paperTerms,
  phraseSlot,
  SlotCounts,
  termNames,
  TITLE_WEIGHT
} from '../../../src/main/ranking/text'

const word = (w: string): number => featureSlot(w)
const phrase = (a: string, b: string): number => phraseSlot(featureSlot(a), featureSlot(b))

describe('paper terms', () => {
  const terms = new SlotCounts()
  paperTerms(
    'Graph Networks for Molecules',
    'In this paper, we propose a novel graph network. We bound it by $\\mathcal{O}(n^2)$ and \\emph{prove} it; ' +
      'code: https://github.com/lab/graphs, arXiv:2401.00001, doi 10.1234/abc.def. Schrödinger graphs.',
    terms
  )
  const count = (slot: number): number => terms.get(slot)

  it('stems words, so a plural meets its singular, and counts the title TITLE_WEIGHT times', () => {
    // "Graph" in the title, "graph" and "graphs" in the abstract.
    expect(count(word('graph'))).toBe(TITLE_WEIGHT + 2)
    expect(count(word('network'))).toBe(TITLE_WEIGHT + 1)
  })

  it('keeps two-word phrases within a clause, never across a function word or punctuation', () => {
    expect(count(phrase('graph', 'network'))).toBe(TITLE_WEIGHT + 1)
    expect(count(phrase('network', 'molecul'))).toBe(0) // "Networks for Molecules": "for" between
    expect(count(phrase('network', 'bound'))).toBe(0) // a sentence ends between
  })

  it('drops URLs, identifiers, LaTeX, numbers and the boilerplate of abstracts', () => {
    for (const gone of ['mathcal', 'emph', 'github', 'lab', 'arxiv', 'propos', 'novel', 'paper', 'code', 'n', '2'])
      expect(count(word(gone)), gone).toBe(0)
    expect(count(word('prove'))).toBe(1) // the text of \emph{…} stays
    expect(count(word('schroding'))).toBe(1) // diacritics folded
  })

  it('names a slot as the papers write it, to say why', () => {
    const names = new Map<number, string>()
    termNames('Graph networks for molecules', names)
    expect(names.get(phrase('graph', 'network'))).toBe('graph networks')
    expect(names.get(word('molecul'))).toBe('molecules')
  })
})
