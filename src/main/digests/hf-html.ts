/**
 * The Hugging Face papers page saved from the browser (Ctrl+S, HTML). The page hydrates its list from JSON
 * in the `data-props` attribute of `div[data-target="DailyPapers"]` (the daily, weekly, monthly and trending
 * views): that JSON holds the daily_papers items, so hf-json.ts reads them. htmlparser2 reads the page
 * (attribute quoting, entities), so no regex has to. Any other HTML page is refused (detect.ts).
 */
import { Parser } from 'htmlparser2'
import { emitItems } from './hf-json'
import { DigestError, type DigestMeta, type DigestParser } from './types'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isPaper = (v: unknown): v is Obj => isObj(v) && typeof v.id === 'string' && typeof v.title === 'string'

/** The daily_papers items in one element's props: any array of `{ paper }` items (or of bare papers). */
function itemsIn(props: unknown): Obj[] | undefined {
  if (!isObj(props)) return undefined
  for (const value of Object.values(props)) {
    if (!Array.isArray(value) || value.length === 0) continue
    if (value.every((v) => isObj(v) && isPaper(v.paper))) return value as Obj[]
    if (value.every(isPaper)) return value.map((paper) => ({ paper }))
  }
  return undefined
}

/** The embedded list of a saved papers page, or undefined when the page has none. */
export function embeddedPapers(html: string): { items: Obj[]; date?: string } | undefined {
  let found: { items: Obj[]; date?: string } | undefined
  const parser = new Parser(
    {
      onopentag(_name, attribs) {
        if (found || attribs['data-props'] === undefined || attribs['data-target'] === undefined) return
        let props: unknown
        try {
          props = JSON.parse(attribs['data-props'])
        } catch {
          return // another component's props, or a page cut short: not the list
        }
        const items = itemsIn(props)
        if (!items) return
        found = { items }
        const date = isObj(props) ? (props.date ?? props.dateString) : undefined
        if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = date
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return found
}

/** Cheap test for detection: the page has the component whose props carry the list. */
export function looksLikeHfPage(html: string): boolean {
  return /data-target\s*=\s*["']?[A-Za-z]*Papers\b/.test(html) && embeddedPapers(html) !== undefined
}

export const parseHfHtml: DigestParser = (text, _ctx, onPaper) => {
  const page = embeddedPapers(text)
  if (!page) throw new DigestError('an HTML page without the Hugging Face papers list in it')
  const warnings: string[] = []
  const feedDay = emitItems(page.items, onPaper, warnings)
  const meta: DigestMeta = { format: 'hf-html', warnings }
  const date = page.date ?? feedDay
  if (date !== undefined) meta.date = date
  return meta
}
