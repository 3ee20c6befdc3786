/**
 * A paper's text as ranking features: stemmed words and two-word phrases from the title and the
 * abstract, each hashed to one of FEATURE_DIM slots (no vocabulary to keep or store: a slot's
 * number is the same in every process and every session).
 *
 * What fits papers: the title counts TITLE_WEIGHT times; URLs, LaTeX (math and commands), numbers
 * and the phrases every abstract uses ("in this paper we propose a novel…") never count; phrases
 * ("graph neural", "reinforcement learning") carry what single words shared by many fields do not.
 * Words are stemmed by the Porter stemmer (the `stemmer` package), so "networks" meets "network".
 */
import { stemmer } from 'stemmer'

/** 2^21 slots: a few collisions among the hundreds of thousands of distinct terms of a big library. */
export const FEATURE_BITS = 21
export const FEATURE_DIM = 1 << FEATURE_BITS
export const TITLE_WEIGHT = 3

/** English function words: never a feature, and a phrase never spans one. */
const FUNCTION_WORDS =
  'a about above after again against all also am an and any are as at be because been before being below ' +
  'between both but by can could did do does doing down during each either etc few for from further had has ' +
  'have having he her here hers him his how i if in into is it its itself just may me might more most must my ' +
  'no nor not now of off on once only or other our ours out over own per same shall she should so some such ' +
  'than that the their theirs them then there these they this those through thus to too under until up upon ' +
  'us very via was we were what when where whether which while who whom why will with within without would ' +
  'yet you your'
/**
 * What nearly every abstract says, whatever its field: counted, these make every paper look like
 * every other (inverse document frequency lowers them, but a centroid of ten papers still leans on them).
 */
const BOILERPLATE =
  'paper papers propose proposed proposes present presents presented introduce introduces introduced novel ' +
  'approach approaches method methods result results show shows shown demonstrate demonstrates experiment ' +
  'experiments experimental extensive extensively outperform outperforms outperforming state art existing ' +
  'significantly significant work works new based use using used well however moreover furthermore ' +
  'addition additionally first second third one two three several various different recent recently ' +
  'study studies code available github com http https www arxiv abstract announce type replace cross ' +
  'achieve achieves achieving effective effectiveness improve improves improved improvement ' +
  'performance superior compared comparison best task tasks problem problems'
const STOP = new Set([...FUNCTION_WORDS.split(' '), ...BOILERPLATE.split(' ')])

/** URLs, e-mail addresses, DOIs and arXiv identifiers: never words of the text. */
const LINKS = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+|\b10\.\d{4,9}\/\S+|\barXiv:\s*\S+/gi
/** Cheap test first: most abstracts have no link, and LINKS is the slowest step of all. */
const MAY_LINK = /:\/\/|www\.|@|\b10\.\d|arxiv:/i
/** Display and inline math ($…$, $$…$$, \(…\), \[…\]) and LaTeX commands (\mathcal, \emph, …). */
const LATEX = /\$\$[^$]*\$\$|\$[^$]{0,300}\$|\\\([\s\S]{0,300}?\\\)|\\\[[\s\S]{0,600}?\\\]|\\[a-zA-Z]+\*?/g
/** A word: letters, then letters or digits ("gpt4", "l2"); a lone number is no word. */
const WORD = /[\p{L}][\p{L}\p{N}]*/gu
const NON_ASCII = /[^\t-~]/
const MARKS = /\p{M}/gu

/** Stems are cached: a library repeats the same few ten thousand words endlessly. */
const stems = new Map<string, string>()
const STEM_CACHE_MAX = 200_000
function stem(word: string): string {
  let s = stems.get(word)
  if (s === undefined) {
    s = stemmer(word)
    if (stems.size >= STEM_CACHE_MAX) stems.clear()
    stems.set(word, s)
  }
  return s
}

/** FNV-1a over the string's UTF-16 code units, folded to FEATURE_DIM slots. */
export function featureSlot(term: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) & (FEATURE_DIM - 1)
}

/**
 * The stems of a text's words, with null where a phrase must not span (a function word, punctuation);
 * with `surface`, each kept word as written (lower case) at the same index.
 */
function words(text: string, surface?: (string | null)[]): (string | null)[] {
  let t = MAY_LINK.test(text) ? text.replace(LINKS, ' . ') : text
  if (t.includes('\\') || t.includes('$')) t = t.replace(LATEX, ' . ')
  if (NON_ASCII.test(t)) t = t.normalize('NFKD').replace(MARKS, '')
  const out: (string | null)[] = []
  // A phrase ends at punctuation other than a hyphen or an apostrophe: split on it first.
  for (const clause of t.toLowerCase().split(/[.,;:!?()[\]{}"]+/)) {
    for (const w of clause.match(WORD) ?? []) {
      const skip = w.length < 2 || STOP.has(w)
      out.push(skip ? null : stem(w))
      surface?.push(skip ? null : w)
    }
    out.push(null)
    surface?.push(null)
  }
  return out
}

/** Adds a text's terms (words and two-word phrases) to `into`, each counted `weight` times. */
export function addTerms(text: string, weight: number, into: Map<string, number>): void {
  let previous: string | null = null
  for (const w of words(text)) {
    if (w !== null) {
      into.set(w, (into.get(w) ?? 0) + weight)
      if (previous !== null) {
        const phrase = `${previous} ${w}`
        into.set(phrase, (into.get(phrase) ?? 0) + weight)
      }
    }
    previous = w
  }
}

/** A paper's terms and how often each occurs, the title's counted TITLE_WEIGHT times. */
export function paperTerms(title: string, abstract: string): Map<string, number> {
  const terms = new Map<string, number>()
  addTerms(title, TITLE_WEIGHT, terms)
  addTerms(abstract, 1, terms)
  return terms
}

/** Each of a text's terms by its feature slot, as written ("graph networks" for "graph network"): to say why. */
export function termNames(text: string, into: Map<number, string>): void {
  const surface: (string | null)[] = []
  const stemmed = words(text, surface)
  for (let i = 0; i < stemmed.length; i++) {
    const w = stemmed[i]
    if (w === null || w === undefined) continue
    const slot = featureSlot(w)
    if (!into.has(slot)) into.set(slot, surface[i]!)
    const prev = stemmed[i - 1]
    if (i > 0 && prev !== null && prev !== undefined) {
      const phrase = featureSlot(`${prev} ${w}`)
      if (!into.has(phrase)) into.set(phrase, `${surface[i - 1]!} ${surface[i]!}`)
    }
  }
}
