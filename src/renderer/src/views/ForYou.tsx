/**
 * For you in the interface: reloading the list when the ranking has rewritten its scores, the note that says how to teach it, and the few words on why a row is
 * there. The ranking itself runs in main's worker thread (src/main/ranking/): nothing here waits for it.
 */
import { useEffect } from 'react'
import { api } from '../api'
import { useStore } from '../store'
import './for-you.css'

/** Reloads the For you list on screen when the ranking has rewritten its scores (the sidebar holds it). */
export function useRankingReload(): void {
  useEffect(
    () =>
      api.on('rankingChanged', () => {
        const s = useStore.getState()
        if (s.mode === 'feed' && s.forYou) void s.reloadFeed()
      }),
    []
  )
}

/** Above the For you list: what it learns from, or what it still needs. */
export function ForYouNotice() {
  const forYou = useStore((s) => s.forYou)
  const strong = useStore((s) => s.forYouStrong)
  if (!forYou || strong === null) return null
  const needed = 3 - strong
  if (needed > 0)
    return (
      <p className="for-you-notice" role="status">
        For you ranks your unread papers by what you like. Teach it: star or write a note on {needed} more paper
        {needed === 1 ? '' : 's'} (s stars the selected paper). It learns on this computer; nothing is sent anywhere.
      </p>
    )
  return (
    <p className="for-you-notice muted">
      Unread papers, best first, learned from your {strong} starred or annotated papers and what you read, on this
      computer.
    </p>
  )
}

/** A row's reason for being in For you, in a few words (only in For you, only for the best rows). */
export function WhyLine({ id }: { id: number }) {
  const why = useStore((s) => (s.forYou ? s.why[id] : undefined))
  return why ? <span className="row-why">{why}</span> : null
}
