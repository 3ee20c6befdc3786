import { defineConfig } from 'vitest/config'

// `npm run test:electron`: the real-Electron smoke test (Playwright _electron). Skipped, with the
// reason printed, where Electron's binary is not installed; kept out of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/electron/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000
  }
})
