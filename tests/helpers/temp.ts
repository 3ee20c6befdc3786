/** A fresh library file in its own temp folder, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary, type Library } from '../../src/main/library/index'

export function tempDir(prefix = 'folio-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function tempLibrary(): { lib: Library; dir: string; path: string; cleanup(): void } {
  const { dir, cleanup } = tempDir()
  const path = join(dir, 'library.sqlite')
  const lib = openLibrary(path)
  return {
    lib,
    dir,
    path,
    cleanup() {
      lib.close()
      cleanup()
    }
  }
}

export const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name)
