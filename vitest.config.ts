import { defineConfig } from 'vitest/config';

// Two projects: fast unit/integration tests (real SQLite files in temp dirs)
// and end-to-end tests that drive Debian's Chromium against browser mode.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Hooks load the demo kindergarten into a file; on a busy two-core machine that takes longer than Vitest's 10 s default.
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
