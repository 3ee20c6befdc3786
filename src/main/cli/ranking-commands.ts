/**
 * The `folio` commands on For you's ranking, on the same code as the app (src/main/ranking/):
 *   folio list --for-you [--limit N] [--json]   unread papers, best first, with why
 *   folio similar <paper> [--limit N] [--json]  the papers nearest to one by text
 * The CLI ranks in-process from the library as it is now (it writes nothing).
 */
import type { Library } from '../library/index'
import { findPaper } from '../library/papers'
import { MIN_STRONG, Ranker } from '../ranking/ranker'
import { rowsInOrder } from '../ranking/similar'
import { parseLimit } from './args'
import { paperLine } from './format'

export interface RankingContext {
  args: string[]
  o: { limit?: string; json?: boolean }
  out(s: string): void
  usage(message: string): never
  withLibrary<T>(fn: (lib: Library) => T): Promise<T>
}

export function forYouCommand(ctx: RankingContext): Promise<number> {
  const limit = parseLimit(ctx.o.limit, ctx.usage) ?? 30
  return ctx.withLibrary((lib) => {
    const ranker = new Ranker()
    ranker.sync(lib.db)
    const result = ranker.rank(lib.db, undefined, limit)
    const top = result.top
    const rows = rowsInOrder(
      lib.db,
      top.map((s) => s.id)
    )
    if (ctx.o.json) {
      const byId = new Map(top.map((s) => [s.id, s]))
      ctx.out(
        JSON.stringify(
          rows.map((r) => ({ ...r, score: byId.get(r.id)!.score, why: byId.get(r.id)!.why ?? null })),
          null,
          2
        )
      )
    } else if (result.strong < MIN_STRONG) {
      ctx.out(
        `For you learns from your stars and notes: star or annotate ${MIN_STRONG - result.strong} more paper${MIN_STRONG - result.strong === 1 ? '' : 's'} (folio star <paper>).`
      )
    } else if (!rows.length) ctx.out('No unread papers.')
    else {
      const why = new Map(top.map((s) => [s.id, s.why]))
      for (const r of rows) {
        ctx.out(paperLine(r))
        const w = why.get(r.id)
        if (w) ctx.out(`${' '.repeat(11)}${w}`)
      }
    }
    return 0
  })
}

export function similarCommand(ctx: RankingContext): Promise<number> {
  if (ctx.args.length < 1) ctx.usage('usage: folio similar <paper> [--limit N]')
  const limit = parseLimit(ctx.o.limit, ctx.usage) ?? 10
  return ctx.withLibrary((lib) => {
    const id = findPaper(lib.db, ctx.args.join(' '))
    const ranker = new Ranker()
    ranker.sync(lib.db)
    const rows = rowsInOrder(
      lib.db,
      ranker.similar(id, limit).map((s) => s.id)
    )
    if (ctx.o.json) ctx.out(JSON.stringify(rows, null, 2))
    else if (!rows.length) ctx.out('No similar papers.')
    else for (const r of rows) ctx.out(paperLine(r))
    return 0
  })
}
