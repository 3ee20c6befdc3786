/**
 * The Notes list's snippet of a note: its first lines as plain text. Markdown marks (headings,
 * list bullets, quotes, emphasis, code fences, link targets) are dropped so the snippet reads as
 * text; the words stay. $…$ math stays as its source (a snippet renders nothing).
 */
const MAX = 240

/** One line of Markdown as the text it shows. */
function lineText(line: string): string {
  return line
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+\[[ xX]\]\s+|[-*+]\s+|\d{1,9}[.)]\s+)+/, '') // heading, quote, list, task
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url), ![alt](src)
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // <https://…>
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2') // **strong**
    .replace(/(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])/g, '$2') // *em*
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1') // ~~struck~~
    .replace(/`+([^`]+)`+/g, '$1') // `code`
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1') // backslash escapes
    .trim()
}

export function noteExcerpt(body: string): string {
  const lines: string[] = []
  for (const raw of body.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) continue // code fences
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) continue // thematic breaks
    if (/^\s{0,3}\|?\s*:?-{3,}/.test(raw)) continue // table rules
    const text = lineText(raw.replace(/\|/g, ' '))
    if (text) lines.push(text)
    if (lines.length === 3) break
  }
  const text = lines.join(' ').replace(/\s+/g, ' ')
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text
}
