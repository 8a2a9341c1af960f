import { describe, expect, it } from 'vitest';
import { hvp, tensor, valueAndGrad, valueGradAndHvp, type Tensor } from '../../src/index.js';
import { mlpForward, mlpLayout, reinforceLoss, initMlp } from '../../src/index.js';
import { PCG64 } from '../../src/rng/index.js';

describe('valueGradAndHvp: HVPs that reuse the recorded gradient', () => {
  const layout = mlpLayout([4, 16, 16, 3], 'tanh');
  const rng = new PCG64(7);
  const theta = tensor(initMlp(layout, rng));
  const n = 50;
  const obs = tensor(Array.from({ length: n * 4 }, () => rng.normal()), [n, 4]);
  const actions = tensor(Array.from({ length: n }, () => rng.integers(0, 3)));
  const advantages = tensor(Array.from({ length: n }, () => rng.normal()));
  const f = (t: Tensor) => reinforceLoss(mlpForward(layout, t, obs), actions, advantages);

  it('gives valueAndGrad\'s value and gradient and, for every later direction, hvp\'s bits', () => {
    const at = valueGradAndHvp(f, theta);
    const plain = valueAndGrad(f)(theta);
    expect(at.value.item()).toBe(plain.value.item());
    expect(Array.from(at.grad.data)).toEqual(Array.from(plain.grad.data));
    for (let d = 0; d < 3; d++) {
      const v = tensor(Array.from({ length: layout.size }, () => rng.normal()));
      expect(Array.from(at.hvp(v).data)).toEqual(Array.from(hvp(f, theta, v).data));
    }
  });

  it('names a direction of the wrong shape or with NaN', () => {
    const at = valueGradAndHvp(f, theta);
    expect(() => at.hvp(tensor([1, 2]))).toThrow(/^valueGradAndHvp\.hvp: direction has shape \[2\], expected the point's shape/);
    const bad = new Float64Array(layout.size);
    bad[3] = Number.NaN;
    expect(() => at.hvp(tensor(bad))).toThrow(/^valueGradAndHvp\.hvp: direction\[3\] is NaN, expected a finite number/);
  });
});
