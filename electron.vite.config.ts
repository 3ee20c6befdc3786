import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META, CSP_PLACEHOLDER } from './src/shared/csp'

/** index.html's CSP <meta> is written from src/shared/csp.ts, the policy both doors also send as a header. */
const cspMeta = (): Plugin => ({
  name: 'folio-csp-meta',
  transformIndexHtml: (html) => {
    if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} for the CSP`)
    return html.replace(CSP_PLACEHOLDER, CONTENT_SECURITY_POLICY_META)
  }
})

// Three bundles: main (Node, ESM), preload (sandboxed => one CommonJS file; it carries the method
// names and the IPC transport, not the contract's zod schemas; only `electron` stays external), renderer (React).
export default defineConfig({
  main: {
    build: {
      // Plain-JS dependencies are bundled, so the worker scripts (which the packaged app runs from
      // app.asar.unpacked, docs/packaging.md) need only two packages beside them: better-sqlite3
      // (native: loaded from the per-runtime binary at run time) and fflate (its Node build declares
      // its own `require`, which clashes with the bundle's).
      externalizeDeps: { exclude: ['@retorquere/bibtex-parser', 'saxes', 'stemmer', 'yaml', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/shell/index.ts'),
          // Imports run in a worker thread (see src/main/import/run-in-worker.ts).
          'import-worker': resolve(__dirname, 'src/main/import/worker.ts'),
          // A big file is parsed in a worker thread while the importer writes (src/main/import/digest-stream.ts).
          'parse-worker': resolve(__dirname, 'src/main/import/parse-worker.ts'),
          // Backup, restore and notes export run in a worker thread (src/main/backup/run-job-in-worker.ts).
          'job-worker': resolve(__dirname, 'src/main/backup/job-worker.ts'),
          // For you's ranking runs in a worker thread (src/main/ranking/service.ts).
          'rank-worker': resolve(__dirname, 'src/main/ranking/worker.ts'),
          // The `folio` CLI, bundled so it starts fast (src/main/cli/folio.mjs prefers it when fresh).
          cli: resolve(__dirname, 'src/main/cli/main.ts')
        }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // Minified: a third of the bytes to parse before the first feed page can paint.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    plugins: [react(), cspMeta()]
  }
})
