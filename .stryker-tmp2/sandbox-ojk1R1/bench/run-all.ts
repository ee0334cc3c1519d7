/** Runs every benchmark in this folder against the built package (`npm run bench`). */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const name of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
if (failed > 0) process.exit(1);
