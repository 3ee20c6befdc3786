/**
 * The best record wins when a paper is seen again, whichever arrives first: each field takes the most
 * trustworthy whole value (precedence.ts); notes, status, stars and tags are never touched.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DigestFormat, ParsedPaper } from '../../../src/main/digests/types'
import { getPaper } from '../../../src/main/library/papers'
import { saveNote } from '../../../src/main/library/notes'
import { setStarred, setStatus } from '../../../src/main/library/status'
import { addDigest, paper } from '../../helpers/papers'
import { tempLibrary } from '../../helpers/temp'

const FULL_TITLE = 'Climate Variability in the Amazon Basin: A Fifty-Year Record'
const ABSTRACT = 'We reconstruct fifty years of rainfall over the Amazon basin from station and satellite records.'
const AUTHORS = ['Ana Souza', 'Bruno Lima', 'Carla Dias', 'Davi Rocha']

type Record = [ParsedPaper, DigestFormat]

/** The same paper (arXiv id 2401.00001) cut short: mail trailers, et al., no date, title ending at `Basin:`. */
const truncated = (): Record => [
  paper('Climate Variability in the Amazon Basin:', {
    arxivId: '2401.00001',
    abstract: `${ABSTRACT} \\\\ ( https://arxiv.org/abs/2401.00001 , 512kb)`,
    authors: ['Ana Souza', 'Bruno Lima'],
    extras: { etAl: true }
  }),
  'bibtex'
]
const complete = (): Record => [
  paper(FULL_TITLE, { arxivId: '2401.00001', abstract: ABSTRACT, authors: AUTHORS, published: '2024-01-02' }),
  'arxiv-atom'
]

describe('merge precedence: complete fields win in either order', () => {
  let t: ReturnType<typeof tempLibrary>
  beforeEach(() => (t = tempLibrary()))
  afterEach(() => t.cleanup())

  const add = ([p, format]: Record, date: string): number =>
    addDigest(t.lib, [p], date, new Date().toISOString(), format)[0] as number

  for (const [name, order] of [
    ['truncated first, complete second', [truncated, complete]],
    ['complete first, truncated second', [complete, truncated]]
  ] as const) {
    it(name, () => {
      const id = add(order[0](), '2024-01-05')
      setStatus(t.lib.db, [id], 'read')
      setStarred(t.lib.db, [id], true)
      saveNote(t.lib.db, id, 'my note')
      expect(add(order[1](), '2024-01-06')).toBe(id)
      const p = getPaper(t.lib.db, id)
      expect(p.title).toBe(FULL_TITLE)
      expect(p.abstract).toBe(ABSTRACT)
      expect(p.authors).toEqual(AUTHORS)
      expect(p.published).toBe('2024-01-02')
      expect([p.status, p.starred, p.hasNote]).toEqual(['read', true, true])
    })
  }

  it('between two whole values the higher-ranked source wins, in either order', () => {
    const hf: Record = [
      paper('Adam: a method for stochastic optimization', { arxivId: '1412.6980', abstract: 'Short HF text.' }),
      'hf-text'
    ]
    const atom: Record = [
      paper('Adam: A Method for Stochastic Optimization', { arxivId: '1412.6980', abstract: 'The arXiv abstract.' }),
      'arxiv-atom'
    ]
    const a = add(hf, '2024-01-01')
    add(atom, '2024-01-02')
    const b = getPaper(t.lib.db, a)
    expect([b.title, b.abstract]).toEqual(['Adam: A Method for Stochastic Optimization', 'The arXiv abstract.'])
    const c = add([{ ...atom[0], arxivId: '1412.6981' }, 'arxiv-atom'], '2024-01-03')
    add([{ ...hf[0], arxivId: '1412.6981' }, 'hf-text'], '2024-01-04')
    const d = getPaper(t.lib.db, c)
    expect([d.title, d.abstract]).toEqual(['Adam: A Method for Stochastic Optimization', 'The arXiv abstract.'])
  })

  it('a partial author list from the most trusted source does not beat a full one from another', () => {
    const rdf: Record = [
      paper('LaMDA', { arxivId: '2201.08239', authors: ['Romal Thoppilan'], extras: { etAl: true } }),
      'arxiv-rdf'
    ]
    const bib: Record = [
      paper('LaMDA', { arxivId: '2201.08239', authors: ['Romal Thoppilan', 'Daniel De Freitas', 'Jamie Hall'] }),
      'bibtex'
    ]
    const id = add(rdf, '2024-01-01')
    add(bib, '2024-01-02')
    expect(getPaper(t.lib.db, id).authors).toHaveLength(3)
    add(rdf, '2024-01-03')
    expect(getPaper(t.lib.db, id).authors).toHaveLength(3)
  })
})
