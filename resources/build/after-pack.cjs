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
//    (macOS and Windows).
'use strict'
const { copyFileSync, existsSync, mkdirSync } = require('node:fs')
const { dirname, join, resolve } = require('node:path')
const { pathToFileURL } = require('node:url')

const ROOT = resolve(__dirname, '..', '..')
/** builder-util's Arch enum, by value. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

function archName(arch) {
  return typeof arch === 'string' ? arch : ARCH_NAMES[arch]
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
    pathToFileURL(join(root, 'resources', 'build', 'native-path.mjs')).href
  )
  const version = electronVersion(context)
  const platform = context.electronPlatformName
  const arch = archName(context.arch)
  const source = electronNativeBindingPath(root, version, platform, arch)
  if (!existsSync(source)) {
    const { buildElectronNative } = await import(
      pathToFileURL(join(root, 'resources', 'build', 'electron-native.mjs')).href
    )
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

exports.default = async function afterPack(context) {
  await placeNativeBinding(context)
  await flipFusesFor(context)
}
exports.fuseSettings = fuseSettings
exports.placeNativeBinding = placeNativeBinding
exports.executablePath = executablePath
exports.resourcesDir = resourcesDir
