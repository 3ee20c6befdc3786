/**
 * The real package, built here: electron-builder's `--dir` target (the config of
 * electron-builder.yml) with `electronDist` pointing at a STAND-IN Electron distribution made here
 * (a placeholder executable: Electron cannot be downloaded here), and a stand-in for the
 * Electron-ABI better-sqlite3 build where `.electron-native/` holds the real one (a copy of the
 * Node build, so the packaged main can load it under Node). The afterPack hook runs for real; it
 * skips the fuses only because the executable is the stand-in, and says so.
 * Then: resources/build/check-package.mjs inspects the archive (what docs/packaging.md asks of a
 * real build), and the packaged main bundle starts under Node against the electron stand-in with
 * app.isPackaged = true and getAppPath() at app.asar (extracted: Node cannot read an asar).
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type * as Asar from '@electron/asar'
import type * as ElectronBuilder from 'electron-builder'
import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronNativeBindingPath } from '../../../resources/build/native-path.mjs'
import { inspectPackage } from '../../../resources/build/check-package.mjs'

const ROOT = resolve(__dirname, '..', '..', '..')
const require = createRequire(import.meta.url)
const hook = require(join(ROOT, 'resources', 'build', 'after-pack.cjs')) as {
  default(context: unknown, options: { root: string }): Promise<void>
  STAND_IN_MARKER: string
}
const ELECTRON_VERSION = (require(join(ROOT, 'node_modules', 'electron', 'package.json')) as { version: string })
  .version
const STANDIN_REGISTER = join(ROOT, 'tests', 'shell', 'electron-standin', 'register.mjs')
const DIGEST = join(ROOT, 'tests', 'fixtures', 'hf-trending-jun6.txt')
const linuxOnly = process.platform !== 'linux'

describe.skipIf(linuxOnly)('the package electron-builder makes (stand-in Electron)', () => {
  let dir: string
  let appOutDir: string
  const logged: string[] = []

  beforeAll(async () => {
    for (const f of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) readFileSync(join(ROOT, 'out', f)) // built first (npm test builds before the tests)
    dir = mkdtempSync(join(tmpdir(), 'folio-package-'))
    // A stand-in Electron distribution: electron-builder copies it and renames the executable.
    const dist = join(dir, 'electron-dist')
    mkdirSync(join(dist, 'resources'), { recursive: true })
    writeFileSync(join(dist, 'electron'), `${hook.STAND_IN_MARKER}\necho "not Electron" >&2; exit 1\n`)
    chmodSync(join(dist, 'electron'), 0o755)
    writeFileSync(join(dist, 'version'), ELECTRON_VERSION)
    // The stand-in Electron-ABI build, where .electron-native/ would hold the real one.
    const nativeRoot = join(dir, 'project')
    const standInBinding = electronNativeBindingPath(nativeRoot, ELECTRON_VERSION, process.platform, process.arch)
    mkdirSync(join(standInBinding, '..'), { recursive: true })
    copyFileSync(
      join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      standInBinding
    )

    const { build, Platform, Arch } = require('electron-builder') as typeof ElectronBuilder
    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
    const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')))
    try {
      await build({
        projectDir: ROOT,
        targets: Platform.LINUX.createTarget('dir', Arch[process.arch as 'x64']),
        publish: 'never',
        config: {
          ...config,
          electronDist: dist,
          electronVersion: ELECTRON_VERSION,
          directories: { ...(config.directories as object), output: join(dir, 'dist') },
          afterPack: (context) => hook.default(context, { root: nativeRoot })
        }
      })
    } finally {
      log.mockRestore()
    }
    appOutDir = join(dir, 'dist', 'linux-unpacked')
  }, 120_000)
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('is complete and clean: main, preload index.cjs, renderer assets, dependencies, unpacked workers, native build', async () => {
    const r = await inspectPackage(appOutDir, { electronVersion: ELECTRON_VERSION })
    expect(r.problems).toEqual([])
    expect(r.entries).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs']))
    expect(r.workers).toEqual([
      '/out/main/import-worker.js',
      '/out/main/job-worker.js',
      '/out/main/parse-worker.js',
      '/out/main/rank-worker.js'
    ])
    // What the workers load from app.asar.unpacked includes better-sqlite3 and what it requires.
    expect(r.workerFiles).toEqual(
      expect.arrayContaining(['/node_modules/better-sqlite3/lib/index.js', '/node_modules/bindings/bindings.js'])
    )
    expect(r.entries!.some((e) => /^\/(src|tests)\/|\.map$/.test(e))).toBe(false)
  })

  it('the fuse step was skipped only because the executable is the stand-in, and said so', async () => {
    const r = await inspectPackage(appOutDir, { electronVersion: ELECTRON_VERSION })
    expect(r.fuses).toMatch(/^skipped: the executable is the stand-in/)
    expect(logged.join('\n')).toMatch(/fuses NOT flipped: .*folio-app is the package test's stand-in/)
  })

  it('the inspection finds what is wrong: a worker dependency missing beside the archive', async () => {
    const broken = join(dir, 'broken')
    cpSync(appOutDir, broken, { recursive: true })
    rmSync(join(broken, 'resources', 'app.asar.unpacked', 'node_modules', 'bindings'), { recursive: true })
    const r = await inspectPackage(broken, { electronVersion: ELECTRON_VERSION })
    expect(r.problems).toContainEqual(expect.stringMatching(/^worker: package bindings .* is not unpacked/))
    rmSync(broken, { recursive: true })
  })

  it('the packaged main starts under Node: the native build from app.asar.unpacked, the import worker from its unpacked path', () => {
    // Node cannot read an asar: the archive is extracted into a folder named app.asar, beside the real unpacked folder.
    const run = join(dir, 'run', 'resources')
    const asar = require('@electron/asar') as typeof Asar
    asar.extractAll(join(appOutDir, 'resources', 'app.asar'), join(run, 'app.asar'))
    cpSync(join(appOutDir, 'resources', 'app.asar.unpacked'), join(run, 'app.asar.unpacked'), { recursive: true })
    const appPath = join(run, 'app.asar')
    const child = spawnSync(
      process.execPath,
      ['--import', STANDIN_REGISTER, join(__dirname, 'run-packaged-main.mjs'), appPath, ELECTRON_VERSION, DIGEST],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, FOLIO_LIBRARY: join(dir, 'library.sqlite'), XDG_CONFIG_HOME: join(dir, 'config') }
      }
    )
    expect(child.status, child.stderr).toBe(0)
    const out = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      workers: string[]
      loaded: string[]
      preload: string
      errorBoxes: unknown[]
      all: number
    }
    expect(out.errorBoxes).toEqual([])
    expect(out.all).toBe(61) // the digest on the command line was imported, by the worker
    const unpacked = join(run, 'app.asar.unpacked')
    expect(out.workers).toContain(join(unpacked, 'out', 'main', 'import-worker.js'))
    expect(out.workers.every((w) => w.startsWith(unpacked))).toBe(true)
    expect(out.loaded).toEqual([electronNativeBindingPath(unpacked, ELECTRON_VERSION, 'linux', process.arch)])
    expect(out.preload).toBe(join(appPath, 'out', 'preload', 'index.cjs'))
  })
})
