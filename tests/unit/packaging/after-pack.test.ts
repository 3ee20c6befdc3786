/**
 * The electron-builder afterPack hook (resources/build/after-pack.cjs), without electron-builder
 * or a real Electron (neither can be downloaded here): on a fake packed app it puts the target's
 * better-sqlite3 build into app.asar.unpacked where src/main/native.ts looks, and flips the
 * fuses in a stand-in binary carrying Electron's fuse wire (sentinel + version + states).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { electronNativeBindingPath } from '../../../resources/build/native-path.mjs'
import { nativeBindingFor } from '../../../src/main/shell/native'

const ROOT = resolve(__dirname, '..', '..', '..')
const require = createRequire(import.meta.url)
const hook = require(join(ROOT, 'resources', 'build', 'after-pack.cjs')) as {
  default(context: unknown): Promise<void>
  fuseSettings(platform: string): Record<string, boolean>
  placeNativeBinding(context: unknown, options: { root: string }): Promise<string>
  archName(arch: unknown): string
}
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

describe('afterPack hook', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'folio-afterpack-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const context = (platform: string, appOutDir: string) => ({
    appOutDir,
    electronPlatformName: platform,
    arch: 1, // builder-util Arch.x64
    packager: {
      appInfo: { productFilename: 'Folio' },
      executableName: 'folio',
      info: { framework: { version: '45.5.0' } }
    }
  })

  it('puts the Electron build of better-sqlite3 in app.asar.unpacked, where native.ts looks when packaged', async () => {
    const root = join(dir, 'project')
    const built = electronNativeBindingPath(root, '45.5.0', 'linux', 'x64')
    mkdirSync(join(built, '..'), { recursive: true })
    writeFileSync(built, 'ELF electron build')
    mkdirSync(join(root, 'resources', 'build'), { recursive: true })
    for (const f of ['native-path.mjs', 'electron-native.mjs'])
      writeFileSync(join(root, 'resources', 'build', f), readFileSync(join(ROOT, 'resources', 'build', f)))
    const appOutDir = join(dir, 'linux-unpacked')
    const target = await hook.placeNativeBinding(context('linux', appOutDir), { root })
    expect(readFileSync(target, 'utf8')).toBe('ELF electron build')
    const appPath = join(appOutDir, 'resources', 'app.asar')
    expect(
      nativeBindingFor({ appPath, versions: { electron: '45.5.0' }, platform: 'linux', arch: 'x64', isPackaged: true })
    ).toBe(target)
  })

  it("names the native build by the arch names process.arch uses (electron-builder's armv7l is Node's arm)", () => {
    // builder-util's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3
    expect([0, 1, 2, 3].map((a) => hook.archName(a))).toEqual(['ia32', 'x64', 'arm', 'arm64'])
    expect(hook.archName('armv7l')).toBe('arm')
    expect(hook.archName(process.arch)).toBe(process.arch)
    expect(() => hook.archName(4)).toThrow(/No better-sqlite3 build can be named/)
  })

  it('flips the fuses: no run-as-node, NODE_OPTIONS or --inspect; app only from asar; integrity on macOS/Windows', async () => {
    expect(hook.fuseSettings('linux')).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: false
    })
    expect(hook.fuseSettings('darwin').EnableEmbeddedAsarIntegrityValidation).toBe(true)
    expect(hook.fuseSettings('win32').EnableEmbeddedAsarIntegrityValidation).toBe(true)

    // A stand-in executable: some bytes, Electron's fuse wire (v1, 8 fuses: all '1' = enabled), more bytes.
    const exe = join(dir, 'Folio.exe')
    const wire = Buffer.concat([
      Buffer.from('MZ....'),
      Buffer.from(SENTINEL),
      Buffer.from([1, 8]),
      Buffer.from('11111111'),
      Buffer.from('....')
    ])
    writeFileSync(exe, wire)
    const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')
    const settings = hook.fuseSettings('win32')
    const config: Record<string | number, unknown> = { version: FuseVersion.V1 }
    for (const [name, value] of Object.entries(settings)) config[FuseV1Options[name]] = value
    await flipFuses(exe, config)
    const after = readFileSync(exe)
    const at = after.indexOf(SENTINEL) + SENTINEL.length + 2
    const states = after.subarray(at, at + 8).toString()
    // order: RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol
    expect(states).toBe('01001110')
  })

  it('electron-builder.yml: the targets, never rebuilding node_modules, the hook, .node files unpacked', () => {
    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'))
    expect(config.appId).toMatch(/\./)
    expect(config.npmRebuild).toBe(false)
    expect(config.afterPack).toBe('resources/build/after-pack.cjs')
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.files).toContain('!node_modules/better-sqlite3/build/**')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toBe('dmg')
    expect(config.win.target).toBe('nsis')
    for (const icon of [config.mac.icon, config.win.icon, join(config.linux.icon, '512x512.png')]) {
      expect(readFileSync(join(ROOT, icon)).subarray(1, 4).toString()).toBe('PNG')
    }
  })
})
