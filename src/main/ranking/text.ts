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

/** 2^20 slots: a few collisions among the hundreds of thousands of telling terms of a big library. */
export const FEATURE_BITS = 20
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
/**
 * A word (letters, then letters or digits: "gpt4", "l2"; a lone number is no word) or a punctuation
 * mark that ends a phrase (any but a hyphen or an apostrophe).
 */
const TOKEN = /[\p{L}][\p{L}\p{N}]*|[.,;:!?()[\]{}"]/gu
const BREAK = /[.,;:!?()[\]{}"]/
const NON_ASCII = /[^\t-~]/
const MARKS = /\p{M}/gu

/**
 * Each word's feature slot (of its stem; -1 for a word that never counts), cached: a library
 * repeats the same few ten thousand words endlessly, and stemming and hashing are the costly part.
 */
const wordSlots = new Map<string, number>()
const WORD_CACHE_MAX = 200_000
function wordSlot(word: string): number {
  let s = wordSlots.get(word)
  if (s === undefined) {
    s = word.length < 2 || STOP.has(word) ? -1 : featureSlot(stemmer(word))
    if (wordSlots.size >= WORD_CACHE_MAX) wordSlots.clear()
    wordSlots.set(word, s)
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

/** The slot of the phrase "a b" from its words' slots (order matters; no string is built). */
export function phraseSlot(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x01000193) ^ b
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
  return ((h ^ (h >>> 12)) >>> 0) & (FEATURE_DIM - 1)
}

/**
 * Calls `each(word, slot)` for every word of a text in order: slot -1 (and word '') where a phrase
 * must not span: a function word, boilerplate, punctuation other than a hyphen or an apostrophe.
 */
function forEachWord(text: string, each: (word: string, slot: number) => void): void {
  let t = MAY_LINK.test(text) ? text.replace(LINKS, ' . ') : text
  if (t.includes('\\') || t.includes('$')) t = t.replace(LATEX, ' . ')
  if (NON_ASCII.test(t)) t = t.normalize('NFKD').replace(MARKS, '')
  t = t.toLowerCase()
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(t); m; m = TOKEN.exec(t)) {
    const w = m[0]
    if (w.length === 1 && BREAK.test(w)) each('', -1)
    else each(w, wordSlot(w))
  }
  each('', -1)
}

/**
 * Sums weights per slot for one paper: a small open-addressing table that stays in the processor's
 * cache (a paper has a few hundred terms; a Map, or an array over all slots, is several times slower).
 */
export class SlotCounts {
  private size = 1024
  private keys = new Int32Array(this.size).fill(-1)
  private values = new Float32Array(this.size)
  readonly touched: number[] = []
  private find(slot: number): number {
    let i = (Math.imul(slot, 0x9e3779b1) >>> 0) & (this.size - 1)
    while (this.keys[i] !== -1 && this.keys[i] !== slot) i = (i + 1) & (this.size - 1)
    return i
  }
  add(slot: number, weight: number): void {
    if (this.touched.length * 2 >= this.size) this.grow()
    const i = this.find(slot)
    if (this.keys[i] === -1) {
      this.keys[i] = slot
      this.touched.push(slot)
    }
    this.values[i]! += weight
  }
  get(slot: number): number {
    const i = this.find(slot)
    return this.keys[i] === slot ? this.values[i]! : 0
  }
  clear(): void {
    this.keys.fill(-1)
    this.values.fill(0)
    this.touched.length = 0
  }
  private grow(): void {
    const old = this.touched.map((s) => [s, this.get(s)] as const)
    this.size *= 2
    this.keys = new Int32Array(this.size).fill(-1)
    this.values = new Float32Array(this.size)
    this.touched.length = 0
    for (const [s, v] of old) this.add(s, v)
  }
}

/** Adds a text's terms (words and two-word phrases), each counted `weight` times. */
export function addTerms(text: string, weight: number, into: SlotCounts): void {
  let previous = -1
  forEachWord(text, (_, slot) => {
    if (slot >= 0) {
      into.add(slot, weight)
      if (previous >= 0) into.add(phraseSlot(previous, slot), weight)
    }
    previous = slot
  })
}

/** A paper's terms and how often each occurs (cleared first), the title's counted TITLE_WEIGHT times. */
export function paperTerms(title: string, abstract: string, into: SlotCounts): void {
  into.clear()
  addTerms(title, TITLE_WEIGHT, into)
  addTerms(abstract, 1, into)
}

/** Each of a text's terms by its feature slot, as written ("graph networks" for "graph network"): to say why. */
export function termNames(text: string, into: Map<number, string>): void {
  let previous = -1
  let previousWord = ''
  forEachWord(text, (word, slot) => {
    if (slot >= 0) {
      if (!into.has(slot)) into.set(slot, word)
      if (previous >= 0) {
        const phrase = phraseSlot(previous, slot)
        if (!into.has(phrase)) into.set(phrase, `${previousWord} ${word}`)
      }
    }
    previous = slot
    previousWord = word
  })
}
