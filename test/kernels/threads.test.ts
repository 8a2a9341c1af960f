// gemm on two threads gives one thread's bits: every element of c is computed by one thread, by
// the kernel that computes it on one thread.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGemmHelper } from '../../src/cli/kernel-threads.js';
import { gemm, gemmReference, gemmWasm } from '../../src/kernels/gemm.js';
import { disableGemmThreads, enableGemmThreads, gemmThreadsReady } from '../../src/kernels/gemm-threads.js';
import { wasmAvailable } from '../../src/kernels/wasm/module.js';
import { PCG64 } from '../../src/rng/index.js';

const threaded = wasmAvailable() && typeof SharedArrayBuffer === 'function';

beforeAll(async () => {
  if (!threaded) return;
  // Every product of two rows or more is split.
  expect(enableGemmThreads(startGemmHelper, 1)).toBe(true);
  for (let i = 0; i < 500 && !gemmThreadsReady(); i++) await new Promise((r) => setTimeout(r, 10));
});
afterAll(() => disableGemmThreads());

function random(n: number, rng: PCG64): Float64Array {
  return Float64Array.from({ length: n }, () => rng.normal());
}

function firstDifference(a: Float64Array, b: Float64Array): number {
  return Array.from(a).findIndex((x, i) => !Object.is(x, b[i]));
}

describe.runIf(threaded)('gemm on two threads', () => {
  it('has its helper ready', () => {
    expect(gemmThreadsReady()).toBe(true);
  });

  it('gives the one-thread bits on random shapes, odd sizes included, in every layout and mode', () => {
    const rng = new PCG64(21);
    const shapes: [number, number, number][] = [[2, 1, 1], [3, 5, 7], [9, 17, 33], [64, 64, 64], [101, 37, 3], [257, 300, 19], [1000, 64, 2], [5, 1025, 9]];
    for (let i = 0; i < 12; i++) shapes.push([rng.integers(2, 302), rng.integers(1, 301), rng.integers(1, 71)]);
    for (const [m, k, n] of shapes) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const accumulate of [false, true]) {
            const a = random(m * k, rng);
            const b = random(k * n, rng);
            const c0 = random(m * n, rng);
            const two = Float64Array.from(c0);
            const one = Float64Array.from(c0);
            const reference = Float64Array.from(c0);
            gemm(two, a, b, m, k, n, transA, transB, accumulate);
            gemmWasm(one, a, b, m, k, n, transA, transB, accumulate);
            gemmReference(reference, a, b, m, k, n, transA, transB, accumulate);
            const label = `${m}x${k}x${n} transA ${transA} transB ${transB} accumulate ${accumulate}`;
            expect(firstDifference(two, one), label).toBe(-1);
            expect(firstDifference(two, reference), label).toBe(-1);
          }
        }
      }
    }
  });

  it('computes a hand-checked product split across the threads', () => {
    // [1 2; 3 4; 5 6] [1 0 2; 0 1 3] = [1 2 8; 3 4 18; 5 6 28]: rows 0 on this thread, 1-2 on the helper.
    const c = new Float64Array(9);
    gemm(c, Float64Array.of(1, 2, 3, 4, 5, 6), Float64Array.of(1, 0, 2, 0, 1, 3), 3, 2, 3, false, false, false);
    expect(Array.from(c)).toEqual([1, 2, 8, 3, 4, 18, 5, 6, 28]);
  });
});
