import { useMemo } from 'react'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Words too common to be worth marking (they still count in the search): a query "the attention"
 * marks "attention", not every "the". A query of nothing but such words marks them all the same.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can do does for from has have in into is it its of on or our than that the their ' +
    'then these this those to via vs was we were which with'
  ).split(' ')
)

/** One regex for all search terms: word-start matches (the last word is a prefix search). */
export function termsRegex(terms: readonly string[]): RegExp | null {
  const words = terms.map((t) => t.trim()).filter(Boolean)
  const telling = words.filter((t) => !STOP_WORDS.has(t.toLowerCase()))
  const alts = (telling.length ? telling : words)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.split(/\s+/).map(escape).join('[^\\p{L}\\p{N}]+'))
  if (!alts.length) return null
  return new RegExp(`((?<![\\p{L}\\p{N}])(?:${alts.join('|')}))`, 'giu')
}

/** Text with matched terms wrapped in <mark>, built from React text nodes (never innerHTML). */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const parts = useMemo(() => {
    const re = termsRegex(terms)
    return re ? text.split(re) : [text]
  }, [text, terms])
  if (parts.length === 1) return <>{text}</>
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}</>
}
