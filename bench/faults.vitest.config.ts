import { defineConfig } from 'vitest/config';

/** Only for `npm run bench`: the fault scenarios, run once for their figures (bench/fault-figures.run.ts). */
export default defineConfig({
  test: {
    include: ['bench/fault-figures.run.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
