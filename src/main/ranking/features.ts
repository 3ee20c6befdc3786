/**
 * Every paper's features in a few flat typed arrays (compressed sparse rows): a million papers fit
 * in ~220 MB where a Map per paper would take gigabytes. Row r holds paper ids[r]; its features are
 * slots[offsets[r] .. offsets[r+1]) with their (log, title-weighted) term frequencies in tf, one byte
 * each (TF_OF[tf[k]] is the value: 1 + log(count), in steps of 1/TF_STEPS).
 *
 * A paper keeps at most MAX_TERMS terms, its most telling by tf·idf: the rest of a long abstract
 * adds memory and little signal. Weights are TF-IDF, L2-normalised per paper (weight(), norms).
 */
import { FEATURE_DIM, paperTerms, SlotCounts } from './text'

export const MAX_TERMS = 40
const TF_STEPS = 40
/** A stored tf byte's value. */
export const TF_OF = Float32Array.from({ length: 256 }, (_, q) => 1 + q / TF_STEPS)
const tfByte = (tf: number): number => Math.min(255, Math.round((tf - 1) * TF_STEPS))

class Grow<T extends Uint32Array | Uint8Array | Int32Array> {
  length = 0
  constructor(
    public data: T,
    private readonly make: (n: number) => T
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) this.reserve(Math.ceil(this.length * 0.5))
    this.data[this.length++] = v
  }
  /** Room for `more` values, plus a tenth, so a million papers never sit in twice the memory they need. */
  reserve(more: number): void {
    if (this.length + more <= this.data.length) return
    const bigger = this.make(Math.ceil((this.length + more) * 1.1))
    bigger.set(this.data.subarray(0, this.length))
    this.data = bigger
  }
}

export class FeatureMatrix {
  private readonly idsG = new Grow(new Int32Array(1024), (n) => new Int32Array(n))
  private readonly offsetsG = new Grow(new Uint32Array(1025), (n) => new Uint32Array(n))
  private readonly slotsG = new Grow(new Uint32Array(1024 * MAX_TERMS), (n) => new Uint32Array(n))
  private readonly tfG = new Grow(new Uint8Array(1024 * MAX_TERMS), (n) => new Uint8Array(n))
  /** Papers each slot occurs in (counted over all of a paper's terms, kept or not). */
  readonly df = new Uint32Array(FEATURE_DIM)
  /** idf per slot and each row's L2 norm: valid after finish(). */
  idf = new Float32Array(FEATURE_DIM)
  norms = new Float32Array(0)
  /** Set by remove(): rows of papers gone from the library (ids[r] = -1). */
  private removed = 0
  private readonly scratch = new SlotCounts()

  constructor() {
    this.offsetsG.push(0)
  }

  get rows(): number {
    return this.idsG.length
  }
  get live(): number {
    return this.idsG.length - this.removed
  }
  get ids(): Int32Array {
    return this.idsG.data
  }
  get offsets(): Uint32Array {
    return this.offsetsG.data
  }
  get slots(): Uint32Array {
    return this.slotsG.data
  }
  get tf(): Uint8Array {
    return this.tfG.data
  }
  /** The largest paper id added (papers are added in id order). */
  get maxId(): number {
    return this.rows ? Math.abs(this.ids[this.rows - 1]!) : 0
  }

  /**
   * Adds a paper (ids ascending). `idfGuess` ranks its terms when it has more than MAX_TERMS
   * (the library's idf so far, or one from a sample when the library is built at once).
   */
  add(id: number, title: string, abstract: string, idfGuess: Float32Array = this.idf): void {
    const terms = this.scratch
    paperTerms(title, abstract, terms)
    const slots = terms.touched
    for (const slot of slots) this.df[slot]!++
    let kept = slots
    if (slots.length > MAX_TERMS) {
      // The MAX_TERMS most telling (tf·idf), by a sort of their ranks.
      const rank = new Float64Array(slots.length)
      for (let i = 0; i < slots.length; i++) rank[i] = (1 + Math.log(terms.get(slots[i]!))) * (idfGuess[slots[i]!] || 1)
      // The MAX_TERMS-th best rank, by a numeric sort of a copy (no comparator: several times faster).
      const threshold = Float64Array.from(rank).sort()[slots.length - MAX_TERMS]!
      kept = []
      for (let i = 0; i < slots.length && kept.length < MAX_TERMS; i++) if (rank[i]! >= threshold) kept.push(slots[i]!)
    }
    for (const slot of Uint32Array.from(kept).sort()) {
      this.slotsG.push(slot)
      this.tfG.push(tfByte(1 + Math.log(terms.get(slot))))
    }
    this.idsG.push(id)
    this.offsetsG.push(this.slotsG.length)
  }

  /** Row r's kept terms as bytes (the slots, little-endian 32-bit, then one tf byte each): see store.ts. */
  rowBytes(r: number): Buffer {
    const from = this.offsets[r]!
    const k = this.offsets[r + 1]! - from
    const out = Buffer.alloc(k * 5)
    for (let i = 0; i < k; i++) {
      out.writeUInt32LE(this.slots[from + i]!, i * 4)
      out[k * 4 + i] = this.tf[from + i]!
    }
    return out
  }

  /** Adds a paper from rowBytes() (ids ascending); its terms are already counted in df. */
  addStored(id: number, bytes: Uint8Array): void {
    const k = Math.floor(bytes.length / 5)
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i < k; i++) {
      this.slotsG.push(view.getUint32(i * 4, true))
      this.tfG.push(bytes[k * 4 + i]!)
    }
    this.idsG.push(id)
    this.offsetsG.push(this.slotsG.length)
  }

  /** Makes room for `papers` more papers at once (before a big build: no growing as it goes). */
  reserve(papers: number): void {
    this.idsG.reserve(papers)
    this.offsetsG.reserve(papers)
    this.slotsG.reserve(papers * MAX_TERMS)
    this.tfG.reserve(papers * MAX_TERMS)
  }

  /** Row of a paper id, or -1 (binary search: ids ascend). */
  rowOf(id: number): number {
    let lo = 0
    let hi = this.rows - 1
    const ids = this.ids
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = Math.abs(ids[mid]!)
      if (v === id) return ids[mid]! === id ? mid : -1
      if (v < id) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Forgets papers no longer in the library (their rows stay, marked, until the next full build). */
  remove(id: number): void {
    const r = this.rowOf(id)
    if (r < 0) return
    for (let k = this.offsets[r]!; k < this.offsets[r + 1]!; k++) this.df[this.slots[k]!]!--
    this.ids[r] = -id
    this.removed++
  }

  /** Recomputes idf from the document frequencies and every row's norm (after adding papers). */
  finish(): void {
    const n = this.live
    const idf = this.idf
    const df = this.df
    for (let s = 0; s < FEATURE_DIM; s++) idf[s] = df[s] ? Math.log((n + 1) / (df[s]! + 0.5)) : 0
    if (this.norms.length < this.rows) {
      const bigger = new Float32Array(Math.max(this.rows, this.norms.length * 2, 1024))
      bigger.set(this.norms)
      this.norms = bigger
    }
    const { offsets, slots, tf } = this
    for (let r = 0; r < this.rows; r++) {
      let sum = 0
      for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
        const w = TF_OF[tf[k]!]! * idf[slots[k]!]!
        sum += w * w
      }
      this.norms[r] = sum > 0 ? Math.sqrt(sum) : 1
    }
  }

  /** Is row r a paper still in the library? */
  alive(r: number): boolean {
    return this.ids[r]! > 0
  }

  /** Σ w[slot]·x[slot] over row r's normalised TF-IDF vector x. */
  dot(r: number, w: Float32Array | Float64Array): number {
    const { offsets, slots, tf, idf } = this
    let s = 0
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const slot = slots[k]!
      s += w[slot]! * TF_OF[tf[k]!]! * idf[slot]!
    }
    return s / this.norms[r]!
  }

  /** Adds scale·x (row r's normalised vector) to w. */
  addTo(r: number, w: Float32Array | Float64Array, scale: number): void {
    const { offsets, slots, tf, idf } = this
    const f = scale / this.norms[r]!
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const slot = slots[k]!
      w[slot]! += f * TF_OF[tf[k]!]! * idf[slot]!
    }
  }

  /** Bytes held by the arrays (for the benchmark's memory figure). */
  bytes(): number {
    const b = (a: { byteLength: number }): number => a.byteLength
    return b(this.ids) + b(this.offsets) + b(this.slots) + b(this.tf) + b(this.df) + b(this.idf) + b(this.norms)
  }
}
