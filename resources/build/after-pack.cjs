// electron-builder afterPack hook (electron-builder.yml: afterPack). Runs after the app is packed
// (app.asar written) and before signing and the installers:
//
// 1. better-sqlite3 for the TARGET's Electron ABI goes into app.asar.unpacked/.electron-native/
//    <electron version>-<platform>-<arch>/better_sqlite3.node, where src/main/shell/native.ts looks when
//    packaged. It comes from .electron-native/ (resources/build/electron-native.mjs builds it, and is asked
//    to here when missing). node_modules' own build is the Node one and is left out of the package
//    (electron-builder.yml "files"); npmRebuild is false: node_modules is never rebuilt.
// 2. Electron fuses (@electron/fuses): no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no --inspect,
//    the app only from app.asar, and the asar's integrity checked where Electron supports it
//    (macOS and Windows). Skipped only for the package test's stand-in Electron (a placeholder
//    executable carrying STAND_IN_MARKER, which has no fuse wire to flip), and the log says so.
'use strict'
const { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readSync } = require('node:fs')
const { dirname, join, resolve } = require('node:path')
const { pathToFileURL } = require('node:url')

const ROOT = resolve(__dirname, '..', '..')
/**
 * builder-util's Arch enum (by value, and by electron-builder's names) -> the name `process.arch`
 * gives on that machine, which is the name src/main/shell/native.ts looks for: electron-builder's
 * `armv7l` is Node's `arm`. A universal macOS app is two builds merged: each has its own arch.
 */
const ARCH_NAMES = {
  0: 'ia32',
  1: 'x64',
  2: 'arm',
  3: 'arm64',
  ia32: 'ia32',
  x64: 'x64',
  armv7l: 'arm',
  arm64: 'arm64'
}

function archName(arch) {
  const name = ARCH_NAMES[arch]
  if (!name) throw new Error(`No better-sqlite3 build can be named for the arch ${JSON.stringify(arch)}`)
  return name
}

/** First line of the package test's stand-in Electron executable (tests/unit/packaging/). */
const STAND_IN_MARKER = '#!/bin/sh\n# folio: stand-in Electron executable for the package test'

/** Is this executable the package test's stand-in (not Electron: it has no fuses)? */
function isStandInExecutable(file) {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(STAND_IN_MARKER.length)
    readSync(fd, head, 0, head.length, 0)
    return head.toString('utf8') === STAND_IN_MARKER
  } finally {
    closeSync(fd)
  }
}

function electronVersion(context) {
  const fromFramework =
    context.packager &&
    context.packager.info &&
    context.packager.info.framework &&
    context.packager.info.framework.version
  return fromFramework || require(join(ROOT, 'node_modules', 'electron', 'package.json')).version
}

/** Where the packaged app's Resources folder is (macOS: inside the .app bundle). */
function resourcesDir(context) {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    return join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
  }
  return join(context.appOutDir, 'resources')
}

function executablePath(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName || name.toLowerCase())
  }
}

/** The fuses for a platform (FuseV1Options keys by name; see @electron/fuses). */
function fuseSettings(platform) {
  const integrity = platform === 'darwin' || platform === 'mas' || platform === 'win32'
  return {
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: integrity,
    OnlyLoadAppFromAsar: true,
    EnableCookieEncryption: true,
    GrantFileProtocolExtraPrivileges: false
  }
}

/** Copies the target's better-sqlite3 build into app.asar.unpacked; returns the destination. */
async function placeNativeBinding(context, { root = ROOT } = {}) {
  const { electronNativeBindingPath, ELECTRON_NATIVE_DIR } = await import(
    pathToFileURL(join(__dirname, 'native-path.mjs')).href
  )
  const version = electronVersion(context)
  const platform = context.electronPlatformName
  const arch = archName(context.arch)
  const source = electronNativeBindingPath(root, version, platform, arch)
  if (!existsSync(source)) {
    const { buildElectronNative } = await import(pathToFileURL(join(__dirname, 'electron-native.mjs')).href)
    const built = buildElectronNative({ version, platform, arch, root })
    if (!built.ok) {
      throw new Error(
        `better-sqlite3 for Electron ${version} (${platform}-${arch}) is missing and could not be built: ${built.reason}`
      )
    }
  }
  const unpacked = join(resourcesDir(context), 'app.asar.unpacked')
  const target = electronNativeBindingPath(unpacked, version, platform, arch)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(source, target)
  console.log(
    `  • folio: better-sqlite3 for Electron ${version} ${platform}-${arch} -> ${join('app.asar.unpacked', ELECTRON_NATIVE_DIR)}`
  )
  return target
}

async function flipFusesFor(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')
  const settings = fuseSettings(context.electronPlatformName)
  const config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && archName(context.arch) === 'arm64'
  }
  for (const [name, value] of Object.entries(settings)) config[FuseV1Options[name]] = value
  await flipFuses(executablePath(context), config)
}

/** `root`: where `.electron-native/` is (the project; the package test passes its own). */
exports.default = async function afterPack(context, { root = ROOT } = {}) {
  await placeNativeBinding(context, { root })
  const executable = executablePath(context)
  if (isStandInExecutable(executable)) {
    console.log(`  • folio: fuses NOT flipped: ${executable} is the package test's stand-in, not Electron`)
    return
  }
  await flipFusesFor(context)
}
exports.STAND_IN_MARKER = STAND_IN_MARKER
exports.archName = archName
exports.fuseSettings = fuseSettings
exports.placeNativeBinding = placeNativeBinding
exports.executablePath = executablePath
exports.resourcesDir = resourcesDir
