/**
 * resources/build/electron-native.mjs (prestart/predev) on a fake project folder: a fake electron
 * package whose install.js fails like an offline download, and a fake prebuild-install that
 * writes a marker binary. No network, no real Electron; the real script code runs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  buildElectronNative,
  downloadFailureReason,
  electronBinaryStatus,
  main
} from '../../resources/build/electron-native.mjs'
import { electronNativeBindingPath } from '../../resources/build/native-path.mjs'

let root: string

function write(rel: string, text: string): void {
  mkdirSync(join(root, rel, '..'), { recursive: true })
  writeFileSync(join(root, rel), text)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'folio-native-script-'))
  write('node_modules/electron/package.json', JSON.stringify({ version: '45.5.0' }))
  write(
    'node_modules/electron/install.js',
    "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1)\n"
  )
  write('node_modules/better-sqlite3/package.json', JSON.stringify({ name: 'better-sqlite3', version: '12.6.2' }))
  write('node_modules/better-sqlite3/src/better_sqlite3.cpp', '// source')
  write('node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'NODE BUILD')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

const fakePrebuild = (ok: boolean): void =>
  write(
    'node_modules/prebuild-install/bin.js',
    ok
      ? `const fs = require('fs'); fs.mkdirSync('build/Release', { recursive: true });
         if (fs.existsSync('build/Release/better_sqlite3.node')) throw new Error('the Node build was copied');
         fs.writeFileSync('build/Release/better_sqlite3.node', 'ELECTRON BUILD ' + process.argv.slice(2).join(' '))`
      : "console.error('prebuild-install warn install getaddrinfo ENOTFOUND github.com'); process.exit(1)"
  )

describe('electron-native.mjs', () => {
  it('no Electron binary and no download → the browser hint, exit 1', () => {
    const errors: string[] = []
    const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')))
    vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      expect(electronBinaryStatus(join(root, 'node_modules/electron'))).toMatchObject({ ok: false, version: '45.5.0' })
      expect(main([], { root })).toBe(1)
    } finally {
      vi.restoreAllMocks()
    }
    expect(spy).toHaveBeenCalled()
    const text = errors.join('\n')
    expect(text).toContain(
      "Electron's binary could not be downloaded (install.js exited with 1: TypeError: fetch failed (is this machine offline?))"
    )
    expect(text).toContain('Use Folio in your browser instead: npx folio serve')
    expect(existsSync(join(root, '.electron-native'))).toBe(false)
  })

  it('finds an existing binary through path.txt + dist without downloading', () => {
    write('node_modules/electron/path.txt', 'electron')
    expect(electronBinaryStatus(join(root, 'node_modules/electron')).ok).toBe(false)
    write('node_modules/electron/dist/electron', '#!/bin/sh\n')
    expect(electronBinaryStatus(join(root, 'node_modules/electron'))).toMatchObject({ ok: true, version: '45.5.0' })
    vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      expect(main(['--skip-native'], { root })).toBe(0)
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('builds on a copy with prebuild-install --runtime electron, never touching node_modules/better-sqlite3', () => {
    fakePrebuild(true)
    vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const first = buildElectronNative({ version: '45.5.0', platform: 'linux', arch: 'x64', root })
      const target = electronNativeBindingPath(root, '45.5.0', 'linux', 'x64')
      expect(first).toEqual({ ok: true, path: target, method: 'prebuild-install' })
      expect(readFileSync(target, 'utf8')).toBe(
        'ELECTRON BUILD --runtime electron --target 45.5.0 --arch x64 --platform linux --verbose'
      )
      expect(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe(
        'NODE BUILD'
      )
      expect(JSON.parse(readFileSync(join(target, '..', 'build-info.json'), 'utf8'))).toMatchObject({
        electron: '45.5.0',
        method: 'prebuild-install'
      })
      // second run: present, skipped
      expect(buildElectronNative({ version: '45.5.0', platform: 'linux', arch: 'x64', root })).toMatchObject({
        ok: true,
        method: 'present'
      })
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('no prebuild and no way to compile → a clear reason, nothing half-written', () => {
    fakePrebuild(false)
    const other = process.platform === 'win32' ? 'linux' : 'win32'
    vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const r = buildElectronNative({ version: '45.5.0', platform: other, arch: 'x64', root })
      expect(r.ok).toBe(false)
      expect(r.ok ? '' : r.reason).toMatch(/no prebuilt binary .*ENOTFOUND github\.com.*cannot compile for/)
      expect(existsSync(join(root, '.electron-native'))).toBe(false)
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('downloadFailureReason picks the network error out of a stack', () => {
    expect(downloadFailureReason('Downloading\nTypeError: fetch failed\n    at x (y.js:1)\n')).toBe(
      'TypeError: fetch failed (is this machine offline?)'
    )
    expect(downloadFailureReason('gyp info\ngyp ERR! configure error\n')).toBe('configure error')
    expect(downloadFailureReason('')).toBe('no output')
  })
})
