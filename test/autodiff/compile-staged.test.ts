// compileStaged: the early outputs at once, the late ones as often as wanted, the bits of eager.
import { describe, expect, it } from 'vitest';
import { type Tensor, compileStaged, hvp, mul, sum, tanh, tensor, valueGradAndHvp } from '../../src/autodiff/index.js';
import { mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import { reinforceLoss } from '../../src/nn/reinforce.js';
import { type Prng, prng } from '../helpers/prng.js';

const randn = (r: Prng, shape: readonly number[], scale = 1): Tensor => tensor(r.normals(shape.reduce((n, d) => n * d, 1), scale), shape);

/** Bit patterns, so equality is bit-identity (a copy: programs reuse their buffers). */
const bits = (t: Tensor): string[] => Array.from(new BigUint64Array(Float64Array.from(t.data).buffer), (b) => b.toString(16));

describe('compileStaged', () => {
  for (const hidden of [[8], [64, 64]]) {
    it(`MLP ${hidden.join('x')}: value and gradient early, then HVPs for several directions, each the eager bits`, () => {
      const r = prng(hidden.length);
      const layout = mlpLayout([4, ...hidden, 3], 'tanh');
      const rows = 40;
      const loss = (obs: Tensor, actions: Tensor, adv: Tensor) => (theta: Tensor): Tensor => reinforceLoss(mlpForward(layout, theta, obs), actions, adv);
      const batch = (): Tensor[] => [randn(r, [rows, 4]), tensor(r.ints(rows, 3)), randn(r, [rows])];
      const example = [randn(r, [layout.size], 0.5), ...batch(), randn(r, [layout.size])];
      const program = compileStaged(
        (theta, obs, actions, adv, v) => {
          const at = valueGradAndHvp(loss(obs, actions, adv), theta);
          return { early: { value: at.value, grad: at.grad }, late: [at.hvp(v)] };
        },
        example,
        1,
      );
      for (let point = 0; point < 3; point++) {
        const theta = randn(r, [layout.size], 0.5);
        const data = batch();
        const eager = valueGradAndHvp(loss(data[0], data[1], data[2]), theta);
        const early = program.runEarly([theta, ...data]);
        expect(bits(early.value)).toEqual(bits(eager.value));
        expect(bits(early.grad)).toEqual(bits(eager.grad));
        // Several directions on one early run: the late part must leave what it reads intact.
        for (let d = 0; d < 3; d++) {
          const v = randn(r, [layout.size]);
          const late = program.runLate([v]);
          expect(bits(late[0])).toEqual(bits(hvp(loss(data[0], data[1], data[2]), theta, v)));
        }
      }
    });
  }

  it('refuses a late count outside [1, inputs - 1] and an early output that reads a late input', () => {
    const x = tensor([1, 2]);
    const y = tensor([3, 4]);
    const f = (a: Tensor, b: Tensor) => ({ early: [sum(tanh(a))], late: [sum(mul(a, b))] });
    expect(() => compileStaged(f, [x, y], 0)).toThrow('compileStaged: lateCount is 0, expected an integer in [1, 1] (the number of late inputs)');
    expect(() => compileStaged(f, [x, y], 2)).toThrow('lateCount is 2');
    expect(() => compileStaged((a: Tensor, b: Tensor) => ({ early: [sum(mul(a, b))], late: [sum(a)] }), [x, y], 1)).toThrow(
      'compileStaged: an early output depends on a late input',
    );
    const p = compileStaged(f, [x, y], 1);
    expect(p.runEarly([x])[0].item()).toBe(Math.tanh(1) + Math.tanh(2));
    expect(p.runLate([y])[0].item()).toBe(11);
    expect(() => p.runLate([x, y])).toThrow('compiled program: got 2 inputs, expected 1');
  });
});
