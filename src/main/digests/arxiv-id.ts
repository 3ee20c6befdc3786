/**
 * arXiv identifiers: new-style (`2401.01234v2`) and old-style (`hep-th/9901001`) ids found in
 * id-bearing fields, with their abs/pdf links. Pure functions, no I/O.
 */
import type { PaperLinks } from '../../shared/contract'
import type { ParsedPaper } from './types'

export interface ArxivId {
  /** Without version: `1512.03385`, `physics/0004057`. */
  id: string
  /** `v2` etc. */
  version?: string
}

/** Old-style archives (1991 – March 2007), from arxiv-browse. */
const OLD_ARCHIVES = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con'
])

// New style: YYMM.NNNN(N). Old style: archive[.SUBJ]/YYMMNNN. Both with an optional vN.
// The lookbehinds keep `12345.67890` or `xcs/0101001` from matching in the middle of a token.
const ID_RE =
  /(?<![\w.])(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?(?!\d)|(?<![A-Za-z-])([a-z]+(?:-[a-z]+)?)(?:\.[A-Za-z-]{2,})?\/(\d{2})(\d{2})(\d{3})(?:v(\d+))?(?!\d)/g

function validNew(yy: string, mm: string, num: string): boolean {
  const y = Number(yy)
  const m = Number(mm)
  if (m < 1 || m > 12) return false
  const yymm = y * 100 + m
  if (yymm < 704) return false // new scheme starts April 2007
  return num.length === 4 ? yymm <= 1412 : yymm >= 1501
}

function validOld(archive: string, yy: string, mm: string): boolean {
  if (!OLD_ARCHIVES.has(archive)) return false
  const y = Number(yy)
  const m = Number(mm)
  if (m < 1 || m > 12) return false
  // 1991 .. March 2007
  if (y >= 91) return true
  return y < 7 || (y === 7 && m <= 3)
}

function version(v: string | undefined): string | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  return n >= 1 ? `v${n}` : undefined
}

/**
 * Find the first valid arXiv identifier in `s` (a bare id, `arXiv:…`, an abs/pdf URL, an `oai:` id…).
 * The subject class of old-style ids is dropped (`math.GT/0309136` → `math/0309136`).
 * Call it on id-bearing fields, not on free prose.
 */
export function parseArxivId(s: string): ArxivId | undefined {
  if (s.length > 4096) s = s.slice(0, 4096)
  ID_RE.lastIndex = 0
  for (let m = ID_RE.exec(s); m !== null; m = ID_RE.exec(s)) {
    if (m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
      if (m[4] !== undefined && version(m[4]) === undefined) continue
      if (validNew(m[1], m[2], m[3])) return withVersion(`${m[1]}${m[2]}.${m[3]}`, version(m[4]))
    } else if (m[5] !== undefined && m[6] !== undefined && m[7] !== undefined && m[8] !== undefined) {
      if (m[9] !== undefined && version(m[9]) === undefined) continue
      if (validOld(m[5], m[6], m[7])) return withVersion(`${m[5]}/${m[6]}${m[7]}${m[8]}`, version(m[9]))
    }
  }
  return undefined
}

function withVersion(id: string, v: string | undefined): ArxivId {
  return v === undefined ? { id } : { id, version: v }
}

/** `https://arxiv.org/abs/<id>` and `https://arxiv.org/pdf/<id>` (unversioned). */
export function arxivLinks(id: string): Pick<PaperLinks, 'abs' | 'pdf'> {
  return { abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` }
}

/** Give a parsed paper its arXiv id, version and abs/pdf links. False (paper unchanged) without an id. */
export function applyArxivId(
  paper: Pick<ParsedPaper, 'arxivId' | 'version' | 'links'>,
  id: ArxivId | undefined
): boolean {
  if (!id) return false
  paper.arxivId = id.id
  if (id.version !== undefined) paper.version = id.version
  Object.assign(paper.links, arxivLinks(id.id))
  return true
}

/** An arXiv subject class (`cs.LG`, `hep-th`, `math.DG`, `cond-mat.mes-hall`), not an MSC or ACM class. */
export function isArxivCategory(term: string): boolean {
  return /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/.test(term)
}
