/**
 * Identifiers typed into the search box: an arXiv id (`1706.02515`, `1706.02515v5`, `arXiv:1706.02515`,
 * `hep-th/9901001`, an arxiv.org abs/pdf link) or a DOI (`10.1038/nature14539`, `doi:…`, a doi.org
 * link; arXiv's own DOIs `10.48550/arXiv.<id>` mean the arXiv id). They find the paper by its
 * identity columns (papers.arxiv_id, papers.doi: unique indexes), not by words.
 */
import { parseArxivId } from '../digests/arxiv-id'
import { classifyDoi } from '../digests/doi'

const ARXIV_TOKEN =
  /^(?:arxiv:|https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/)?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/i
const DOI_TOKEN = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?10\.\d{4,9}\/\S+$/i

export type SearchId = { arxiv: string } | { doi: string }

/** The identifier a whole search token is, if it is one. */
export function searchId(token: string): SearchId | null {
  if (DOI_TOKEN.test(token)) {
    const { doi, arxiv } = classifyDoi(token)
    if (arxiv) return { arxiv: arxiv.id }
    if (doi) return { doi }
  }
  if (ARXIV_TOKEN.test(token)) {
    const id = parseArxivId(token)
    if (id) return { arxiv: id.id }
  }
  return null
}
