import { defineConfig } from 'vitest/config'

/** What every suite runs with (the projects below do not inherit the root's setup, run once). */
const common = { testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' } as const

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, where
    // most suites wait on a browser, PostgreSQL, fsync or a child process. Two keep both busy.
    maxWorkers: 2,
    globalSetup: ['tests/setup/global.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'machines',
          include: ['tests/machines/**/*.test.ts'],
          // The machines' suites are pure (no store, no server, no process state): files in one
          // worker share the modules they import (every plan version, built once per worker
          // instead of once per file), which saves about a sixth of their time.
          isolate: false,
        },
      },
      {
        test: {
          ...common,
          name: 'service',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/machines/**'],
        },
      },
    ],
  },
})
