/**
 * File associations (electron-builder.yml, resources/build/installer.nsh): Folio is offered as an
 * additional program for digest files on every OS and never made the default one; Linux gets
 * shared-mime-info's MIME types; the Windows installer removes exactly what it added.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { DIGEST_EXTENSIONS } from '../../../src/main/shell/digest-types'

const ROOT = resolve(__dirname, '..', '..', '..')
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- electron-builder's YAML, read as it is
const nsis = readFileSync(join(ROOT, config.nsis.include as string), 'utf8')
const MIME: Record<string, string> = {
  txt: 'text/plain',
  json: 'application/json',
  xml: 'application/xml',
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  bib: 'text/x-bibtex',
  ris: 'application/x-research-info-systems',
  eml: 'message/rfc822'
}

describe('file associations', () => {
  it('cover exactly the digest types the app imports (File → Import Digests…)', () => {
    expect(Object.keys(MIME).sort()).toEqual([...DIGEST_EXTENSIONS].sort())
  })

  it('nothing at the top level: electron-builder would hand every OS (and NSIS its default-taking macro) the same', () => {
    expect(config.fileAssociations).toBeUndefined()
    expect(config.win.fileAssociations).toBeUndefined()
  })

  it('macOS: an alternate viewer (LSHandlerRank Alternate), never the owner or default', () => {
    const [assoc, ...more] = config.mac.fileAssociations as { ext: string[]; role: string; rank: string }[]
    expect(more).toEqual([])
    expect([...assoc!.ext].sort()).toEqual([...DIGEST_EXTENSIONS].sort())
    expect(assoc).toMatchObject({ role: 'Viewer', rank: 'Alternate' })
  })

  it("Linux: one MimeType per extension, shared-mime-info's name for it", () => {
    const linux = config.linux.fileAssociations as { ext: string; mimeType: string }[]
    expect(Object.fromEntries(linux.map((a) => [a.ext, a.mimeType]))).toEqual(MIME)
  })

  it("Windows: each extension's OpenWithProgids gets Folio on install and loses it on uninstall; no default is written", () => {
    const install = /!macro customInstall([\s\S]*?)!macroend/.exec(nsis)![1]!
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(nsis)![1]!
    const added = [...install.matchAll(/folioOpenWith (\w+)/g)].map((m) => m[1])
    const removed = [...uninstall.matchAll(/folioNoLongerOpenWith (\w+)/g)].map((m) => m[1])
    expect(added.sort()).toEqual([...DIGEST_EXTENSIONS].sort())
    expect(removed.sort()).toEqual(added)
    expect(nsis).toMatch(/WriteRegStr SHCTX "Software\\Classes\\\.\$\{EXT\}\\OpenWithProgids" "\$\{FOLIO_PROGID\}" ""/)
    // The default program of a type is the (default) value of Software\Classes\.<ext>: never written.
    expect(nsis).not.toMatch(/WriteRegStr \w+ "Software\\Classes\\\.[^"\\]*" ""/)
    expect(uninstall).toMatch(/DeleteRegKey SHCTX "Software\\Classes\\\$\{FOLIO_PROGID\}"/)
  })
})
