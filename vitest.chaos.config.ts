import { defineConfig } from 'vitest/config';

/**
 * The failure suite (`npm run test:chaos`): test/chaos/, on the
 * production-like topology each file starts itself (src/dev/prod-like.ts).
 * Kept out of `npm test`, whose time it would double.
 */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    pool: 'forks',
    // One stack at a time: each file runs a whole topology on the machine's cores.
    fileParallelism: false,
    testTimeout: 600_000,
    // The first run on a machine may build the Temporal server (about 12 minutes).
    hookTimeout: 1_200_000,
  },
});
