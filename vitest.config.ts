import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The failure suite runs on its own (npm run test:chaos, vitest.chaos.config.ts).
    exclude: [...configDefaults.exclude, 'test/chaos/**'],
    // Temporal's workflow sandbox (wasm memory, native bridge) wants processes, not threads.
    pool: 'forks',
    // Files run side by side, each in a database of its own; most of their time is spent waiting on the stack.
    fileParallelism: true,
    maxWorkers: Number(process.env.TEST_MAX_WORKERS ?? 4),
    testTimeout: 60_000,
    // The first run on a machine may build the Temporal CLI (a few minutes).
    hookTimeout: 180_000,
    globalSetup: './test/global-setup.ts',
    setupFiles: ['./test/support/file-database.ts'],
  },
});
