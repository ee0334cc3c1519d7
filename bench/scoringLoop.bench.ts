/**
 * The generated scoring loop alone, against the scoring kernel's loop: the
 * bench model's four behaviour rules over 1M leads × 20 activities, rule
 * bits precomputed for the generated loop (in scoreLeadsColumns they are
 * looked up as rows are read), the kernel branching on type and path. It
 * shows where the time of scoreLeadsColumns is not: in the loop itself.
 */
import { compileLoop } from '../src/scoring/_internal/compiledLoop';
import { interleaved, report } from './harness';
import { asOf, at, DAY, LEADS, PER_LEAD, path, rows, type } from './scoringData';

const PER = PER_LEAD;

// bits: pricing=1 (type0 path0/1), careers=2 (type0 path2), webinar=4 (type1), demo=8 (type2)
const bitsAll = new Uint32Array(rows);
for (let r = 0; r < rows; r++)
  bitsAll[r] =
    type[r] === 0
      ? path[r]! <= 1
        ? 1
        : path[r] === 2
          ? 2
          : 0
      : type[r] === 1
        ? 4
        : type[r] === 2
          ? 8
          : 0;
const loop = compileLoop(
  [
    { points: 10, cap: 30, withinMs: Infinity },
    { points: -10, cap: Infinity, withinMs: Infinity },
    { points: 15, cap: Infinity, withinMs: 60 * DAY },
    { points: 40, cap: Infinity, withinMs: Infinity },
  ],
  asOf,
  60,
)!;
const out = new Float64Array(3);
const local = new Uint32Array(PER);
function viaLoop() {
  let s = 0;
  for (let j = 0; j < LEADS; j++) {
    const from = j * PER;
    for (let k = 0; k < PER; k++) local[k] = bitsAll[from + k]!;
    let to = PER;
    while (to > 0 && at[from + to - 1]! > asOf) to--;
    loop(at, from, local, to, 10, out);
    s += out[0]!;
  }
  return s;
}
function kernel() {
  let s = 0;
  const W = 60 * DAY;
  for (let j = 0; j < LEADS; j++) {
    const from = j * PER;
    let to = from + PER;
    while (to > from && at[to - 1]! > asOf) to--;
    let p = 0,
      c = 0,
      wa = 0,
      wn = 0,
      d = 0,
      tail = from,
      q = NaN,
      last = NaN;
    for (let k = from; k < to; k++) {
      const t = at[k]!;
      const ty = type[k]!;
      const pc = path[k]!;
      if (ty === 0) {
        if (pc <= 1) {
          p++;
          last = t;
        } else if (pc === 2) {
          c++;
          last = t;
        }
      } else if (ty === 1) {
        wa++;
        if (t >= asOf - W) wn++;
        last = t;
      } else if (ty === 2) {
        d++;
        last = t;
      }
      if (!Number.isNaN(q) || (k + 1 < to && at[k + 1] === t)) continue;
      while (tail <= k && at[tail]! < t - W) {
        if (type[tail] === 1) wa--;
        tail++;
      }
      if (10 + Math.min(30, 10 * p) - 10 * c + 15 * wa + 40 * d >= 60) q = t;
    }
    s += Math.min(30, 10 * p) - 10 * c + 15 * wn + 40 * d + last * 0;
  }
  return s;
}
if (viaLoop() !== kernel()) throw new Error('the generated loop and the kernel differ');
report(
  'scoring loop alone, 1,000,000 leads × 20 activities (bits precomputed)',
  interleaved(7, [
    { name: 'kernel loop (type and path branches)', run: kernel },
    { name: 'generated loop (copy bits, then loop)', run: viaLoop },
  ]),
);
