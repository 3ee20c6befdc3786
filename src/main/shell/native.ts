/**
 * Which better-sqlite3 binary the main process loads. Under Electron (process.versions.electron
 * set) it is the build for Electron's ABI that `resources/build/electron-native.mjs` (prestart/predev)
 * put in `.electron-native/`: in the project folder in dev/preview, in `app.asar.unpacked/` when
 * packaged (electron-builder's afterPack hook, resources/build/after-pack.cjs, copies it there).
 * Under plain Node it is the default build in node_modules (undefined here). No electron import.
 */
import { existsSync } from 'node:fs'
import { electronNativeBindingPath } from '../../../resources/build/native-path.mjs'

export interface NativeEnv {
  /** Project root in dev/preview (app.getAppPath()). */
  appPath: string
  versions: NodeJS.ProcessVersions | Record<string, string | undefined>
  platform: string
  arch: string
  isPackaged?: boolean
}

/** The nativeBinding path for this runtime, or undefined to use better-sqlite3's default build. */
export function nativeBindingFor(env: NativeEnv): string | undefined {
  const electron = env.versions.electron
  if (!electron) return undefined
  // Packaged: appPath is …/resources/app.asar; the build sits unpacked beside it
  // (resources/build/after-pack.cjs puts it there; a .node file cannot load from inside an asar).
  const root = env.isPackaged ? unpackedRoot(env.appPath) : env.appPath
  return electronNativeBindingPath(root, electron, env.platform, env.arch)
}

/** `…/app.asar` → `…/app.asar.unpacked` (an unpacked app folder stays as it is). */
export function unpackedRoot(appPath: string): string {
  return appPath.replace(/\.asar([\\/]?)$/, '.asar.unpacked$1')
}

/** Like nativeBindingFor, but explains what to do when the Electron build is missing. */
export function requireNativeBinding(env: NativeEnv, exists: (p: string) => boolean = existsSync): string | undefined {
  const path = nativeBindingFor(env)
  if (path && !exists(path)) {
    throw new Error(
      `better-sqlite3 has not been built for Electron ${String(env.versions.electron)} (${env.platform}-${env.arch}).\n` +
        `Expected: ${path}\nRun "node resources/build/electron-native.mjs" (npm start and npm run dev do this first).`
    )
  }
  return path
}
