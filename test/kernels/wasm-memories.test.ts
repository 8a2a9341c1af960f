// Compiled programs share a bounded set of WebAssembly memories, evicted programs hand theirs back,
// and none of it changes a bit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBuffer } from '../../src/autodiff/index.js';
import { Arena, MAX_ARENA_MEMORIES, arenaDoubles, wasmAvailable } from '../../src/kernels/wasm/module.js';
import { SurrogatePrograms } from '../../src/meta/programs.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import type { PolicyBatch } from '../../src/nn/reinforce.js';
import { PCG64 } from '../../src/rng/index.js';
import { initPolicy } from '../../src/rl/policy-layout.js';

const Original = WebAssembly.Memory;
let created = 0;

beforeAll(() => {
  const Counting = function (descriptor: WebAssembly.MemoryDescriptor) {
    created++;
    return new Original(descriptor);
  };
  Counting.prototype = Original.prototype;
  WebAssembly.Memory = Counting as unknown as typeof WebAssembly.Memory;
});

afterAll(() => {
  WebAssembly.Memory = Original;
});

const OBS = 4;

function batchOf(rows: number, rng: PCG64): PolicyBatch {
  return {
    obs: fromBuffer(Float64Array.from({ length: rows * OBS }, () => rng.normal()), [rows, OBS]),
    actions: fromBuffer(Float64Array.from({ length: rows }, () => (rng.random() < 0.5 ? 0 : 2)), [rows]),
    advantages: fromBuffer(Float64Array.from({ length: rows }, () => rng.normal()), [rows]),
  };
}

function expectBits(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  expect(Array.from(actual).findIndex((x, i) => !Object.is(x, expected[i]))).toBe(-1);
}

describe.runIf(wasmAvailable())('WebAssembly memories of compiled programs', () => {
  it('a released span is reused, zeroed, without a new memory', () => {
    const before = created;
    const a = Arena.create(arenaDoubles([1000]));
    const view = a.alloc(1000);
    view.fill(7);
    const memory = a.memory;
    a.release();
    const b = Arena.create(arenaDoubles([1000]));
    expect(b.memory).toBe(memory);
    expect(b.alloc(1000).every((x) => x === 0)).toBe(true);
    expect(() => a.alloc(1)).toThrow(/released/);
    b.release();
    expect(created - before).toBeLessThanOrEqual(1);
  });

  it('programs of many buckets evicting each other stay within the memory bound, with the eager bits', () => {
    const layout = mlpLayout([OBS, 32, 32, 3], 'tanh');
    const rng = new PCG64(5);
    const theta = initPolicy(layout, rng);
    const eager = new SurrogatePrograms(layout, { mode: 'never' });
    // A budget of a few buckets: most of these row counts evict an older bucket.
    const compiled = new SurrogatePrograms(layout, { mode: 'always', maxElements: 1_000_000 });
    const pending: { c: (v: Float64Array) => Float64Array; e: (v: Float64Array) => Float64Array }[] = [];
    for (let i = 0; i < 60; i++) {
      const rows = 200 + ((i * 389) % 1200);
      const batch = batchOf(rows, rng);
      const e = eager.lossGradAndHvp(theta, batch);
      const c = compiled.lossGradAndHvp(theta, batch);
      expect(Object.is(c.loss, e.loss)).toBe(true);
      expectBits(c.grad, e.grad);
      pending.push({ c: c.hvp, e: e.hvp });
    }
    // HVPs of buckets evicted long ago run on their released programs.
    const v = Float64Array.from(theta, () => rng.normal());
    for (const p of [pending[0], pending[1], pending[30], pending[59]]) expectBits(p.c(v), p.e(v));
    // Since counting began (after the SIMD probe): the arena memories and the shared kernel memory.
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(MAX_ARENA_MEMORIES + 1);
    expect(compiled.keptElements()).toBeLessThanOrEqual(1_000_000);
  });
  it(`at most ${MAX_ARENA_MEMORIES} arena memories; past them an arena is refused, and a release makes room`, () => {
    // Each of these needs more than half of a default memory, so no two share one.
    const doubles = 3 << 20;
    const arenas: Arena[] = [];
    for (let a = Arena.tryCreate(doubles); a !== null; a = Arena.tryCreate(doubles)) {
      arenas.push(a);
      expect(arenas.length).toBeLessThanOrEqual(MAX_ARENA_MEMORIES);
    }
    expect(arenas.length).toBeGreaterThan(0);
    expect(created).toBeLessThanOrEqual(MAX_ARENA_MEMORIES + 1);
    arenas[0].release();
    const again = Arena.tryCreate(doubles);
    expect(again?.memory).toBe(arenas[0].memory);
    for (const a of [...arenas, again]) a?.release();
  });

});
