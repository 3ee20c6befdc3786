// Types for electron-native.mjs (the prestart/predev step), for its tests.
export interface BinaryStatus {
  ok: boolean
  version: string | null
  executable?: string
  reason?: string
}
export declare function electronBinaryStatus(electronDir?: string, env?: NodeJS.ProcessEnv): BinaryStatus
export declare function downloadFailureReason(output: string): string
export declare function findNodeGyp(env?: NodeJS.ProcessEnv, execPath?: string): string | null
export declare function buildElectronNative(options?: {
  version?: string
  platform?: string
  arch?: string
  force?: boolean
  root?: string
}): { ok: true; path: string; method: string } | { ok: false; reason: string }
export declare function main(argv?: string[], options?: { root?: string }): number
