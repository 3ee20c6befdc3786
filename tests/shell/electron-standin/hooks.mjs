// Node module-resolution hook (module.register): `import 'electron'` / `require('electron')`
// from anywhere resolves to the electron STAND-IN (./index.mjs), never to the real package
// (whose index.js would try to download Electron's binary).
const STANDIN = new URL('./index.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) {
    return { url: STANDIN, format: 'module', shortCircuit: true }
  }
  return nextResolve(specifier, context)
}
