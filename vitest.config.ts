import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Temporal's workflow sandbox (wasm memory, native bridge) wants processes, not threads.
    pool: 'forks',
    // Tests change global state (policies, the calendar) in the one shared database.
    fileParallelism: false,
    testTimeout: 60_000,
    // The first run on a machine may build the Temporal CLI (a few minutes).
    hookTimeout: 180_000,
    globalSetup: './test/global-setup.ts',
  },
});
