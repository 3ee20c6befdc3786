/**
 * The address `folio serve` last served a library on (port and token), kept beside the library
 * (readable by its owner only): started again, it takes the same address, so pages left open
 * when it stopped find it again and carry on. A missing or unreadable record means a new address.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export interface ServeAddress {
  port: number
  token: string
}

export const addressPathFor = (libraryPath: string): string =>
  join(dirname(libraryPath), `.${basename(libraryPath)}.serve.json`)

export function readLastAddress(libraryPath: string): ServeAddress | null {
  try {
    const v = JSON.parse(readFileSync(addressPathFor(libraryPath), 'utf8')) as Partial<ServeAddress>
    const portOk = Number.isInteger(v.port) && v.port! > 0 && v.port! < 65536
    return portOk && typeof v.token === 'string' && /^[\w-]{32,}$/.test(v.token)
      ? { port: v.port!, token: v.token }
      : null
  } catch {
    return null
  }
}

export function rememberAddress(libraryPath: string, address: ServeAddress): void {
  const path = addressPathFor(libraryPath)
  try {
    writeFileSync(path, JSON.stringify(address), { mode: 0o600 })
    chmodSync(path, 0o600)
  } catch {
    /* not remembered: the next start gets a new address, as before */
  }
}
