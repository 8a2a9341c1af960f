// Elementwise / row kernel benchmarks (tinybench medians, ns per element):
//   each kernel on n = 128000: the TypeScript reference on plain arrays vs WebAssembly in an arena;
//   sumRows / addRow / expandRow on [2000,64] and [4000,64];
//   the small sizes where WebAssembly starts to win (ELEMENTWISE_WASM_MIN_N, SUM_ROWS_WASM_MIN_N).
// Usage: node scripts/run-ts.mjs bench/elementwise.bench.ts [flat] [rows] [crossover]   (default: all)
import { medians } from './medians.js';
import {
  Binary, ELEMENTWISE_WASM_MIN_N, SUM_ROWS_WASM_MIN_N,
  addRowInto, addRowReference, binaryInto, binaryReference, binaryWasm, expandRowInto, expandRowReference,
  reluBackwardInto, reluBackwardReference, scaleInto, scaleReference, sumRowsInto, sumRowsReference, sumRowsWasm,
  tanhBackwardInto, tanhBackwardReference, tanhSecondInto, tanhSecondReference,
} from '../src/kernels/elementwise.js';
import { elementwiseExports } from '../src/kernels/elementwise-wasm.js';
import { Arena, arenaDoubles, wasmAvailable } from '../src/kernels/wasm/module.js';

if (!wasmAvailable()) throw new Error('WebAssembly SIMD is not available here: nothing to compare');

const sections = process.argv.slice(2);
const runs = (section: string): boolean => sections.length === 0 || sections.includes(section);

let seed = 2024;
function fill(out: Float64Array, scale = 1): Float64Array {
  for (let i = 0; i < out.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    out[i] = scale * ((seed >>> 0) / 2 ** 32 - 0.5);
  }
  return out;
}
const plain = (n: number): Float64Array => fill(new Float64Array(n));


const ns = (ms: number, n: number): string => ((ms * 1e6) / n).toFixed(3).padStart(8);

async function compare(name: string, n: number, ts: () => void, wasm: () => void): Promise<void> {
  const r = await medians({ ts, wasm });
  console.log(`${name.padEnd(26)}${ns(r.ts, n)}${ns(r.wasm, n)}  ${(r.ts / r.wasm).toFixed(2).padStart(6)}x`);
}

const HEADER = `${'kernel'.padEnd(26)}${'TS'.padStart(8)}${'WASM'.padStart(8)}  speedup   (median ns/element)`;

if (runs('flat')) {
  const n = 128000;
  console.log(`elementwise kernels, n = ${n}: TypeScript reference on plain arrays vs WebAssembly in an arena`);
  console.log(HEADER);
  const [pa, pb, pc, po] = [plain(n), plain(n), plain(n), plain(n)];
  const arena = Arena.create(arenaDoubles([n, n, n, n]));
  const [aa, ab, ac, ao] = [0, 0, 0, 0].map(() => fill(arena.alloc(n)));
  for (const [name, kind] of Object.entries(Binary)) {
    await compare(name, n, () => binaryReference(kind, po, pa, pb, n), () => binaryInto(kind, ao, aa, ab, n));
  }
  await compare('scale', n, () => scaleReference(po, pa, 0.37, n), () => scaleInto(ao, aa, 0.37, n));
  await compare('tanhBackward', n, () => tanhBackwardReference(po, pa, pb, n), () => tanhBackwardInto(ao, aa, ab, n));
  await compare('tanhSecond', n, () => tanhSecondReference(po, pa, pb, pc, n), () => tanhSecondInto(ao, aa, ab, ac, n));
  await compare('reluBackward', n, () => reluBackwardReference(po, pa, pb, n), () => reluBackwardInto(ao, aa, ab, n));
  await compare('add in place (out = a)', n, () => binaryReference(Binary.add, pa, pa, pb, n), () => binaryInto(Binary.add, aa, aa, ab, n));
}

if (runs('rows')) {
  console.log('\nrow kernels: TypeScript reference on plain arrays vs WebAssembly in an arena');
  console.log(HEADER);
  for (const [rows, cols] of [[2000, 64], [4000, 64], [2000, 8], [2000, 1]]) {
    const n = rows * cols;
    const px = plain(n), prow = plain(cols), pout = plain(n), psum = plain(cols);
    const arena = Arena.create(arenaDoubles([n, cols, n, cols]));
    const ax = fill(arena.alloc(n)), arow = fill(arena.alloc(cols)), aout = arena.alloc(n), asum = arena.alloc(cols);
    const shape = `[${rows},${cols}]`;
    await compare(`sumRows ${shape}`, n, () => sumRowsReference(psum, px, rows, cols), () => sumRowsInto(asum, ax, rows, cols));
    await compare(`addRow ${shape}`, n, () => addRowReference(pout, px, prow, rows, cols), () => addRowInto(aout, ax, arow, rows, cols));
    await compare(`expandRow ${shape}`, n, () => expandRowReference(pout, prow, rows, cols), () => expandRowInto(aout, arow, rows, cols));
  }
}

if (runs('crossover')) {
  // Both sides on the same arena arrays; the WebAssembly side through the dispatcher's own path
  // (binaryWasm / sumRowsWasm), so it pays the per-call dispatch (reading .buffer and .byteOffset
  // of a view is not free, and at small n it decides the crossover). 100 calls per sample, for
  // timer resolution.
  const REPEAT = 100;
  const perCall = (f: () => void) => () => { for (let r = 0; r < REPEAT; r++) f(); };
  console.log(`\ncrossover (median ns per call): ELEMENTWISE_WASM_MIN_N = ${ELEMENTWISE_WASM_MIN_N}, SUM_ROWS_WASM_MIN_N = ${SUM_ROWS_WASM_MIN_N}`);
  console.log(`${'case'.padEnd(26)}${'TS'.padStart(8)}${'WASM'.padStart(8)}${'direct'.padStart(8)}   (direct: elementwiseExports(arena) with precomputed addresses)`);
  const arena = Arena.create(arenaDoubles([256, 256, 256, 256]));
  const [a, b, o, s] = [0, 0, 0, 0].map(() => fill(arena.alloc(256)));
  const e = elementwiseExports(arena);
  const [oAt, aAt, bAt, sAt] = [o.byteOffset, a.byteOffset, b.byteOffset, s.byteOffset];
  const show = (name: string, r: Record<string, number>): void => {
    const cell = (ms: number): string => ((ms * 1e6) / REPEAT).toFixed(1).padStart(8);
    console.log(`${name.padEnd(26)}${cell(r.ts)}${cell(r.wasm)}${cell(r.direct)}`);
  };
  for (const n of [8, 16, 24, 32, 48, 64, 96, 128]) {
    show(`mul n=${n}`, await medians({
      ts: perCall(() => binaryReference(Binary.mul, o, a, b, n)),
      wasm: perCall(() => binaryWasm(Binary.mul, o, a, b, n)),
      direct: perCall(() => e.mul(oAt, aAt, bAt, n)),
    }, 150));
  }
  for (const [rows, cols] of [[2, 8], [4, 8], [8, 8], [4, 16], [16, 4], [32, 2], [1, 64]]) {
    show(`sumRows [${rows},${cols}]`, await medians({
      ts: perCall(() => sumRowsReference(s, a, rows, cols)),
      wasm: perCall(() => sumRowsWasm(s, a, rows, cols)),
      direct: perCall(() => e.sumRows(sAt, aAt, rows, cols)),
    }, 150));
  }
  for (const [rows, cols] of [[4, 8], [8, 8], [16, 4], [32, 2], [64, 1]]) {
    show(`addRow [${rows},${cols}]`, await medians({
      ts: perCall(() => addRowReference(o, a, b, rows, cols)),
      wasm: perCall(() => addRowInto(o, a, b, rows, cols)),
      direct: perCall(() => e.addRow(oAt, aAt, bAt, rows, cols)),
    }, 150));
  }
}
