/**
 * Format detection by content (docs/formats.md, "Detection"), never by file name. Signatures are tested in the order of the
 * spec; nothing matched → DigestError('unrecognised format …'). No "split on blank lines" fallback.
 */
import { looksLikeArxivEmail } from './arxiv-email'
import { looksLikeBibtex } from './bibtex-signature'
import { dailyPapersItems, parseJson } from './hf-json'
import { looksLikeHfText } from './hf-text'
import { looksLikeHfPage } from './hf-html'
import { looksLikeRis } from './ris'
import { DigestError, type DigestFormat, type PieceFormat } from './types'
import { sniffXml } from './xml'

const HTML_REFUSED = 'HTML pages are not supported: save the Hugging Face page as text, or import the daily_papers JSON'

/** Index of the first character after leading whitespace, an XML declaration and comments. */
function xmlStart(text: string, from: number): number {
  let i = from
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i)
      if (end === -1) return i
      i = end + 2
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i)
      if (end === -1) return i
      i = end + 3
    } else return i
  }
}

/**
 * The format of a digest known only by its start (`prefix`: its first pieces, decoded), when that is
 * enough to say it is an arXiv feed, which can then be parsed as its pieces come (PieceParser).
 * Undefined otherwise (another format, or not decided yet): detect the whole text. Throws what
 * detect would for the whole text when the start already shows it (HTML, another site's feed).
 */
export function detectFeedStart(prefix: string): PieceFormat | undefined {
  const start = prefix.search(/\S/)
  if (start === -1 || prefix[start] !== '<') return undefined
  const i = xmlStart(prefix, start)
  if (i >= prefix.length - 20) return undefined
  // An HTML page is told apart by the whole text (a saved Hugging Face page, or refused).
  if (isHtmlStart(prefix, i)) return undefined
  return sniffXml(prefix, true)
}

function isHtmlStart(text: string, i: number): boolean {
  return /^<!doctype\s+html/i.test(text.slice(i, i + 20)) || /^<html[\s>]/i.test(text.slice(i, i + 6))
}

export function detect(text: string): DigestFormat {
  const start = text.search(/\S/)
  if (start === -1) throw new DigestError('empty file (only whitespace)')
  const c = text[start]
  if (c === '[' || c === '{') {
    let value: unknown
    try {
      value = parseJson(text)
    } catch (e) {
      // A Markdown clip may start with a link (`[Subscribe](…)`): not JSON at all.
      if (c === '[' && /^\[[^\]\n]*\]\(/.test(text.slice(start, start + 300)) && looksLikeHfText(text)) return 'hf-text'
      throw e
    }
    if (dailyPapersItems(value)) return 'hf-json'
    throw new DigestError('JSON, but not a Hugging Face daily-papers list')
  }
  if (c === '<') {
    const i = xmlStart(text, start)
    if (isHtmlStart(text, i)) {
      if (looksLikeHfPage(text)) return 'hf-html'
      throw new DigestError(HTML_REFUSED)
    }
    return sniffXml(text)
  }
  if (looksLikeRis(text)) return 'ris'
  if (looksLikeBibtex(text)) return 'bibtex'
  if (looksLikeArxivEmail(text)) return 'arxiv-email'
  if (looksLikeHfText(text)) return 'hf-text'
  throw new DigestError(
    'unrecognised format: not a Hugging Face papers page or daily_papers JSON, arXiv e-mail, RSS or Atom feed, BibTeX or RIS'
  )
}
