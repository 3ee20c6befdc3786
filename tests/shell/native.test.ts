/** native.ts and resources/build/native-path.mjs: which better-sqlite3 binary each runtime loads. Plain functions, no Electron. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronNativeBindingPath, electronNativeName } from '../../resources/build/native-path.mjs'
import { nativeBindingFor, requireNativeBinding, unpackedRoot } from '../../src/main/shell/native'

const base = { appPath: '/apps/folio', platform: 'linux', arch: 'x64' }

describe('native binding path', () => {
  it('under plain Node: undefined (the Node build in node_modules)', () => {
    expect(nativeBindingFor({ ...base, versions: { node: '20.20.2' } })).toBeUndefined()
    expect(nativeBindingFor({ ...base, versions: process.versions })).toBeUndefined()
  })

  it('under Electron: .electron-native/<version>-<platform>-<arch>/better_sqlite3.node in the app folder', () => {
    expect(nativeBindingFor({ ...base, versions: { node: '22.20.0', electron: '45.5.0' } })).toBe(
      join('/apps/folio', '.electron-native', '45.5.0-linux-x64', 'better_sqlite3.node')
    )
    expect(nativeBindingFor({ ...base, platform: 'darwin', arch: 'arm64', versions: { electron: '45.5.0' } })).toBe(
      join('/apps/folio', '.electron-native', '45.5.0-darwin-arm64', 'better_sqlite3.node')
    )
  })

  it('a packaged app: the build the afterPack hook put in app.asar.unpacked (a .node cannot load from an asar)', () => {
    const asar = join('/opt/Folio/resources', 'app.asar')
    expect(nativeBindingFor({ ...base, appPath: asar, versions: { electron: '45.5.0' }, isPackaged: true })).toBe(
      join('/opt/Folio/resources', 'app.asar.unpacked', '.electron-native', '45.5.0-linux-x64', 'better_sqlite3.node')
    )
    expect(unpackedRoot('C:\\Folio\\resources\\app.asar')).toBe('C:\\Folio\\resources\\app.asar.unpacked')
    expect(unpackedRoot('/apps/folio')).toBe('/apps/folio')
  })

  it('is the same path the prestart script writes (one naming function)', () => {
    expect(nativeBindingFor({ ...base, versions: { electron: '45.5.0' } })).toBe(
      electronNativeBindingPath('/apps/folio', '45.5.0', 'linux', 'x64')
    )
    expect(electronNativeName('45.5.0', 'win32', 'ia32')).toBe('45.5.0-win32-ia32')
  })

  it('refuses names that could escape the folder', () => {
    expect(() => electronNativeName('../../etc', 'linux', 'x64')).toThrow(/Invalid Electron version/)
    expect(() => electronNativeName('45.5.0', 'linux/../x', 'x64')).toThrow(/Invalid platform/)
    expect(() => electronNativeName('45.5.0', 'linux', '..')).toThrow(/Invalid arch/)
  })

  it('a missing Electron build is explained, with the command that makes it', () => {
    const env = { ...base, versions: { electron: '45.5.0' } }
    expect(() => requireNativeBinding(env, () => false)).toThrow(
      /not been built for Electron 45\.5\.0[\s\S]*electron-native\.mjs/
    )
    expect(requireNativeBinding(env, () => true)).toBe(nativeBindingFor(env))
    expect(requireNativeBinding({ ...base, versions: {} }, () => false)).toBeUndefined()
  })
})
