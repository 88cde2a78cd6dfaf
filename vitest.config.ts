import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'codemods/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // One worker per core, not vitest's cores − 1: the main process only waits, and on a 2-core CI machine
    // one worker would run the suite serially (~870 s instead of ~500 s). Test files share no folder or port.
    maxWorkers: availableParallelism(),
    // Tests that run the CLI or ESLint on whole apps share the cores with the other worker.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
