/**
 * Format detection by content (formats.md §3), never by file name. Signatures are tested in the order of the
 * spec; nothing matched → DigestError('unrecognised format …'). No "split on blank lines" fallback.
 */
import { looksLikeArxivEmail } from './arxiv-email'
import { looksLikeBibtex } from './bibtex-signature'
import { dailyPapersItems, parseJson } from './hf-json'
import { looksLikeHfText } from './hf-text'
import { looksLikeRis } from './ris'
import { DigestError, type DigestFormat } from './types'
import { sniffXml } from './xml'

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

export function detect(text: string): DigestFormat {
  const start = text.search(/\S/)
  if (start === -1) throw new DigestError('empty file (only whitespace)')
  const c = text[start]
  if (c === '[' || c === '{') {
    const value = parseJson(text)
    if (dailyPapersItems(value)) return 'hf-json'
    throw new DigestError('JSON, but not a Hugging Face daily-papers list')
  }
  if (c === '<') {
    const i = xmlStart(text, start)
    if (/^<!doctype\s+html/i.test(text.slice(i, i + 20)) || /^<html[\s>]/i.test(text.slice(i, i + 6))) {
      throw new DigestError('HTML pages are not supported: save the Hugging Face page as text, or import the daily_papers JSON')
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
