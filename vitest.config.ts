import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          // The fuzz suites (tens of thousands of frames) are CPU-bound: on a loaded 2-core machine
          // they can pass 5 s. A longer limit catches hangs without failing on a busy host.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // Real browsers and full simulated drafts: long, and never in parallel on a 2-core machine.
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // After the unit tests, never beside them: the browsers need both cores.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
