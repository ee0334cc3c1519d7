import { defineConfig } from 'vitest/config';

// The unit and property tests alone, for mutation testing: no type tests, no
// JSON report, the same foreign time zone as `npm test`.
process.env.TZ = 'Asia/Kathmandu';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/docs/**'],
    reporters: ['dot'],
    setupFiles: ['test/_setup/mutation.ts'],
    // One worker that keeps its modules between files: far less overhead per mutant.
    pool: 'threads',
    isolate: false,
    // Instrumented code runs several times slower: the report tests over
    // large columns need more than the default 5 s in the first run.
    testTimeout: 60_000,
  },
});
