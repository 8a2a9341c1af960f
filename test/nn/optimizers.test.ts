import { describe, expect, it } from 'vitest';
import { Adam, type AdamState, Sgd, type SgdState } from '../../src/nn/optimizers.js';

const GRADS = [
  [0.5, -1, 2],
  [0.1, -0.8, -3],
  [-0.4, 0.2, 1],
];
const P0 = [1, -2, 0.5];

/** The textbook Adam update (Kingma & Ba with PyTorch's eps placement and L2 weight decay), step by step. */
function adamReference(lr: number, b1: number, b2: number, eps: number, wd: number): number[][] {
  const p = [...P0];
  const m = [0, 0, 0];
  const v = [0, 0, 0];
  const trajectory: number[][] = [];
  GRADS.forEach((grad, k) => {
    const t = k + 1;
    for (let i = 0; i < 3; i++) {
      const g = grad[i] + wd * p[i];
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      const mHat = m[i] / (1 - b1 ** t);
      const vHat = v[i] / (1 - b2 ** t);
      p[i] = p[i] - (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
    trajectory.push([...p]);
  });
  return trajectory;
}

function run(opt: Adam | Sgd, grads: number[][], params = Float64Array.from(P0)): number[][] {
  return grads.map((g) => {
    opt.step(params, Float64Array.from(g));
    return Array.from(params);
  });
}

function expectClose(a: number[][], b: number[][], digits: number): void {
  a.forEach((row, k) => row.forEach((x, i) => expect(x).toBeCloseTo(b[k][i], digits)));
}

describe('Adam', () => {
  it('first step moves each parameter by lr * g / (|g| + eps)', () => {
    const params = Float64Array.from(P0);
    new Adam(3, { lr: 0.1 }).step(params, Float64Array.from(GRADS[0]));
    // m_hat = g, v_hat = g^2 after one step.
    GRADS[0].forEach((g, i) => expect(params[i]).toBeCloseTo(P0[i] - (0.1 * g) / (Math.abs(g) + 1e-8), 15));
  });

  it('matches the PyTorch update formula over three steps (defaults, then custom betas + weight decay)', () => {
    expectClose(run(new Adam(3, { lr: 0.01 }), GRADS), adamReference(0.01, 0.9, 0.999, 1e-8, 0), 14);
    const custom = { lr: 0.05, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0.1 };
    expectClose(run(new Adam(3, custom), GRADS), adamReference(0.05, 0.8, 0.95, 1e-6, 0.1), 14);
  });

  it('restoring a JSON round-tripped state continues bit for bit', () => {
    const a = new Adam(3, { lr: 0.01 });
    const params = Float64Array.from(P0);
    run(a, GRADS.slice(0, 2), params);
    const saved = JSON.parse(JSON.stringify(a.getState())) as AdamState;
    expect(saved.step).toBe(2);
    const b = new Adam(3, { lr: 0.01 });
    b.setState(saved);
    const paramsB = Float64Array.from(params);
    expect(run(b, GRADS.slice(2), paramsB)).toEqual(run(a, GRADS.slice(2), params));
  });

  it('validates gradients, lengths, options and states without touching the parameters', () => {
    const a = new Adam(3);
    const params = Float64Array.from(P0);
    expect(() => a.step(params, Float64Array.of(1, NaN, 0))).toThrow('grad[1] is NaN, expected a finite number');
    expect(() => a.step(params, Float64Array.of(1, 2, Infinity))).toThrow('grad[2] is Infinity');
    expect(() => a.step(params, Float64Array.of(1, 2))).toThrow('grad has length 2, expected 3');
    expect(() => a.step(new Float64Array(4), Float64Array.of(1, 2, 3))).toThrow('params have length 4, expected 3');
    expect(Array.from(params)).toEqual(P0);
    expect(a.getState().step).toBe(0);
    expect(() => new Adam(3, { lr: -1 })).toThrow('Adam: lr is -1, expected a positive finite number');
    expect(() => new Adam(3, { beta2: 1 })).toThrow('Adam: beta2 is 1, expected a number in [0, 1)');
    expect(() => a.setState({ kind: 'adam', step: 1, m: [0, 0], v: [0, 0, 0] })).toThrow('state.m is not an array of 3 finite numbers');
    expect(() => a.setState({ kind: 'sgd' } as unknown as AdamState)).toThrow('expected "adam"');
  });
});

describe('Sgd', () => {
  it('plain SGD: p -= lr g', () => {
    expectClose(run(new Sgd(3, { lr: 0.1 }), GRADS), [
      [0.95, -1.9, 0.3],
      [0.94, -1.82, 0.6],
      [0.98, -1.84, 0.5],
    ], 15);
  });

  it('momentum as PyTorch: b1 = g1, b_t = mu b_{t-1} + g_t, p -= lr b_t', () => {
    // p0 = 1, lr 0.1, mu 0.9, grads 1, 2, 3: b = 1, 2.9, 5.61 -> p = 0.9, 0.61, 0.049.
    const params = Float64Array.of(1);
    const sgd = new Sgd(1, { lr: 0.1, momentum: 0.9 });
    const path = [1, 2, 3].map((g) => {
      sgd.step(params, Float64Array.of(g));
      return params[0];
    });
    path.forEach((p, k) => expect(p).toBeCloseTo([0.9, 0.61, 0.049][k], 15));
  });

  it('restoring state continues bit for bit; a fresh state restarts the buffer', () => {
    const a = new Sgd(3, { lr: 0.1, momentum: 0.5 });
    const params = Float64Array.from(P0);
    run(a, GRADS.slice(0, 2), params);
    const b = new Sgd(3, { lr: 0.1, momentum: 0.5 });
    b.setState(JSON.parse(JSON.stringify(a.getState())) as SgdState);
    const paramsB = Float64Array.from(params);
    expect(run(b, GRADS.slice(2), paramsB)).toEqual(run(a, GRADS.slice(2), params));
    const fresh = new Sgd(3, { lr: 0.1, momentum: 0.5 });
    expect(fresh.getState()).toEqual({ kind: 'sgd', buffer: null });
    b.setState(fresh.getState());
    expect(run(b, [GRADS[0]])).toEqual(run(new Sgd(3, { lr: 0.1, momentum: 0.5 }), [GRADS[0]]));
  });

  it('validates gradients and options', () => {
    expect(() => new Sgd(3, { lr: 0.1 }).step(Float64Array.from(P0), Float64Array.of(0, 0, NaN))).toThrow('grad[2] is NaN');
    expect(() => new Sgd(3, { lr: 0.1, momentum: 1 })).toThrow('Sgd: momentum is 1, expected a number in [0, 1)');
    expect(() => new Sgd(3, { lr: 0.1 }).setState({ kind: 'sgd', buffer: [1, 2, 3] })).toThrow('expected null (momentum is 0)');
  });
});
