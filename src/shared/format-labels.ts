/**
 * What people call each digest format, for everything shown to them (sidebar, paper pane, import
 * report, headings). The codes (`hf-json`) stay internal: the library stores them, parsers key on them.
 */
export const FORMAT_LABEL: Readonly<Record<string, string>> = {
  'hf-text': 'Hugging Face text',
  'hf-json': 'Hugging Face JSON',
  'arxiv-email': 'arXiv e-mail',
  'arxiv-rss': 'arXiv RSS',
  'arxiv-atom': 'arXiv Atom',
  'arxiv-rdf': 'arXiv RSS 1.0',
  'hf-html': 'Hugging Face page (HTML)',
  bibtex: 'BibTeX',
  ris: 'RIS'
}

/** The name of a format code; an unknown code (a newer library) is shown as it is. */
export function formatLabel(code: string | null | undefined): string {
  if (!code) return 'unknown format'
  return FORMAT_LABEL[code] ?? code
}
