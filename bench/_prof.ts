import { funnelReport } from '../src/index';
import { LOG_STAGES, sparseId, stageLog } from './data';

const LEADS = 1_000_000;
const { leadNo, stageNo, atMs, asOf } = stageLog(LEADS);
const sparseOf = Int32Array.from({ length: LEADS }, (_, i) => sparseId(i));
const strings = leadNo.map((l) => `L${sparseOf[l]}`);
const dense = Int32Array.from(leadNo);
const stage = Uint8Array.from(stageNo);
const at = Float64Array.from(atMs);
const options = { stages: LOG_STAGES, asOf };
const which = process.argv[2] ?? 'strings';
const input = which === 'strings' ? { leadId: strings, stage, at } : { leadId: dense, stage, at };
const times: number[] = [];
for (let i = 0; i < 15; i++) {
  const t = performance.now();
  funnelReport(input, options);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(which, 'median', times[7]!.toFixed(1), 'min', times[0]!.toFixed(1));
