// Time per kernel kind inside compiled programs: where a benchmark op spends its time, or, given
// two ops, where the first spends more than the second (maml against fomaml: the second order).
// Usage: node scripts/run-ts.mjs bench/profile.ts [small|medium|lander] [grad|hvp|maml|fomaml] [op to compare]
// Each kernel's time is its median over the runs, each run timing every kernel in program order.
// `bench/profile.ts run ...` profiles a training run instead, by program and bucket (profile-run.ts).
import type { TraceStep } from '../src/autodiff/apply.js';
import { type BenchOp, compileOp, makeWorkload } from '../src/workloads/standard-workloads.js';

if (process.argv[2] === 'run') {
  await import('./profile-run.js');
  process.exit(0);
}

const sizes: Record<string, [number[], number]> = { small: [[4, 32, 32, 2], 200], medium: [[4, 64, 64, 2], 2000], lander: [[8, 64, 64, 4], 4000] };
const [dims, states] = sizes[process.argv[2] ?? 'medium'];
const ops = [process.argv[3] ?? 'grad', ...process.argv.slice(4, 5)] as BenchOp[];
const w = makeWorkload(dims, states, 1);
const runs = 100;

function kind(s: TraceStep): string {
  const a = s.attrs as { k?: number; transA?: boolean; transB?: boolean } | null;
  const gemm = a !== null && typeof a === 'object' && a.k !== undefined ? ` k=${a.k}${a.transA ? ' tA' : ''}${a.transB ? ' tB' : ''}` : '';
  return `${s.op.name} ${JSON.stringify(s.out.shape)}${gemm}`;
}

/** Microseconds per run and kernel count by kind. */
function profile(op: BenchOp): Map<string, { us: number; count: number }> {
  const steps = compileOp(w, op, 0.1).trace;
  const times = steps.map(() => new Float64Array(runs));
  for (let r = -10; r < runs; r++) {
    steps.forEach((s, i) => {
      const t0 = performance.now();
      s.op.forward(s.out.data, s.inputs, s.attrs, s.out.shape);
      if (r >= 0) times[i][r] = performance.now() - t0;
    });
  }
  const byKind = new Map<string, { us: number; count: number }>();
  steps.forEach((s, i) => {
    const e = byKind.get(kind(s)) ?? { us: 0, count: 0 };
    e.us += times[i].sort()[runs >> 1] * 1000;
    e.count++;
    byKind.set(kind(s), e);
  });
  return byKind;
}

const total = (m: Map<string, { us: number }>): number => [...m.values()].reduce((t, e) => t + e.us, 0);
const [first, second] = ops.map(profile);
console.log(`${dims.join('x')} b${states}: ${ops.map((op, i) => `${op} ${total([first, second][i]).toFixed(0)} us`).join(', ')}`);
if (second === undefined) {
  for (const [k, e] of [...first].sort((a, b) => b[1].us - a[1].us)) {
    console.log(`${e.us.toFixed(1).padStart(9)} us  x${String(e.count).padStart(2)}  ${k}`);
  }
} else {
  console.log(`${ops[0]} - ${ops[1]} by kernel kind (us; count in each):`);
  const kinds = [...new Set([...first.keys(), ...second.keys()])];
  const diff = (k: string): number => (first.get(k)?.us ?? 0) - (second.get(k)?.us ?? 0);
  for (const k of kinds.sort((a, b) => diff(b) - diff(a))) {
    if (Math.abs(diff(k)) < 1) continue;
    console.log(`${diff(k).toFixed(1).padStart(9)}  x${String(first.get(k)?.count ?? 0).padStart(2)} x${String(second.get(k)?.count ?? 0).padStart(2)}  ${k}`);
  }
}
