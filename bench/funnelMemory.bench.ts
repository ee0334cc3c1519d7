/**
 * Peak extra memory of funnelReport on the log of funnelReport.bench.ts
 * (1,000,000 leads, 1,389,439 events), against the size of its input.
 *
 * Each case runs in a child process of its own (`--expose-gc`): the child
 * builds the input, collects garbage, and reads its resident set; then it
 * resets the kernel's high-water mark of resident memory (writing 5 to
 * /proc/self/clear_refs, Linux 4.0 and later) and calls funnelReport once.
 * The high-water mark afterwards, less the resident set before, is the
 * call's peak extra memory: what it holds at its fullest, code compiled on
 * the way included. glibc's mmap threshold is fixed for the child, so that
 * a freed large array goes back to the system rather than into a free list
 * the next one is cut from unseen. The input's size is its typed arrays'
 * bytes plus what the JS heap grew by while it was built (strings, objects).
 * Target: peak extra memory under 2 × the input.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { funnelReport } from 'leadmath';
import { LOG_STAGES, sparseId, stageLog } from './data';

const KINDS = ['dense ids', 'sparse ints', 'string ids', 'event objects'] as const;
type Kind = (typeof KINDS)[number];

/** A field of /proc/self/status, in bytes. */
function status(field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  if (line === undefined) throw new Error(`no ${field} in /proc/self/status`);
  return Number.parseInt(line.split(/\s+/)[1]!, 10) * 1024;
}

function child(kind: Kind): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const { leadNo, stageNo, atMs, asOf } = stageLog(1_000_000);
  gc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let events: unknown;
  if (kind === 'event objects') {
    events = leadNo.map((l, i) => ({
      leadId: `L${sparseId(l)}`,
      stage: LOG_STAGES[stageNo[i]!]!,
      at: atMs[i]!,
    }));
  } else {
    events = {
      leadId:
        kind === 'dense ids'
          ? Int32Array.from(leadNo)
          : kind === 'sparse ints'
            ? Int32Array.from(leadNo, sparseId)
            : leadNo.map((l) => `L${sparseId(l)}`),
      stage: Uint8Array.from(stageNo),
      at: Float64Array.from(atMs),
    };
  }
  gc();
  gc();
  // The typed arrays' bytes, and what the JS heap grew by (strings, objects).
  const typed = Object.values(events as object).reduce(
    (sum: number, column: unknown) => sum + (ArrayBuffer.isView(column) ? column.byteLength : 0),
    0,
  );
  const input = typed + Math.max(0, process.memoryUsage().heapUsed - heapBefore);
  const base = status('VmRSS');
  writeFileSync('/proc/self/clear_refs', '5');
  funnelReport(events as never, { stages: LOG_STAGES, asOf });
  const peak = status('VmHWM') - base;
  console.log(JSON.stringify({ kind, rows: leadNo.length, input, peak }));
}

const [mode, kind] = process.argv.slice(2);
if (mode === 'child') {
  child(kind as Kind);
} else {
  console.log(
    '\nfunnelReport peak extra memory, 1,000,000 leads (one child process per case; target < 2 × input)',
  );
  for (const k of KINDS) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), 'child', k],
      // A fixed threshold: every large array is mapped on its own and given
      // back when freed, so the resident set follows what is live.
      { encoding: 'utf8', env: { ...process.env, MALLOC_MMAP_THRESHOLD_: '65536' } },
    );
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('{')) {
      console.log(`  ${k}: could not be measured here (${run.stderr.trim().slice(0, 160)})`);
      continue;
    }
    const { input, peak } = JSON.parse(line) as { input: number; peak: number };
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    console.log(
      `  ${k.padEnd(14)} input ${mb(input).padStart(9)}   peak extra ${mb(peak).padStart(9)}   ${(peak / input).toFixed(2)} × input`,
    );
  }
}
