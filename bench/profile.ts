// Time per op kind inside one compiled program: where a benchmark op spends its time.
// Usage: node scripts/run-ts.mjs bench/profile.ts [small|medium|lander] [grad|hvp|maml|fomaml]
import { type BenchOp, compileOp, makeWorkload } from '../src/bench/workloads.js';

const sizes: Record<string, [number[], number]> = { small: [[4, 32, 32, 2], 200], medium: [[4, 64, 64, 2], 2000], lander: [[8, 64, 64, 4], 4000] };
const [dims, states] = sizes[process.argv[2] ?? 'medium'];
const op = (process.argv[3] ?? 'grad') as BenchOp;
const w = makeWorkload(dims, states, 1);
const steps = compileOp(w, op, 0.1).trace;
const totals = new Map<string, { ms: number; count: number }>();
const runs = 200;
for (let r = 0; r < runs + 20; r++) {
  for (const s of steps) {
    const t0 = performance.now();
    s.op.forward(s.out.data, s.inputs, s.attrs, s.out.shape);
    const dt = performance.now() - t0;
    if (r < 20) continue;
    const key = `${s.op.name} ${JSON.stringify(s.out.shape)}${s.op.name === 'matmul' ? ` tA=${(s.attrs as { transA: boolean }).transA} tB=${(s.attrs as { transB: boolean }).transB} k=${(s.attrs as { k: number }).k}` : ''}`;
    const e = totals.get(key) ?? { ms: 0, count: 0 };
    e.ms += dt;
    e.count++;
    totals.set(key, e);
  }
}
let all = 0;
for (const e of totals.values()) all += e.ms;
console.log(`${op} on ${dims.join('x')} b${states}: ${steps.length} kernels, ${((all / runs) * 1000).toFixed(0)} us per run`);
for (const [k, e] of [...totals].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${((e.ms / runs) * 1000).toFixed(1).padStart(8)} us  x${(e.count / runs).toFixed(0).padStart(2)}  ${k}`);
}
