// The ONE place that names the better-sqlite3 build for Electron's ABI. Imported by
// resources/build/electron-native.mjs (plain Node, the prestart/predev step) and by src/main/shell/native.ts
// (bundled into the main process), so the folder the script fills is the folder main reads.
import { join } from 'node:path'

/** Git-ignored folder (under the app/project root) holding per-runtime native builds. */
export const ELECTRON_NATIVE_DIR = '.electron-native'
export const BINDING_FILE = 'better_sqlite3.node'

const SAFE = /^[0-9A-Za-z._-]+$/

/** `<electron version>-<platform>-<arch>`, e.g. `45.5.0-linux-x64`. */
export function electronNativeName(electronVersion, platform, arch) {
  for (const [what, value] of [
    ['Electron version', electronVersion],
    ['platform', platform],
    ['arch', arch]
  ]) {
    if (typeof value !== 'string' || !SAFE.test(value) || value === '.' || value === '..') {
      throw new Error(`Invalid ${what} for the native build folder: ${JSON.stringify(value)}`)
    }
  }
  return `${electronVersion}-${platform}-${arch}`
}

/** `<root>/.electron-native/<version>-<platform>-<arch>/better_sqlite3.node` */
export function electronNativeBindingPath(root, electronVersion, platform, arch) {
  return join(root, ELECTRON_NATIVE_DIR, electronNativeName(electronVersion, platform, arch), BINDING_FILE)
}
