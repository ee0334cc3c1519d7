/**
 * Runs every example in this folder against the built package and fails if
 * any of them exits non-zero. Used by `npm test`.
 */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const examples = readdirSync(here)
  .filter((name) => name.endsWith('.ts') && name !== self)
  .sort();

let failed = 0;
for (const name of examples) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], {
    encoding: 'utf8',
  });
  if (result.status === 0) {
    console.log(`example ${name}: ok`);
  } else {
    failed++;
    console.error(`example ${name}: exit ${result.status}\n${result.stdout}${result.stderr}`);
  }
}
if (failed > 0) process.exit(1);
