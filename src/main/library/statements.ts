/** Prepared statements cached per connection: prepare once, run many times. */
import type Database from 'better-sqlite3'
import type { DB } from './db'

const caches = new WeakMap<DB, Map<string, Database.Statement>>()

export function stmt<P extends unknown[] | Record<string, unknown> = unknown[], R = unknown>(
  db: DB,
  sql: string
): Database.Statement<P, R> {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map<string, Database.Statement>()))
  let s = cache.get(sql)
  if (!s) cache.set(sql, (s = db.prepare(sql)))
  return s as unknown as Database.Statement<P, R>
}

export const nowIso = (): string => new Date().toISOString()
