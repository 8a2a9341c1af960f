// Numerical kernel benchmarks (medians from tinybench):
//   gemm on the MLP shapes (forward x Wᵀ, dX = dY W, dW = dYᵀ X), TypeScript vs WebAssembly, in GMAC/s;
//   the gemm and tanh sizes where WebAssembly starts to win (GEMM_WASM_MIN_MACS, TANH_WASM_MIN_N);
//   tanh, exp and log on 128000 elements: a Math loop vs ours in TypeScript vs WebAssembly, in ns/element;
// (gemm on one thread against two, and the size from which two win: bench/gemm-threads.ts.)
// Usage: node scripts/run-ts.mjs bench/kernels.bench.ts [gemm] [crossover] [tanh] [explog]   (default: all)
import { medians } from './medians.js';
import { expReference, expWasm, logReference, logWasm } from '../src/kernels/exp-log.js';
import { GEMM_WASM_MIN_MACS, gemmReference, gemmWasm } from '../src/kernels/gemm.js';
import { TANH_WASM_MIN_N, tanhReference, tanhWasm } from '../src/kernels/tanh.js';
import { wasmAvailable } from '../src/kernels/wasm/module.js';

if (!wasmAvailable()) throw new Error('WebAssembly SIMD is not available here: nothing to compare');

const sections = process.argv.slice(2);
const runs = (section: string): boolean => sections.length === 0 || sections.includes(section);

let seed = 2024;
function randomArray(length: number, scale = 1): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = scale * ((seed >>> 0) / 2 ** 32 - 0.5);
  }
  return out;
}


type Gemm = typeof gemmReference;
interface GemmCase {
  name: string;
  m: number;
  k: number;
  n: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
}

/** Median ms of the TypeScript and WebAssembly gemm on one problem. */
async function timeGemm(g: GemmCase, time?: number): Promise<{ ts: number; wasm: number }> {
  const a = randomArray(g.m * g.k), b = randomArray(g.k * g.n), c = randomArray(g.m * g.n);
  const call = (impl: Gemm) => () => impl(c, a, b, g.m, g.k, g.n, g.transA, g.transB, g.accumulate);
  const r = await medians({ ts: call(gemmReference), wasm: call(gemmWasm) }, time);
  return { ts: r.ts, wasm: r.wasm };
}

const gmacs = (g: GemmCase, ms: number): string => ((g.m * g.k * g.n) / (ms * 1e6)).toFixed(2).padStart(6);

if (runs('gemm')) {
  console.log('gemm on MLP shapes: GMAC/s (median)   [forward x Wᵀ: m=b k=in n=out transB; dX = dY W: m=b k=out n=in; dW += dYᵀ X: m=out k=b n=in transA]');
  console.log(`${'case'.padEnd(24)}${'m'.padStart(6)}${'k'.padStart(6)}${'n'.padStart(6)}      TS    WASM  speedup`);
  for (const batch of [200, 2000, 4000]) {
    for (const [inputs, outputs] of [[8, 64], [64, 64], [64, 4], [32, 32]]) {
      const layer = `b=${batch} ${inputs}->${outputs}`;
      const cases: GemmCase[] = [
        { name: `forward ${layer}`, m: batch, k: inputs, n: outputs, transA: false, transB: true, accumulate: false },
        { name: `dX ${layer}`, m: batch, k: outputs, n: inputs, transA: false, transB: false, accumulate: false },
        { name: `dW ${layer}`, m: outputs, k: batch, n: inputs, transA: true, transB: false, accumulate: true },
      ];
      for (const g of cases) {
        const t = await timeGemm(g);
        console.log(`${g.name.padEnd(24)}${String(g.m).padStart(6)}${String(g.k).padStart(6)}${String(g.n).padStart(6)}  ${gmacs(g, t.ts)}  ${gmacs(g, t.wasm)}  ${(t.ts / t.wasm).toFixed(2).padStart(6)}x`);
      }
    }
  }
}

if (runs('crossover')) {
  console.log(`\ngemm crossover: median µs, TS / WASM (> 1: WebAssembly wins); gemm() switches at m*k*n >= ${GEMM_WASM_MIN_MACS}`);
  const cases: GemmCase[] = [];
  for (const s of [3, 4, 5, 6, 8, 12, 16, 32]) {
    cases.push({ name: `cube ${s}`, m: s, k: s, n: s, transA: false, transB: false, accumulate: false });
    cases.push({ name: `cube ${s} transB`, m: s, k: s, n: s, transA: false, transB: true, accumulate: false });
  }
  for (const batch of [1, 2, 4]) {
    cases.push({ name: `forward b=${batch} 8->64`, m: batch, k: 8, n: 64, transA: false, transB: true, accumulate: false });
    cases.push({ name: `forward b=${batch} 64->4`, m: batch, k: 64, n: 4, transA: false, transB: true, accumulate: false });
    cases.push({ name: `forward b=${batch} 64->64`, m: batch, k: 64, n: 64, transA: false, transB: true, accumulate: false });
    cases.push({ name: `dX b=${batch} 64->64`, m: batch, k: 64, n: 64, transA: false, transB: false, accumulate: false });
    cases.push({ name: `dW b=${batch} 64->64`, m: 64, k: batch, n: 64, transA: true, transB: false, accumulate: true });
  }
  console.log(`${'case'.padEnd(24)}${'m*k*n'.padStart(8)}      TS    WASM  TS/WASM`);
  for (const g of cases) {
    const t = await timeGemm(g, 100);
    const us = (ms: number): string => (ms * 1000).toFixed(2).padStart(6);
    console.log(`${g.name.padEnd(24)}${String(g.m * g.k * g.n).padStart(8)}  ${us(t.ts)}  ${us(t.wasm)}  ${(t.ts / t.wasm).toFixed(2).padStart(6)}`);
  }

  console.log(`\ntanh crossover: median ns/element, TS / WASM; tanhInto() switches at n >= ${TANH_WASM_MIN_N}`);
  for (const n of [2, 4, 6, 8, 12, 16, 32, 64, 256]) {
    const x = randomArray(n, 6), out = new Float64Array(n);
    const r = await medians({ ts: () => tanhReference(out, x, n), wasm: () => tanhWasm(out, x, n) }, 100);
    const ns = (ms: number): string => ((ms * 1e6) / n).toFixed(2).padStart(6);
    console.log(`n=${String(n).padEnd(6)}  ${ns(r.ts)}  ${ns(r.wasm)}  ${(r.ts / r.wasm).toFixed(2).padStart(6)}`);
  }
}

type Kernel = (out: Float64Array, x: Float64Array, n: number) => void;

/** ns/element of a Math loop and of our TypeScript and WebAssembly kernels on the same inputs. */
async function compareWithMath(name: string, about: string, x: Float64Array, math: (v: number) => number, ts: Kernel, wasm: Kernel): Promise<void> {
  const n = x.length;
  const out = new Float64Array(n);
  const mathLoop = (): void => {
    for (let i = 0; i < n; i++) out[i] = math(x[i]);
  };
  const label = `Math.${name} loop`;
  const r = await medians({ [label]: mathLoop, 'ours, TypeScript': () => ts(out, x, n), 'ours, WebAssembly': () => wasm(out, x, n) }, 1000);
  console.log(`\n${name} on n = ${n} (${about}): median ns/element`);
  for (const [task, ms] of Object.entries(r)) {
    console.log(`${task.padEnd(20)}${((ms * 1e6) / n).toFixed(2).padStart(7)}   (${(r[label] / ms).toFixed(2)}x Math.${name})`);
  }
}

const N = 128_000;
if (runs('tanh')) {
  // uniform on [-3, 3): both branches of our tanh, mixed within vectors
  await compareWithMath('tanh', 'x uniform in [-3, 3)', randomArray(N, 6), Math.tanh, tanhReference, tanhWasm);
}
if (runs('explog')) {
  await compareWithMath('exp', 'x uniform in [-20, 20)', randomArray(N, 40), Math.exp, expReference, expWasm);
  const positive = randomArray(N, 2).map((v) => Math.abs(v) * 1e3 + 1e-9);
  await compareWithMath('log', 'x in (0, 1000)', positive, Math.log, logReference, logWasm);
}
