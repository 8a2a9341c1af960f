import { afterEach, describe, expect, it } from 'vitest';
import { backend, setBackend } from '../../src/kernels/backend.js';
import { wasmSupported } from '../../src/kernels/wasm/module.js';
import { defaultClock } from '../../src/meta/costs.js';
import { type MetaConfigInput, resolveConfig } from '../../src/meta/config.js';
import { MetaTrainer } from '../../src/meta/trainer.js';

const CONFIG: MetaConfigInput = { algo: 'maml', seed: 5, metaBatchSize: 2, episodesPerTask: 3, numEnvs: 2, innerSteps: 1, hidden: [16], evalTasks: 1, evalEpisodes: 2 };

/** Two meta-iterations' figures and the final parameters (no wall-clock fields). */
function shortRun(): unknown {
  const trainer = new MetaTrainer(resolveConfig({ ...CONFIG }), { clock: () => 0 });
  const logs = [trainer.step(), trainer.step()].map((l) => [l.returnBefore, l.returnAfter, l.counts]);
  return { logs, params: Array.from(trainer.params), evaluation: trainer.evaluate().returns };
}

afterEach(() => setBackend(wasmSupported() ? 'wasm' : 'typescript'));

describe('backend', () => {
  it('is wasm where supported, and setBackend switches every kernel to TypeScript and back', () => {
    expect(wasmSupported()).toBe(true); // Node 20 has WebAssembly SIMD
    expect(backend()).toBe('wasm');
    setBackend('typescript');
    expect(backend()).toBe('typescript');
    setBackend('wasm');
    expect(backend()).toBe('wasm');
  });

  it('gives the same bits from both backends on a short training run', () => {
    setBackend('wasm');
    const wasm = shortRun();
    setBackend('typescript');
    const typescript = shortRun();
    expect(typescript).toEqual(wasm);
  });

  it('refuses another name, naming the field, and changes nothing', () => {
    setBackend('typescript');
    expect(() => setBackend('simd' as never)).toThrow('backend is "simd", expected "wasm" or "typescript"');
    expect(backend()).toBe('typescript');
  });
});

describe('defaultClock', () => {
  it('reads Date.now where there is no performance, so MetaTrainer needs no clock there', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'performance');
    expect(saved).toBeDefined();
    const withPerformance = new MetaTrainer(resolveConfig({ ...CONFIG })).step();
    try {
      delete (globalThis as { performance?: unknown }).performance;
      expect(typeof performance).toBe('undefined');
      const before = Date.now();
      const t = defaultClock();
      expect(t).toBeGreaterThanOrEqual(before);
      expect(t).toBeLessThanOrEqual(Date.now());
      const without = new MetaTrainer(resolveConfig({ ...CONFIG })).step();
      expect([without.returnBefore, without.returnAfter]).toEqual([withPerformance.returnBefore, withPerformance.returnAfter]);
    } finally {
      Object.defineProperty(globalThis, 'performance', saved!);
    }
  });
});
