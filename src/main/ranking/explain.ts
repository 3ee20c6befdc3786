/**
 * Why a paper is in For you, in a few words: the terms that weigh most in its score (as written in
 * the papers the user starred or annotated) and the starred or annotated paper it is closest to.
 */
import type { DB } from '../library/db'
import { TF_OF, type FeatureMatrix } from './features'
import type { Scored } from './ranker'
import { FEATURE_DIM, termNames } from './text'

/** The positives whose words name the terms and that a paper can be "like" (the most recent ones). */
const NAMED_POSITIVES = 300
const TERMS_SHOWN = 3
const TITLE_CHARS = 70

export function explain(db: DB, m: FeatureMatrix, w: Float32Array, strong: number[], rows: Scored[]): void {
  if (!rows.length) return
  const ids = strong.slice(-NAMED_POSITIVES)
  const names = new Map<number, string>()
  const titles = new Map<number, string>()
  const text = db.prepare(
    "SELECT p.title, coalesce(a.abstract, '') FROM papers p LEFT JOIN paper_abstracts a ON a.paper_id = p.id WHERE p.id = ?"
  )
  for (const id of ids) {
    const [title, abstract] = text.raw().get(id) as [string, string]
    titles.set(id, title)
    termNames(title, names)
    termNames(abstract, names)
  }
  const posRows = ids.map((id) => ({ id, row: m.rowOf(id) })).filter((p) => p.row >= 0)
  const q = new Float32Array(FEATURE_DIM)
  const { offsets, slots, tf, idf } = m
  for (const item of rows) {
    const r = m.rowOf(item.id)
    if (r < 0) continue
    const parts: { name: string; c: number }[] = []
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const slot = slots[k]!
      const c = w[slot]! * TF_OF[tf[k]!]! * idf[slot]!
      const name = names.get(slot)
      if (c > 0 && name) parts.push({ name, c })
    }
    parts.sort((a, b) => b.c - a.c)
    // Drop a word that a shown phrase already says ("graph" beside "graph networks").
    const shown: string[] = []
    for (const p of parts) {
      if (shown.length >= TERMS_SHOWN) break
      if (!shown.some((s) => s.split(' ').includes(p.name) || p.name.split(' ').includes(s))) shown.push(p.name)
    }
    m.addTo(r, q, 1)
    let best = { id: 0, s: 0 }
    for (const p of posRows) {
      const s = m.dot(p.row, q)
      if (s > best.s) best = { id: p.id, s }
    }
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) q[slots[k]!] = 0
    const why: string[] = []
    if (shown.length) why.push(shown.join(', '))
    if (best.id) why.push(`like “${clip(titles.get(best.id) ?? '')}”`)
    if (why.length) item.why = why.join(' · ')
  }
}

const clip = (s: string): string => (s.length > TITLE_CHARS ? `${s.slice(0, TITLE_CHARS - 1).trimEnd()}…` : s)
