/**
 * For you through the doors people use: the browser host (ranking in its worker thread, the feed
 * paging stored scores, similar papers, like: in search) and the `folio` CLI, on real library files.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type Host } from '../../src/main/host/server'
import { openLibrary } from '../../src/main/library/index'
import type { FeedPage, ForYouPage, SimilarPapers } from '../../src/shared/contract'
import { TOKEN_HEADER } from '../../src/shared/transport-fetch'
import { folio } from '../helpers/cli'
import { tempDir } from '../helpers/temp'
import { fillTopicLibrary, papersOfTopic } from '../helpers/topic-library'

let t: ReturnType<typeof tempDir>
let libraryPath: string
let topics: Map<number, number[]>

beforeAll(() => {
  t = tempDir()
  libraryPath = join(t.dir, 'lib.sqlite')
  const lib = openLibrary(libraryPath)
  topics = fillTopicLibrary(lib, 1200)
  lib.close()
})
afterAll(() => t.cleanup())

describe('For you in the browser host', () => {
  let host: Host
  type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
  const call = async <T>(method: string, body: unknown): Promise<Reply<T>> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(body)
    })
    return (await res.json()) as Reply<T>
  }
  const value = async <T>(method: string, body: unknown): Promise<T> => {
    const r = await call<T>(method, body)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
  beforeAll(async () => {
    const rendererDir = join(t.dir, 'renderer')
    mkdirSync(rendererDir, { recursive: true })
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Folio</title>')
    host = await startHost({ libraryPath, rendererDir })
  })
  afterAll(() => host.close())

  it('ranks in the worker after the stars, and the feed pages the stored scores', { timeout: 60_000 }, async () => {
    expect(await value<ForYouPage>('forYouPage', { limit: 10 })).toMatchObject({ items: [], strong: 0, needed: 3 })
    const starred = papersOfTopic(topics, 6, 5)
    await value('setStarred', { ids: starred, starred: true })
    let page: ForYouPage | null = null
    // The ranking waits for the calls to pause (when-idle.ts): look again now and then, not constantly.
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      page = await value<ForYouPage>('forYouPage', { limit: 30 })
      if (page.items.length) break
      await new Promise((r) => setTimeout(r, 2_000))
    }
    expect(page!.strong).toBe(5)
    expect(page!.items).toHaveLength(30)
    expect(page!.items.filter((p) => topics.get(p.id)!.includes(6)).length).toBeGreaterThanOrEqual(8)
    const next = await value<ForYouPage>('forYouPage', { limit: 30, cursor: page!.nextCursor })
    expect(next.items.map((p) => p.id).some((id) => page!.items.some((p) => p.id === id))).toBe(false)
  })

  it('similar papers and like: in the search box', async () => {
    const [id] = papersOfTopic(topics, 2, 1)
    const similar = await value<SimilarPapers>('similarPapers', { id, limit: 8 })
    expect(similar.items).toHaveLength(8)
    expect(similar.items.map((p) => p.id)).not.toContain(id)
    const like = await value<FeedPage>('feedPage', { query: `like:${id}`, limit: 8 })
    expect(like.items.map((p) => p.id)).toEqual(similar.items.map((p) => p.id))
    // Filters still apply: the starred ones among the like: ranking.
    const starredLike = await value<FeedPage>('feedPage', { query: `like:${id} starred`, limit: 50 })
    expect(starredLike.items.every((p) => p.starred)).toBe(true)
    const missing = await call('similarPapers', { id: 999_999, limit: 5 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('a like: search cannot be marked read as a whole (it would not name its papers)', async () => {
    const before = await value<FeedPage>('feedPage', { view: 'read', limit: 5 })
    const r = await call('setViewStatus', { query: 'like:1', status: 'read' })
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-query' } })
    expect(await value<FeedPage>('feedPage', { view: 'read', limit: 5 })).toEqual(before)
  })
})

describe('folio list --for-you and folio similar', () => {
  it('ranks on the same code, says how to teach it, and prints JSON', () => {
    const env = { FOLIO_LIBRARY: libraryPath }
    const lib = openLibrary(libraryPath)
    lib.db.prepare('UPDATE papers SET starred = 0').run()
    lib.close()
    const none = folio(['list', '--for-you'], env)
    expect(none.status).toBe(0)
    expect(none.stdout).toMatch(/star or annotate 3 more papers/)

    for (const id of papersOfTopic(topics, 8, 4)) expect(folio(['star', String(id)], env).status).toBe(0)
    const text = folio(['list', '--for-you', '--limit', '5'], env)
    expect(text.status).toBe(0)
    expect(text.stdout).toMatch(/like “/)
    const json = JSON.parse(folio(['list', '--for-you', '--limit', '20', '--json'], env).stdout) as {
      id: number
      score: number
      status: string
    }[]
    expect(json).toHaveLength(20)
    expect(json.every((p) => p.status === 'unread')).toBe(true)
    for (let i = 1; i < json.length; i++) expect(json[i]!.score).toBeLessThanOrEqual(json[i - 1]!.score)
    expect(json.filter((p) => topics.get(p.id)!.includes(8)).length).toBeGreaterThanOrEqual(4) // 2 of 20 by chance

    const [id] = papersOfTopic(topics, 8, 1)
    const similar = JSON.parse(folio(['similar', String(id), '--limit', '7', '--json'], env).stdout) as { id: number }[]
    expect(similar).toHaveLength(7)
    expect(folio(['similar', 'no such paper'], env)).toMatchObject({ status: 1 })
    expect(folio(['list', '--for-you', '--starred'], env).status).toBe(2)
  })
})
