import { describe, expect, it } from 'vitest';
import { initMlp } from '../../src/nn/init.js';
import { mlpLayout } from '../../src/nn/mlp.js';
import { PCG64 } from '../../src/rng/index.js';

// np.random.default_rng(0).random(2): the first two doubles of the stream.
const NUMPY_SEED0 = [0.6369616873214543, 0.2697867137638703];

describe('initMlp', () => {
  const layout = mlpLayout([4, 32, 3], 'tanh');

  it('is deterministic: the same seed gives the same bits, another seed does not', () => {
    const a = initMlp(layout, new PCG64(7));
    const b = initMlp(layout, new PCG64(7));
    const c = initMlp(layout, new PCG64(8));
    expect(a.length).toBe(layout.size);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
  });

  it('draws in the vector order, one uniform per entry (first weight from numpy seed 0)', () => {
    const theta = initMlp(layout, new PCG64(0));
    const bound = 1 / Math.sqrt(4);
    expect(theta[0]).toBe(-bound + 2 * bound * NUMPY_SEED0[0]);
    expect(theta[1]).toBe(-bound + 2 * bound * NUMPY_SEED0[1]);
  });

  it("'torch-default' keeps weights and biases within 1/sqrt(fan_in) and spans the range", () => {
    const theta = initMlp(layout, new PCG64(1));
    for (const l of layout.layers) {
      const bound = 1 / Math.sqrt(l.inputs);
      const w = theta.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs);
      const b = theta.subarray(l.biasOffset, l.biasOffset + l.outputs);
      for (const x of [...w, ...b]) expect(Math.abs(x)).toBeLessThan(bound);
      expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.9 * bound);
      expect(b.some((x) => x !== 0)).toBe(true);
    }
  });

  it("'xavier-uniform' bounds weights by sqrt(6 / (fan_in + fan_out)) and zeroes biases", () => {
    const theta = initMlp(layout, new PCG64(2), 'xavier-uniform');
    for (const l of layout.layers) {
      const bound = Math.sqrt(6 / (l.inputs + l.outputs));
      const w = theta.subarray(l.weightOffset, l.weightOffset + l.inputs * l.outputs);
      for (const x of w) expect(Math.abs(x)).toBeLessThan(bound);
      expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.9 * bound);
      expect(Array.from(theta.subarray(l.biasOffset, l.biasOffset + l.outputs))).toEqual(new Array(l.outputs).fill(0));
    }
  });

  it('fills the prefix of a longer vector and leaves its tail', () => {
    const out = new Float64Array(layout.size + 3).fill(5);
    initMlp(layout, new PCG64(7), 'torch-default', out);
    expect(Array.from(out.subarray(0, layout.size))).toEqual(Array.from(initMlp(layout, new PCG64(7))));
    expect(Array.from(out.subarray(layout.size))).toEqual([5, 5, 5]);
  });

  it('rejects a short output vector and an unknown scheme', () => {
    expect(() => initMlp(layout, new PCG64(0), 'torch-default', new Float64Array(3))).toThrow(`expected at least ${layout.size}`);
    expect(() => initMlp(layout, new PCG64(0), 'orthogonal' as never)).toThrow("scheme 'orthogonal'");
  });
});
