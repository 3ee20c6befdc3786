import { useMemo } from 'react'

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One regex for all search terms: word-start matches (the last word is a prefix search). */
export function termsRegex(terms: readonly string[]): RegExp | null {
  const alts = terms
    .map((t) => t.trim())
    .filter(Boolean)
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
