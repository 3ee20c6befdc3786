/** Messages between the ranking worker (worker.ts) and the process that serves the UI (service.ts). */

export interface RankWorkerData {
  libraryPath: string
  nativeBinding?: string
}

export type RankRequest =
  /** The library changed: bring the features up to date, learn again, rescore. */
  { type: 'changed' } | { type: 'similar'; requestId: number; paperId: number; limit: number } | { type: 'stop' }

export type RankReply =
  /** Scores written: once for the top of the view, and once more for the rest when there is more. */
  | { type: 'ranked'; strong: number; papers: number; ms: number }
  /** Features stored (one commit of the ranking's own): not a change for the page to show. */
  | { type: 'wrote' }
  | { type: 'similar'; requestId: number; ids: number[] }
  | { type: 'error'; requestId?: number; message: string }
