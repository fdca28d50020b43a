import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      // The web app's unit tests sit beside its code.
      'web/src/**/*.test.ts',
      'e2e/**/*.e2e.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database and browser tests share one machine's two cores; keep parallelism modest.
    maxWorkers: 2,
  },
});
