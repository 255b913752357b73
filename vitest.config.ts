import { defineConfig } from 'vitest/config'

/** What every suite runs with (the projects below do not inherit the root's setup, run once). */
const common = { testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' } as const

/** Folders of tests/ whose files share their worker's modules (isolate: false). */
const SHARED = [
  'machines',
  'http',
  'engine',
  'diagrams',
  'calendar',
  'documents',
  'contract',
  'audit',
  'notify',
  'store',
]

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
          name: 'shared',
          include: SHARED.map((dir) => `tests/${dir}/**/*.test.ts`),
          // These suites run in one process and leave no process state behind: files in one
          // worker share the modules they import (every plan version, the engine, the app)
          // instead of importing them anew per file, which cuts the run by minutes.
          isolate: false,
          // What a suite spied on, stubbed or faked is undone after each test, so no file of a
          // worker sees another's (each of today's suites undoes its own as well).
          restoreMocks: true,
          unstubEnvs: true,
          unstubGlobals: true,
        },
      },
      {
        test: {
          ...common,
          name: 'isolated',
          include: ['tests/**/*.test.ts'],
          // Suites that start servers, browsers or nodes, kill processes, or harden the process:
          // each file in a fresh worker.
          exclude: SHARED.map((dir) => `tests/${dir}/**`),
        },
      },
    ],
  },
})
