/**
 * Papers with known topics, for judging a ranking like arXiv listings by category: a field (a
 * listing) is a mixture of subjects, three its own and three it shares with other fields, and over
 * half of its papers are on the shared ones; subjects have their own words and phrases ("graph
 * neural", "policy gradient") with neighbouring subjects sharing words; every paper also speaks the
 * general scientific vocabulary and the boilerplate of abstracts, with URLs, LaTeX and inflected
 * forms; a fifth of the papers are cross-listed in a second field. Deterministic for a seed.
 */
import { rng } from './generate'

export const TOPICS = 12

const GENERAL = (
  'model models learning data network networks training method framework approach system systems analysis ' +
  'performance results problem problems task tasks information structure structures function functions ' +
  'algorithm algorithms optimization efficient accurate robust scalable large small high low time space ' +
  'dimensional complex simple general specific standard evaluation benchmark benchmarks dataset datasets ' +
  'experiments theoretical empirical practical application applications setting settings case cases study ' +
  'process processes parameter parameters distribution distributions estimation error errors accuracy ' +
  'efficiency quality design designs feature features signal signals domain domains representation ' +
  'representations inference prediction predictions sample samples computational cost costs analysis ' +
  'variable variables mechanism mechanisms property properties strategy strategies technique techniques ' +
  'level levels scale scales rate rates order component components measure measures condition conditions'
).split(' ')
const BOILERPLATE = [
  'In this paper, we propose a novel',
  'We present a new',
  'Extensive experiments on several benchmark datasets demonstrate that our approach outperforms state-of-the-art methods.',
  'Our results show significant improvements over existing baselines.',
  'Code is available at https://github.com/lab{n}/project{m}.',
  'We further provide a theoretical analysis of the proposed method.',
  'To the best of our knowledge, this is the first work to address this problem.',
  'Experimental results demonstrate the effectiveness of the proposed framework.'
]
const SYL = ['ka', 'ro', 'mi', 'tel', 'van', 'os', 'qui', 'zer', 'lu', 'fen', 'dra', 'po', 'sim', 'at', 'nex', 'ur']
/** Fine-grained subjects: what a paper is about. Each field (a listing category) has three of its own. */
const SUBJECTS = TOPICS * 3
/** Technical words, shared out among the subjects: 40 each, neighbours overlapping by 10. */
const TECH: string[] = []
for (let i = 0; TECH.length < SUBJECTS * 30 + 10; i++)
  TECH.push(`${SYL[i % 16]}${SYL[(i >> 4) % 16]}${SYL[(i * 7 + 3) % 16]}ence`)
const SUFFIXES = ['', '', '', 's', 'ing', 'ed', 'al']

interface Subject {
  words: string[]
  phrases: string[]
}
function subjectOf(k: number): Subject {
  const r = rng(1000 + k)
  const words = Array.from({ length: 40 }, (_, j) => TECH[k * 30 + j]!)
  // Phrases: a technical word with a general word or another of the subject's words.
  const phrases = Array.from({ length: 20 }, () => {
    const a = words[Math.floor(r() * words.length)]!
    const b = r() < 0.5 ? GENERAL[Math.floor(r() * GENERAL.length)]! : words[Math.floor(r() * words.length)]!
    return `${a} ${b}`
  })
  return { words, phrases }
}
const SUBJECT_TEXT: Subject[] = Array.from({ length: SUBJECTS }, (_, k) => subjectOf(k))
/**
 * Each field's subjects: its own three, then three it shares with other fields (as cs.LG shares
 * with stat.ML and cs.CV): papers on a shared subject are listed in either field.
 */
const FIELD_SUBJECTS: number[][] = Array.from({ length: TOPICS }, (_, t) => {
  const r = rng(77 + t)
  const borrowed = [0, 1, 2].map(() => {
    const other = (t + 1 + Math.floor(r() * (TOPICS - 1))) % TOPICS
    return other * 3 + Math.floor(r() * 3)
  })
  return [t * 3, t * 3 + 1, t * 3 + 2, ...borrowed]
})
/** Share of a field's papers on the subjects it borrows. */
const BORROWED = 0.55

export interface TopicPaper {
  title: string
  abstract: string
  /** Its field and, when cross-listed, the second one. */
  topics: number[]
}

/** Zipf-ish pick: early entries far more often than late ones. */
const zipf = <T>(r: () => number, xs: T[]): T => xs[Math.floor(xs.length * r() ** 1.6)]!

function text(r: () => number, subjects: number[], n: number, topical: number): string {
  const out: string[] = []
  while (out.length < n) {
    const u = r()
    const subject = SUBJECT_TEXT[subjects[r() < 0.75 ? 0 : 1]!]!
    if (u < topical * 0.6) out.push(zipf(r, subject.words) + SUFFIXES[Math.floor(r() * SUFFIXES.length)]!)
    else if (u < topical) out.push(zipf(r, subject.phrases))
    else out.push(zipf(r, GENERAL))
  }
  return out.join(' ')
}

/** Share of a paper's words that are its subjects' (the rest: general words and boilerplate). */
const TOPICAL = 0.25

export function topicPaper(i: number, seed = 1, topicalShare = TOPICAL): TopicPaper {
  const r = rng(seed * 1_000_003 + i)
  const field = Math.floor(r() * TOPICS)
  const own = FIELD_SUBJECTS[field]!
  const main = r() < BORROWED ? own[3 + Math.floor(r() * (own.length - 3))]! : own[Math.floor(r() * 3)]!
  // A second subject of the same field colours a quarter of its words.
  const subjects = [main, own[Math.floor(r() * own.length)]!]
  // Cross-listed: a fifth of the papers, in the home field of their subject (or another field).
  const home = Math.floor(main / 3)
  const second = home !== field ? home : (field + 1 + Math.floor(r() * (TOPICS - 1))) % TOPICS
  const topics = r() < 0.2 ? [field, second] : [field]
  const title = text(r, subjects, 5 + Math.floor(r() * 6), topicalShare + 0.2)
  const sentences: string[] = [`${BOILERPLATE[Math.floor(r() * 2)]} ${text(r, subjects, 12, topicalShare)}.`]
  const n = 5 + Math.floor(r() * 4)
  for (let s = 0; s < n; s++) {
    const c = r()
    if (c < 0.2)
      sentences.push(BOILERPLATE[2 + Math.floor(r() * 6)]!.replace('{n}', `${i % 89}`).replace('{m}', `${i}`))
    else if (c < 0.3)
      sentences.push(
        `We bound the error by $\\mathcal{O}(n^{${1 + (i % 3)}} \\log n)$ ${text(r, subjects, 8, topicalShare)}.`
      )
    else sentences.push(`${text(r, subjects, 14 + Math.floor(r() * 10), topicalShare)}.`)
  }
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
  return { title: cap(title), abstract: sentences.map(cap).join(' '), topics }
}
