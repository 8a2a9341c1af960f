// Autodiff micro-benchmarks on the standard workloads of bench/torch/cases.json.
// `--json` prints exactly {"cases": {name: {grad, hvp, maml, fomaml}}} in median microseconds.
// `--threads 2` runs large gemms on two threads (gemm-threads.ts), as `--threads 1` (default) on one.
import { readFileSync } from 'node:fs';
import { startGemmHelper } from '../src/cli/kernel-threads.js';
import { enableGemmThreads, gemmThreadsReady } from '../src/kernels/gemm-threads.js';
import { Bench } from 'tinybench';
import { type BenchOp, benchOps, compileOp, makeWorkload, programInputs } from '../src/workloads/standard-workloads.js';

interface Cases {
  alpha: number;
  cases: { name: string; dims: number[]; states: number }[];
  reference_pytorch_1_13_cpu_float64_openblas_1_thread_us: Record<string, Record<BenchOp, number>>;
}

const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--case='))?.slice('--case='.length);
const spec = JSON.parse(readFileSync('bench/torch/cases.json', 'utf8')) as Cases;
const threadsAt = process.argv.indexOf('--threads');
const threads = threadsAt < 0 ? 1 : Number(process.argv[threadsAt + 1]);
if (threads !== 1 && threads !== 2) throw new Error(`--threads is ${process.argv[threadsAt + 1]}, expected 1 or 2`);
if (threads === 2) {
  if (!enableGemmThreads(startGemmHelper)) throw new Error('--threads 2 needs shared WebAssembly memory, which this runtime lacks');
  while (!gemmThreadsReady()) await new Promise((r) => setTimeout(r, 10));
}
const torch = spec.reference_pytorch_1_13_cpu_float64_openblas_1_thread_us;

/**
 * Heap and ArrayBuffer bytes allocated per call, from usage deltas over warm calls: the least of
 * several attempts, since a garbage collection (negative delta) or the JIT compiling code on the
 * heap (a one-off) can fall inside one.
 */
function bytesPerCall(fn: () => void, calls = 20): { heap: number; buffers: number } {
  let best = { heap: Infinity, buffers: Infinity };
  for (let attempt = 0; attempt < 5; attempt++) {
    const before = process.memoryUsage();
    for (let i = 0; i < calls; i++) fn();
    const after = process.memoryUsage();
    const heap = (after.heapUsed - before.heapUsed) / calls;
    const buffers = (after.arrayBuffers - before.arrayBuffers) / calls;
    if (heap >= 0 && buffers >= 0 && heap < best.heap) best = { heap, buffers };
  }
  return best.heap === Infinity ? { heap: NaN, buffers: NaN } : best;
}

const results: Record<string, Record<string, number>> = {};
const memory: Record<string, Record<string, { heap: number; buffers: number }>> = {};
/**
 * The ops of a case take turns: ROUNDS short tinybench runs of all four, and each op's time is the
 * median of its round medians. A slow spell of the machine then lands on every op of a round
 * rather than on whichever op was running, which keeps the ratios between ops honest.
 */
const ROUNDS = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

for (const c of spec.cases) {
  if (only !== undefined && c.name !== only) continue;
  const w = makeWorkload(c.dims, c.states, 2024);
  const calls: [BenchOp, () => void][] = [];
  memory[c.name] = {};
  for (const op of benchOps) {
    const program = compileOp(w, op, spec.alpha);
    const inputs = programInputs(w, op);
    const call = (): void => void program.runWith(inputs);
    // Warm until the JIT has settled (at least 20 calls and 300 ms), so the probe sees the steady state.
    for (let i = 0, t0 = performance.now(); i < 20 || performance.now() - t0 < 300; i++) call();
    memory[c.name][op] = bytesPerCall(call);
    calls.push([op, call]);
  }
  const rounds: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: 300, warmupTime: round === 0 ? 300 : 50, iterations: 5 });
    for (const [op, call] of calls) bench.add(op, call);
    await bench.run();
    for (const task of bench.tasks) {
      const r = task.result;
      if (r.state !== 'completed') throw new Error(`benchmark ${c.name}/${task.name} ended ${r.state}`);
      (rounds[task.name] ??= []).push(r.latency.p50 * 1000);
    }
  }
  results[c.name] = {};
  for (const op of benchOps) results[c.name][op] = Math.round(median(rounds[op]) * 10) / 10;
}

if (json) {
  console.log(JSON.stringify({ cases: results }));
} else {
  console.log('median microseconds per op (ours | PyTorch 1.13 CPU float64, 1 thread | ratio); bytes allocated per warm call (heap + ArrayBuffer)');
  for (const [name, ops] of Object.entries(results)) {
    console.log(`\n${name}`);
    for (const op of benchOps) {
      const ours = ops[op];
      const ref = torch[name]?.[op];
      const m = memory[name][op];
      console.log(`  ${op.padEnd(7)} ${ours.toFixed(0).padStart(8)} | ${String(ref ?? '-').padStart(6)} | ${ref ? (ours / ref).toFixed(2) + 'x' : '-'}   alloc ${m.heap.toFixed(0)} B heap + ${m.buffers.toFixed(0)} B buffers`);
    }
    console.log(`  hvp/grad ${(ops.hvp / ops.grad).toFixed(2)}   maml/fomaml ${(ops.maml / ops.fomaml).toFixed(2)}`);
  }
}
