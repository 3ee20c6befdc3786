/**
 * Which better-sqlite3 binary the main process loads. Under Electron (process.versions.electron
 * set, app not packaged) it is the build for Electron's ABI that `scripts/electron-native.mjs`
 * (prestart/predev) put in `.electron-native/`; under plain Node it is the default build in
 * node_modules (undefined here). A packaged app ships a binary rebuilt for its target by
 * electron-builder, so it too uses the default. No electron import: plain, testable.
 */
import { existsSync } from 'node:fs'
import { electronNativeBindingPath } from '../../scripts/native-path.mjs'

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
  if (!electron || env.isPackaged) return undefined
  return electronNativeBindingPath(env.appPath, electron, env.platform, env.arch)
}

/** Like nativeBindingFor, but explains what to do when the Electron build is missing. */
export function requireNativeBinding(env: NativeEnv, exists: (p: string) => boolean = existsSync): string | undefined {
  const path = nativeBindingFor(env)
  if (path && !exists(path)) {
    throw new Error(
      `better-sqlite3 has not been built for Electron ${String(env.versions.electron)} (${env.platform}-${env.arch}).\n` +
        `Expected: ${path}\nRun "node scripts/electron-native.mjs" (npm start and npm run dev do this first).`
    )
  }
  return path
}
