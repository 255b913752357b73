import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, where
    // most suites wait on a browser, PostgreSQL, fsync or a child process. Two keep both busy.
    maxWorkers: 2,
    globalSetup: ['tests/setup/global.ts'],
  },
})
