/**
 * The feed's row and date-header heights for the text-size setting. The virtualized feed needs
 * them in pixels; they follow feed.css (padding, line heights) and styles.css (the root size per
 * setting, metadata at max(13px, 0.9rem)): a row holds a two-line title and one line of metadata.
 */
import type { TextSize } from '../../../shared/values'

/** The root font size (px) of each text-size setting, as styles.css sets it. */
export const ROOT_PX: Record<TextSize, number> = { small: 14, medium: 15, large: 17, 'x-large': 19 }

export interface FeedMetrics {
  row: number
  header: number
}

export function feedMetrics(size: TextSize = 'medium'): FeedMetrics {
  const rem = ROOT_PX[size]
  const meta = Math.max(13, 0.9 * rem)
  const title = 1.0625 * rem * 1.3
  // padding-top 0.4rem, two title lines, 0.15rem gap, the meta line, 0.4rem below, the 1px border.
  const row = Math.ceil(0.4 * rem + 2 * title + 0.15 * rem + meta * 1.45 + 0.4 * rem + 1)
  const header = Math.ceil(meta * 1.45 + 0.7 * rem)
  return { row, header }
}
