/**
 * Runs Stryker on one part of `src/` with the project's configuration, the
 * JSON report written to `reports/mutation/<name>.json`, so that parts can be
 * run one at a time (a whole run takes hours on two cores) and
 * `scripts/survivors.mjs` can read them all together.
 *
 * Usage: `node scripts/mutate-part.mjs <name> <glob> [<glob> …]`, e.g.
 * `node scripts/mutate-part.mjs plan 'src/plan/**\/*.ts'`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const [name, ...globs] = process.argv.slice(2);
if (name === undefined || globs.length === 0) {
  console.error('usage: node scripts/mutate-part.mjs <name> <glob> [<glob> …]');
  process.exit(2);
}
const config = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
config.mutate = [...globs, '!src/index.ts', '!src/**/index.ts'];
config.jsonReporter = { fileName: `reports/mutation/${name}.json` };
const file = `stryker.${name}.config.json`;
writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
try {
  const result = spawnSync('npx', ['stryker', 'run', file], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(file, { force: true });
}
