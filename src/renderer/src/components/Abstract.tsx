import { useMemo } from 'react'
import { splitMath } from '../lib/math'

/** Abstract as text; only $…$ math goes through KaTeX (sanitised). Never raw abstract HTML. */
export function Abstract({ text }: { text: string }) {
  const segments = useMemo(() => splitMath(text), [text])
  return (
    <p className="abstract">
      {segments.map((s, i) =>
        s.kind === 'text' ? <span key={i}>{s.text}</span> : <span key={i} className="math" dangerouslySetInnerHTML={{ __html: s.html }} />
      )}
    </p>
  )
}
