// The size from which gemm on two threads beats one (GEMM_THREADS_MIN_MACS), measured as compiled
// programs run it: one thread in place on operands in an arena, two threads copying them into the
// shared memory and the result out. Products of the MLP layers (forward, dX, dW) at batch sizes
// around the threshold; rounds interleave one and two threads product by product (which goes
// first alternating), so that load from other processes falls on both alike.
// Per product, medians over the rounds:
// - wall µs per call, one thread and two, and their ratio one / two (> 1: two threads win;
//   median [min, max] of the rounds' ratios), and the process CPU per wall second with two
//   threads (about 2: both cores busy for the whole call; well below: the helper waited for a core);
// - a model that holds on a loaded machine too, from CPU time, which other processes move far less
//   than wall time: two threads take the copies (timed alone) plus half of one thread's CPU time
//   plus a wake-up of the sleeping helper (--wake-us, default 20: Atomics.notify to a parked
//   thread on an idle core). Its ratio one / two says where the split can pay on a quiet machine;
//   the wall ratio says whether it does.
// Usage: node scripts/run-ts.mjs bench/gemm-threads.ts [--rounds 5] [--ms 60] [--wake-us 20] [--json]
import { startGemmHelper } from '../src/cli/kernel-threads.js';
import { GEMM_THREADS_MIN_MACS, disableGemmThreads, enableGemmThreads, gemmThreadsReady } from '../src/kernels/gemm-threads.js';
import { gemm, gemmWasm } from '../src/kernels/gemm.js';
import { Arena, arenaDoubles, wasmAvailable } from '../src/kernels/wasm/module.js';
import { arg, flag } from './args.js';
import { type GemmProduct, layerProducts } from './gemm-products.js';

const rounds = Number(arg('rounds', '5'));
const msPerCase = Number(arg('ms', '60'));
const wakeUs = Number(arg('wake-us', '20'));

if (!wasmAvailable()) throw new Error('WebAssembly SIMD is not available here: nothing to compare');
if (!enableGemmThreads(startGemmHelper, 1)) throw new Error('no shared WebAssembly memory here: nothing to compare');
while (!gemmThreadsReady()) await new Promise((r) => setTimeout(r, 10));

const products: GemmProduct[] = [];
for (const [inputs, outputs] of [[64, 64], [32, 32]]) {
  for (const batch of [64, 128, 256, 384, 512, 768, 1024, 2000, 4000]) products.push(...layerProducts(batch, inputs, outputs));
}

/** Operands in one arena, as a compiled program holds them, filled with a fixed pattern. */
function operands(p: GemmProduct): Float64Array[] {
  const sizes = [p.m * p.k, p.k * p.n, p.m * p.n];
  const arena = Arena.create(arenaDoubles(sizes));
  return sizes.map((size, s) => {
    const x = arena.alloc(size);
    for (let i = 0; i < size; i++) x[i] = (((i * 7919 + s * 104729) % 2001) - 1000) / 1000;
    return x;
  });
}

/** Wall µs per call and process CPU µs per call of `call`, over about msPerCase. */
function time(call: () => void): { wall: number; cpu: number } {
  for (let i = 0; i < 5; i++) call();
  let calls = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < msPerCase) {
    call();
    calls++;
    t = performance.now();
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: ((t - t0) * 1000) / calls, cpu: (cpu.user + cpu.system) / calls };
}

/** What the two-thread path copies: a, b (and c when accumulating) in, c out. */
function copies(p: GemmProduct): () => void {
  const sizes = [p.m * p.k, p.k * p.n, ...(p.accumulate ? [p.m * p.n] : []), p.m * p.n];
  const from = sizes.map((n) => new Float64Array(n).fill(1));
  const to = new Float64Array(sizes.reduce((t, n) => t + n, 0));
  return () => {
    let at = 0;
    for (const x of from) {
      to.set(x, at);
      at += x.length;
    }
  };
}

const results = products.map(() => ({ one: [] as number[], two: [] as number[], ratio: [] as number[], twoCpu: [] as number[], oneCpu: [] as number[], copyCpu: [] as number[] }));
for (let r = 0; r < rounds; r++) {
  products.forEach((p, i) => {
    const [a, b, c] = operands(p);
    // One thread: the WebAssembly kernel in place; two: gemm(), which splits every size here.
    const run = (threads: 1 | 2) => () => (threads === 1 ? gemmWasm : gemm)(c, a, b, p.m, p.k, p.n, p.transA, p.transB, p.accumulate);
    // Which goes first alternates from round to round.
    const order: (1 | 2)[] = r % 2 === 0 ? [1, 2] : [2, 1];
    const t: Record<number, { wall: number; cpu: number }> = {};
    for (const threads of order) t[threads] = time(run(threads));
    const e = results[i];
    e.one.push(t[1].wall);
    e.two.push(t[2].wall);
    e.ratio.push(t[1].wall / t[2].wall);
    e.twoCpu.push(t[2].cpu / t[2].wall);
    e.oneCpu.push(t[1].cpu);
    e.copyCpu.push(time(copies(p)).cpu);
  });
  process.stderr.write(`round ${r + 1}/${rounds} done\n`);
}
disableGemmThreads();

const median = (xs: number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`gemm, one thread in an arena against two threads, ${rounds} interleaved rounds; GEMM_THREADS_MIN_MACS is ${GEMM_THREADS_MIN_MACS}`);
console.log(`model: two = copies + one thread's CPU / 2 + ${wakeUs} µs wake-up`);
console.log('| product | m*k*n | one thread (µs) | two threads (µs) | one / two | CPU per wall second, two | one thread CPU (µs) | copies CPU (µs) | model one / two |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const model = (i: number): number => {
  const one = median(results[i].oneCpu);
  return one / (median(results[i].copyCpu) + one / 2 + wakeUs);
};
products.forEach((p, i) => {
  const e = results[i];
  const ratio = `${median(e.ratio).toFixed(2)} [${Math.min(...e.ratio).toFixed(2)}, ${Math.max(...e.ratio).toFixed(2)}]`;
  const cells = [p.name, p.m * p.k * p.n, median(e.one).toFixed(1), median(e.two).toFixed(1), ratio, median(e.twoCpu).toFixed(2), median(e.oneCpu).toFixed(1), median(e.copyCpu).toFixed(1), model(i).toFixed(2)];
  console.log(`| ${cells.join(' | ')} |`);
});
if (flag('json')) {
  console.log(JSON.stringify(Object.fromEntries(products.map((p, i) => [p.name, { macs: p.m * p.k * p.n, ratio: median(results[i].ratio), model: model(i) }]))));
}
