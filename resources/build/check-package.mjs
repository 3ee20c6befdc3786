#!/usr/bin/env node
// Inspects a packaged Folio (electron-builder's output folder, e.g. dist/linux-unpacked) and lists
// what is wrong with it. Used by the package test on the package it builds with a stand-in Electron
// (tests/unit/packaging/package.test.ts) and by anyone on a real build (docs/packaging.md):
//   node resources/build/check-package.mjs dist/linux-unpacked [--arch x64]
// Checks: the main bundle, the preload (index.cjs) and the renderer with its assets are in app.asar;
// every package the main bundle imports is inside (with what it requires); the worker scripts and
// everything they load are unpacked beside the archive; better-sqlite3's Electron build is where
// src/main/shell/native.ts looks; nothing from tests/, sources or source maps ships; the fuses.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire, isBuiltin } from 'node:module'
import { dirname, join, posix } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronNativeBindingPath } from './native-path.mjs'

const require = createRequire(import.meta.url)
const asar = require('@electron/asar')
const hook = require('./after-pack.cjs')

const IMPORTS =
  /(?:^|[;}\n])\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm
const REQUIRES = /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g
const FORBIDDEN = [
  [/^\/(src|tests|resources|\.electron-native|\.scratch)\//, 'a project folder that must not ship'],
  [/\.map$/, 'a source map'],
  [/(?<!\.d)\.(ts|tsx|mts|cts)$/, 'a TypeScript source']
]

/** Bare package name of a specifier ('@a/b/c' → '@a/b'), or null for relative and built-in ones. */
function packageOf(spec) {
  if (spec.startsWith('.') || spec.startsWith('/') || isBuiltin(spec) || spec === 'electron') return null
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function specifiers(text, cjs) {
  const out = []
  for (const m of text.matchAll(IMPORTS)) out.push(m[1] ?? m[2] ?? m[3])
  if (cjs) for (const m of text.matchAll(REQUIRES)) out.push(m[1])
  return out
}

/**
 * Follows every import from `entries` in a file tree (`read(path)` → text or null, `/`-rooted posix
 * paths): relative files, and for each package every file it has that requires others.
 * Returns the files reached and what could not be found.
 */
export function importClosure(entries, read, list) {
  const seen = new Set()
  const missing = []
  const packages = new Set()
  const todo = entries.map((file) => ({ file, from: 'entry' }))
  const findPackage = (name, fromFile) => {
    for (let dir = posix.dirname(fromFile); ; dir = posix.dirname(dir)) {
      const root = posix.join(dir, 'node_modules', name)
      if (read(posix.join(root, 'package.json')) !== null) return root
      if (dir === '/') return null
    }
  }
  while (todo.length) {
    const { file, from } = todo.pop()
    if (seen.has(file)) continue
    const text = read(file)
    if (text === null) {
      missing.push(`${file} (imported by ${from})`)
      continue
    }
    seen.add(file)
    for (const spec of specifiers(text, !file.endsWith('.mjs') || file.includes('/node_modules/'))) {
      if (spec.startsWith('.')) {
        const target = posix.join(posix.dirname(file), spec)
        todo.push({ file: read(target) !== null || !read(`${target}.js`) ? target : `${target}.js`, from: file })
        continue
      }
      const name = packageOf(spec)
      if (!name) continue
      const root = findPackage(name, file)
      if (!root) {
        missing.push(`package ${name} (imported by ${file})`)
        continue
      }
      if (packages.has(root)) continue
      packages.add(root)
      // Every script of the package: whatever entry point a condition picks, what it requires is there.
      for (const f of list(root))
        if (/\.(c|m)?js$/.test(f) && !f.slice(root.length).includes('/node_modules/'))
          todo.push({ file: f, from: file })
    }
  }
  return { files: [...seen], packages: [...packages], missing }
}

/** Where the packaged app's resources and executable are, for each platform's layout. */
export function locate(appOutDir) {
  const app = readdirSync(appOutDir).find((f) => f.endsWith('.app'))
  if (app) {
    const name = app.slice(0, -'.app'.length)
    return {
      platform: 'darwin',
      resources: join(appOutDir, app, 'Contents', 'Resources'),
      executable: join(appOutDir, app, 'Contents', 'MacOS', name)
    }
  }
  const exe = readdirSync(appOutDir).find((f) => f.endsWith('.exe') && !/^(Uninstall|elevate)/i.test(f))
  if (exe) return { platform: 'win32', resources: join(appOutDir, 'resources'), executable: join(appOutDir, exe) }
  const config = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'electron-builder.yml'), 'utf8')
  const name = /^\s*executableName:\s*(\S+)/m.exec(config)?.[1] ?? 'folio'
  return { platform: 'linux', resources: join(appOutDir, 'resources'), executable: join(appOutDir, name) }
}

/** Inspects a packaged app; `problems` is empty when it is right. */
export async function inspectPackage(appOutDir, { electronVersion, arch = process.arch } = {}) {
  const { platform, resources, executable } = locate(appOutDir)
  const archive = join(resources, 'app.asar')
  const unpackedDir = `${archive}.unpacked`
  const problems = []
  if (!existsSync(archive)) return { problems: [`${archive} is missing`], platform }
  const entries = asar.listPackage(archive, { isPack: false }).map((e) => e.replace(/\\/g, '/'))
  const files = new Set(entries)
  const inArchive = (p) => {
    if (!files.has(p)) return null
    try {
      return asar.extractFile(archive, p.slice(1)).toString('utf8')
    } catch {
      return null // a folder
    }
  }
  const listArchive = (root) => entries.filter((e) => e.startsWith(`${root}/`))
  const onDisk = (root) => (p) => (existsSync(join(root, p)) && !p.endsWith('/') ? tryRead(join(root, p)) : null)
  const tryRead = (f) => {
    try {
      return readFileSync(f, 'utf8')
    } catch {
      return null
    }
  }
  const listDisk = (root) => (dir) => walk(join(root, dir)).map((f) => posix.join(dir, f))
  const isUnpacked = (p) => existsSync(join(unpackedDir, p)) && asar.statFile(archive, p.slice(1)).unpacked === true

  // The main bundle, the preload, the renderer.
  const pkg = JSON.parse(inArchive('/package.json') ?? '{}')
  const main = posix.join('/', pkg.main ?? '')
  if (main !== '/out/main/index.js' || !files.has(main))
    problems.push(`package.json's main is ${pkg.main}, not out/main/index.js in the archive`)
  const mainText = inArchive(main) ?? ''
  if (!files.has('/out/preload/index.cjs')) problems.push('the preload out/preload/index.cjs is not in the archive')
  if (!mainText.includes('../preload/index.cjs')) problems.push('the main bundle does not load ../preload/index.cjs')
  const html = inArchive('/out/renderer/index.html')
  if (html === null) problems.push('the renderer out/renderer/index.html is not in the archive')
  const assets = [...(html ?? '').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => `/out/renderer/${m[1]}`)
  if (html !== null && assets.length === 0) problems.push('index.html references no assets')
  for (const a of assets) if (!files.has(a)) problems.push(`the renderer asset ${a} is not in the archive`)

  // Nothing that must not ship.
  for (const e of entries) for (const [re, what] of FORBIDDEN) if (re.test(e)) problems.push(`${e} ships: ${what}`)
  if (entries.some((e) => e.startsWith('/node_modules/better-sqlite3/build')))
    problems.push("node_modules' better-sqlite3 build (the Node one) ships")

  // Every package the main bundle imports is in the archive, with what it requires.
  const mainEntries = entries.filter((e) => /^\/out\/main\/[^/]+\.js$/.test(e) && !e.endsWith('-worker.js'))
  const mainClosure = importClosure(mainEntries, inArchive, listArchive)
  for (const m of mainClosure.missing) problems.push(`main bundle: ${m} is not in the archive`)

  // The workers and everything they load: unpacked, complete on disk beside the archive.
  const workers = entries.filter((e) => /^\/out\/main\/[^/]+-worker\.js$/.test(e))
  if (workers.length === 0) problems.push('no worker scripts (out/main/*-worker.js) in the package')
  const workerClosure = importClosure(workers, onDisk(unpackedDir), listDisk(unpackedDir))
  for (const m of workerClosure.missing) problems.push(`worker: ${m} is not unpacked in app.asar.unpacked`)
  for (const f of workerClosure.files)
    if (files.has(f) && !isUnpacked(f)) problems.push(`worker: ${f} is not marked unpacked in the archive`)

  // better-sqlite3 for Electron's ABI, where native.ts looks when packaged.
  const version = electronVersion ?? tryRead(join(appOutDir, 'version'))?.trim()
  const binding = version ? electronNativeBindingPath(unpackedDir, version, platform, arch) : null
  if (!binding || !existsSync(binding))
    problems.push(`better-sqlite3's Electron build is missing: ${binding ?? '(Electron version unknown)'}`)

  // Fuses: flipped by the afterPack hook on a real Electron; the stand-in has none.
  let fuses = 'skipped: the executable is the stand-in Electron, which has no fuses'
  const head = tryRead(executable)?.slice(0, hook.STAND_IN_MARKER.length)
  if (head !== hook.STAND_IN_MARKER) {
    const { getCurrentFuseWire, FuseV1Options, FuseState } = require('@electron/fuses')
    const wire = await getCurrentFuseWire(executable)
    const wanted = hook.fuseSettings(platform)
    for (const [name, on] of Object.entries(wanted)) {
      const state = wire[FuseV1Options[name]]
      if (state !== (on ? FuseState.ENABLE : FuseState.DISABLE))
        problems.push(`fuse ${name} is not ${on ? 'on' : 'off'}`)
    }
    fuses = `checked: ${Object.entries(wanted)
      .map(([n, on]) => `${n} ${on ? 'on' : 'off'}`)
      .join(', ')}`
  }
  return {
    problems,
    platform,
    resources,
    executable,
    binding,
    fuses,
    workers,
    workerFiles: workerClosure.files,
    entries
  }
}

function walk(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)).map((f) => `${d.name}/${f}`) : [d.name]
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, ...rest] = process.argv.slice(2)
  if (!dir) {
    console.error(
      'usage: node resources/build/check-package.mjs <dist/linux-unpacked|dist/mac|dist/win-unpacked> [--arch x64]'
    )
    process.exit(2)
  }
  const archAt = rest.indexOf('--arch')
  const r = await inspectPackage(dir, { arch: archAt >= 0 ? rest[archAt + 1] : process.arch })
  console.log(`Folio package at ${dir} (${r.platform}):`)
  console.log(`  better-sqlite3 for Electron: ${r.binding}`)
  console.log(`  workers (unpacked): ${r.workers?.join(', ')}`)
  console.log(`  fuses: ${r.fuses}`)
  for (const p of r.problems) console.log(`  PROBLEM: ${p}`)
  console.log(r.problems.length ? `${r.problems.length} problem(s)` : 'OK')
  process.exitCode = r.problems.length ? 1 : 0
}
