// @ts-nocheck
import { defineConfig } from 'vitest/config';

// Run every test under a foreign time zone with a non-hour offset, so that
// nothing silently depends on the machine's zone.
process.env.TZ = 'Asia/Kathmandu';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/vitest.json' },
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
