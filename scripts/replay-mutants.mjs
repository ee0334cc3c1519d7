/**
 * Applies each mutant that survived in a Stryker JSON report to the current
 * source, one at a time, runs the given test files, restores the source, and
 * prints `killed`, `SURVIVED` or `GONE` (the mutated code is no longer there).
 * With `--record`, appends the killed ones to scripts/mutants-killed-after-run.txt,
 * which `scripts/survivors.mjs` reads: the mutants a test added after the run kills.
 *
 * Usage: `node scripts/replay-mutants.mjs report.json src/file.ts [--lines a-b] [--keys file] [--record] test files…`
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';

const [report, file, ...rest] = process.argv.slice(2);
let range = null;
let record = false;
/** Only these mutants (keys as scripts/survivors.mjs --keys prints them), when given. */
let keys = null;
for (;;) {
  if (rest[0] === '--lines') {
    const [a, b] = rest[1].split('-').map(Number);
    range = [a, b ?? a];
    rest.splice(0, 2);
  } else if (rest[0] === '--keys') {
    keys = new Set(readFileSync(rest[1], 'utf8').split('\n').filter(Boolean));
    rest.splice(0, 2);
  } else if (rest[0] === '--record') {
    record = true;
    rest.splice(0, 1);
  } else break;
}
const entry = JSON.parse(readFileSync(report, 'utf8')).files[file];
const current = readFileSync(file, 'utf8');
const src = entry.source;
const srcLines = src.split('\n');
const curLines = current.split('\n');
const restore = () => writeFileSync(file, current);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    restore();
    process.exit(1);
  });
const offsetOf = (lines, line, col) =>
  lines.slice(0, line - 1).reduce((a, l) => a + l.length + 1, 0) + col - 1;
const mutants = entry.mutants.filter(
  (m) =>
    (m.status === 'Survived' || m.status === 'NoCoverage') &&
    (!range || (m.location.start.line >= range[0] && m.location.start.line <= range[1])),
);
for (const m of mutants) {
  const { start, end } = m.location;
  const text = src.slice(
    offsetOf(srcLines, start.line, start.column),
    offsetOf(srcLines, end.line, end.column),
  );
  const lineText = srcLines[start.line - 1];
  // The same line in the current source, nearest to where it was.
  let curLine = -1;
  for (let d = 0; d < 400 && curLine < 0; d++) {
    for (const c of [start.line - 1 + d, start.line - 1 - d]) {
      if (c >= 0 && c < curLines.length && curLines[c] === lineText) {
        curLine = c;
        break;
      }
    }
  }
  const key = `${file}:${start.line}:${start.column}:${m.mutatorName}:${m.replacement}`;
  if (keys !== null && !keys.has(key)) continue;
  const tag = `${file}:${start.line} ${m.mutatorName} ${JSON.stringify(lineText.trim()).slice(0, 90)} -> ${JSON.stringify(m.replacement).slice(0, 80)}`;
  const shift =
    curLine < 0 ? 0 : offsetOf(curLines, curLine + 1, 1) - offsetOf(srcLines, start.line, 1);
  const s = offsetOf(srcLines, start.line, start.column) + shift;
  const e = offsetOf(srcLines, end.line, end.column) + shift;
  if (curLine < 0 || current.slice(s, e) !== text) {
    console.log(`GONE     ${tag}`);
    continue;
  }
  writeFileSync(file, current.slice(0, s) + m.replacement + current.slice(e));
  // The configuration Stryker runs the tests with (one worker, fixed property seed).
  const res = spawnSync(
    'npx',
    ['vitest', 'run', '--config', 'vitest.stryker.config.ts', ...rest, '--bail=1'],
    {
      env: { ...process.env, TZ: 'Asia/Kathmandu' },
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  restore();
  const status = res.error ? 'killed' : res.status === 0 ? 'SURVIVED' : 'killed';
  console.log(`${status.padEnd(8)} ${tag}`);
  if (record && status === 'killed') {
    appendFileSync(new URL('./mutants-killed-after-run.txt', import.meta.url), `${key}\n`);
  }
}
restore();
