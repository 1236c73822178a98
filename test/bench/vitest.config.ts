import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

/**
 * The bench's own tests: its pure helpers and the `--quick` smoke run (about a minute,
 * needs Chromium and the sqlite3 shell). `npx vitest run --config test/bench/vitest.config.ts`
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/bench/**/*.test.ts'],
    testTimeout: 300_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/bench.json' }]] : ['default'],
  },
});
