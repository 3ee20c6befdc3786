export interface PackageInspection {
  /** What is wrong with the package; empty when it is right. */
  problems: string[]
  platform: string
  resources?: string
  executable?: string
  /** Where better-sqlite3's Electron build must be (app.asar.unpacked/.electron-native/…). */
  binding?: string | null
  /** What was checked of the fuses, or why they were not. */
  fuses?: string
  /** The worker scripts in the archive (out/main/*-worker.js). */
  workers?: string[]
  /** Every file the workers load, in app.asar.unpacked. */
  workerFiles?: string[]
  /** Every entry of app.asar. */
  entries?: string[]
}
export function inspectPackage(
  appOutDir: string,
  options?: { electronVersion?: string; arch?: string }
): Promise<PackageInspection>
export function locate(appOutDir: string): { platform: string; resources: string; executable: string }
export function importClosure(
  entries: string[],
  read: (path: string) => string | null,
  list: (root: string) => string[]
): { files: string[]; packages: string[]; missing: string[] }
