/** Option values shared by the `folio` commands that take them (loaded with those commands). */
import { STATUSES, type Status } from '../../shared/contract'

type Usage = (message: string) => never

export function parseStatus(v: string | undefined, usage: Usage): Status | undefined {
  if (v === undefined) return undefined
  if (!(STATUSES as readonly string[]).includes(v)) usage(`unknown status "${v}": use unread, reading or read`)
  return v as Status
}

export function parseLimit(v: string | undefined, usage: Usage): number | undefined {
  if (v === undefined) return undefined
  if (!/^\d+$/.test(v) || Number(v) < 1) usage(`--limit needs a positive whole number, not "${v}"`)
  return Number(v)
}
