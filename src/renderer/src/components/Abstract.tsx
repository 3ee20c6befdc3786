import { useMemo } from 'react'
import { splitMath } from '../lib/math'
import { Highlight } from './Highlight'

/**
 * Abstract as text; only $…$ math goes through KaTeX (sanitised). Never raw abstract HTML.
 * The search's matched words are highlighted in the text (not inside formulas).
 */
export function Abstract({ text, terms = [] }: { text: string; terms?: readonly string[] }) {
  const segments = useMemo(() => splitMath(text), [text])
  return (
    <p className="abstract">
      {segments.map((s, i) =>
        s.kind === 'text' ? (
          <span key={i}>
            <Highlight text={s.text} terms={terms} />
          </span>
        ) : (
          <span key={i} className="math" dangerouslySetInnerHTML={{ __html: s.html }} />
        )
      )}
    </p>
  )
}
