// Types for native-path.mjs (plain JS so the Node script can import it without a build step).
export declare const ELECTRON_NATIVE_DIR: '.electron-native'
export declare const BINDING_FILE: 'better_sqlite3.node'
export declare function electronNativeName(electronVersion: string, platform: string, arch: string): string
export declare function electronNativeBindingPath(
  root: string,
  electronVersion: string,
  platform: string,
  arch: string
): string
