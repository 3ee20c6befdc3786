#!/usr/bin/env node
// prestart / predev: make sure the Electron app can start, without ever touching the Node build.
//
// 1. Electron's binary: electron >= 45 downloads it lazily on first use. If it is missing we run
//    electron's own install.js once; when that cannot download (offline), we say so and point
//    to the browser door (`npx folio serve`), exiting non-zero so `npm start` stops cleanly.
// 2. better-sqlite3 for Electron's ABI, in the git-ignored .electron-native/<ver>-<plat>-<arch>/
//    (skipped when present): a COPY of node_modules/better-sqlite3 gets prebuild-install
//    --runtime electron, or failing that node-gyp rebuild against Electron's headers; the built
//    better_sqlite3.node is moved into place. node_modules/better-sqlite3 stays the Node build.
//
// Usage: node resources/build/electron-native.mjs [--force] [--native-only] [--skip-native]
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BINDING_FILE, electronNativeBindingPath } from './native-path.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BROWSER_HINT = 'Use Folio in your browser instead: npx folio serve'

/** Where node_modules/electron is and whether its binary is there, without downloading it. */
export function electronBinaryStatus(electronDir = join(ROOT, 'node_modules', 'electron'), env = process.env) {
  if (!existsSync(join(electronDir, 'package.json'))) {
    return { ok: false, version: null, reason: 'the electron package is not installed (run npm install)' }
  }
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  let rel = null
  try {
    rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim()
  } catch {
    return { ok: false, version, reason: 'the binary has not been downloaded yet' }
  }
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, rel)
    : join(electronDir, 'dist', rel)
  try {
    if (statSync(executable).isFile()) return { ok: true, version, executable }
  } catch {
    // fall through
  }
  return { ok: false, version, reason: `${executable} is missing` }
}

const NETWORK =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed|network connectivity|getaddrinfo/i

/** The most telling line of a failed download or build (the network error, else the error, not the stack). */
export function downloadFailureReason(output) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(at |gyp ERR! stack at )/.test(l))
  const line =
    lines.find((l) => NETWORK.test(l)) ?? lines.find((l) => /ERR!|error|failed|40\d|50\d/i.test(l)) ?? lines[0]
  if (!line) return 'no output'
  const text = line.replace(/^gyp (ERR!|WARN|info) (stack )?/, '').replace(/^prebuild-install (warn|info|ERR!) /, '')
  return `${text.slice(0, 300)}${NETWORK.test(line) ? ' (is this machine offline?)' : ''}`
}

/** Runs electron's own install.js (the lazy download); returns the status afterwards. */
function downloadElectron(electronDir) {
  console.log('[electron-native] Electron binary missing: trying to download it (electron/install.js)…')
  const res = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const status = electronBinaryStatus(electronDir)
  if (status.ok) return status
  const why = res.error ? res.error.message : downloadFailureReason(`${res.stderr}\n${res.stdout}`)
  return { ...status, reason: `install.js exited with ${res.status ?? res.signal}: ${why}` }
}

/** node-gyp as shipped with npm: npm_config_node_gyp, then next to npm_execpath, then npm's global folder. */
export function findNodeGyp(env = process.env, execPath = process.execPath) {
  const candidates = []
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp)
  if (env.npm_execpath)
    candidates.push(join(dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  candidates.push(
    join(dirname(execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  )
  candidates.push(join(dirname(execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')) // Windows
  try {
    candidates.push(createRequire(join(ROOT, 'package.json')).resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not a local dependency
  }
  return candidates.find((c) => c.endsWith('.js') && existsSync(c)) ?? null
}

function run(label, args, cwd) {
  console.log(`[electron-native] ${label}: ${args.map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`)
  const res = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    timeout: 20 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const output = `${res.stdout ?? ''}\n${res.stderr ?? ''}`
  if (res.status === 0) return { ok: true }
  return {
    ok: false,
    reason: res.error
      ? res.error.message
      : `exit ${res.status ?? res.signal}: ${downloadFailureReason(res.stderr || output)}`
  }
}

/**
 * Builds better_sqlite3.node for Electron `version` into .electron-native/. Returns
 * { ok: true, path, method } or { ok: false, reason }.
 */
export function buildElectronNative({
  version,
  platform = process.platform,
  arch = process.arch,
  force = false,
  root = ROOT
} = {}) {
  const target = electronNativeBindingPath(root, version, platform, arch)
  if (!force && existsSync(target) && statSync(target).size > 0) return { ok: true, path: target, method: 'present' }
  const source = join(root, 'node_modules', 'better-sqlite3')
  if (!existsSync(join(source, 'package.json')))
    return { ok: false, reason: 'node_modules/better-sqlite3 is not installed (run npm install)' }
  const prebuildInstall = join(root, 'node_modules', 'prebuild-install', 'bin.js')
  const work = mkdtempSync(join(tmpdir(), 'folio-electron-native-'))
  const copy = join(work, 'better-sqlite3')
  try {
    // A copy without the Node build: node_modules/better-sqlite3 is never modified.
    const skip = join(source, 'build')
    cpSync(source, copy, { recursive: true, filter: (src) => src !== skip && !src.startsWith(skip + sep) })
    const built = join(copy, 'build', 'Release', BINDING_FILE)
    const reasons = []
    let method = null
    if (existsSync(prebuildInstall)) {
      const r = run(
        'prebuild-install',
        [
          prebuildInstall,
          '--runtime',
          'electron',
          '--target',
          version,
          '--arch',
          arch,
          '--platform',
          platform,
          '--verbose'
        ],
        copy
      )
      if (r.ok && existsSync(built)) method = 'prebuild-install'
      else reasons.push(`no prebuilt binary (prebuild-install ${r.ok ? 'produced no file' : r.reason})`)
    } else {
      reasons.push('prebuild-install is not installed (it is a devDependency: run npm install)')
    }
    if (!method) {
      const gyp = findNodeGyp()
      if (platform !== process.platform || arch !== process.arch) {
        reasons.push(`cannot compile for ${platform}-${arch} on ${process.platform}-${process.arch}`)
      } else if (!gyp) {
        reasons.push('node-gyp (shipped with npm) was not found')
      } else {
        const r = run(
          'node-gyp',
          [
            gyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${version}`,
            `--arch=${arch}`,
            '--dist-url=https://electronjs.org/headers'
          ],
          copy
        )
        if (r.ok && existsSync(built)) method = 'node-gyp'
        else reasons.push(`compiling failed (node-gyp ${r.ok ? 'produced no file' : r.reason})`)
      }
    }
    if (!method) return { ok: false, reason: reasons.join('; ') }
    mkdirSync(dirname(target), { recursive: true })
    const partial = `${target}.partial-${process.pid}`
    cpSync(built, partial)
    renameSync(partial, target) // atomic: a half-copied binary is never picked up
    writeFileSync(
      join(dirname(target), 'build-info.json'),
      JSON.stringify({ electron: version, platform, arch, method, builtAt: new Date().toISOString() }, null, 2) + '\n'
    )
    return { ok: true, path: target, method }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Returns the exit code: 0 ready, 1 no Electron binary, 2 no native build. */
export function main(argv = process.argv.slice(2), { root = ROOT } = {}) {
  const force = argv.includes('--force')
  const electronDir = join(root, 'node_modules', 'electron')
  let version
  if (!argv.includes('--native-only')) {
    let status = electronBinaryStatus(electronDir)
    if (!status.ok && status.version) status = downloadElectron(electronDir)
    if (!status.ok) {
      console.error(`\nElectron's binary could not be downloaded (${status.reason}).\n${BROWSER_HINT}\n`)
      return 1
    }
    console.log(`[electron-native] Electron ${status.version}: ${status.executable}`)
    version = status.version
  } else {
    version = electronBinaryStatus(electronDir).version
    if (!version) {
      console.error(`\nThe electron package is not installed (run npm install).\n${BROWSER_HINT}\n`)
      return 1
    }
  }
  if (argv.includes('--skip-native')) return 0
  const built = buildElectronNative({ version, force, root })
  if (!built.ok) {
    console.error(
      `\nbetter-sqlite3 could not be built for Electron ${version} (${process.platform}-${process.arch}): ${built.reason}.\n` +
        'It needs internet access (a prebuilt binary, or Electron headers plus python3, make and a C++ compiler).\n' +
        `${BROWSER_HINT}\n`
    )
    return 2
  }
  console.log(`[electron-native] better-sqlite3 for Electron ${version}: ${built.path} (${built.method})`)
  return 0
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url
  } catch {
    return false
  }
})()
if (invokedDirectly) process.exitCode = main()
