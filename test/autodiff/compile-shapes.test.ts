// compile({ traceValues: false }) records the kernels without running them: the same program, the
// eager bits, and a traced function that sees zeros.
import { describe, expect, it } from 'vitest';
import { type Tensor, compile, compileStaged, hvp, metaGradient, tanh, tensor, valueAndGrad, valueGradAndHvp } from '../../src/autodiff/index.js';
import { mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import { reinforceLoss } from '../../src/nn/reinforce.js';
import { type Prng, prng } from '../helpers/prng.js';

function randn(r: Prng, shape: readonly number[], scale = 1): Tensor {
  return tensor(r.normals(shape.reduce((n, d) => n * d, 1), scale), shape);
}

/** Every element the same, down to the sign of zero. */
function expectBits(actual: readonly Tensor[], expected: readonly Tensor[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((t, i) => {
    expect(t.shape).toEqual(expected[i].shape);
    expect(Array.from(t.data).findIndex((x, j) => !Object.is(x, expected[i].data[j])), `output ${i}`).toBe(-1);
  });
}

const layout = mlpLayout([8, 32, 32, 4], 'tanh');
const rows = 40;

function inputs(r: Prng): Tensor[] {
  return [randn(r, [layout.size], 0.3), randn(r, [layout.size]), randn(r, [rows, 8]), tensor(r.ints(rows, 4)), randn(r, [rows])];
}

const loss = (obs: Tensor, actions: Tensor, adv: Tensor) => (theta: Tensor): Tensor => reinforceLoss(mlpForward(layout, theta, obs), actions, adv);

/** Loss, gradient, HVP and an exact two-step MAML gradient: every kind of kernel the trainer compiles. */
function derivatives(theta: Tensor, v: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): Tensor[] {
  const L = loss(obs, actions, adv);
  const { value, grad } = valueAndGrad(L)(theta);
  const maml = metaGradient((t) => L(t), L, theta, { alpha: 0.1, steps: 2 });
  return [value, grad, hvp(L, theta, v), maml.grad];
}

describe('compile without tracing values', () => {
  it('gives the program of a tracing run, kernel for kernel, and the eager bits on new inputs', () => {
    const r = prng(21);
    const examples = inputs(r);
    const traced = compile(derivatives, examples);
    const shapesOnly = compile(derivatives, examples, { traceValues: false });
    expect(shapesOnly.trace.map((s) => `${s.op.name} ${s.out.shape.join('x')}`)).toEqual(traced.trace.map((s) => `${s.op.name} ${s.out.shape.join('x')}`));
    expect(shapesOnly.elements).toBe(traced.elements);
    for (let round = 0; round < 3; round++) {
      const xs = round === 0 ? examples : inputs(r);
      const eager = derivatives(...(xs.map((x) => tensor(x.data, x.shape)) as [Tensor, Tensor, Tensor, Tensor, Tensor]));
      expectBits(shapesOnly.run(...xs), eager);
    }
  });

  it('a staged program: the early gradient and each late HVP with the eager bits', () => {
    const r = prng(22);
    const [theta, v, obs, actions, adv] = inputs(r);
    const program = compileStaged(
      (t, o, a, d, dir) => {
        const at = valueGradAndHvp(loss(o, a, d), t);
        return { early: [at.value, at.grad], late: [at.hvp(dir)] };
      },
      [theta, obs, actions, adv, v],
      1,
      { traceValues: false },
    );
    const eager = valueGradAndHvp(loss(obs, actions, adv), theta);
    expectBits(program.runEarly([theta, obs, actions, adv]), [eager.value, eager.grad]);
    for (let k = 0; k < 2; k++) {
      const w = randn(r, [layout.size]);
      expectBits(program.runLate([w]), [eager.hvp(w)]);
    }
  });

  it('the traced function sees zeros for every computed value, and the examples as they are', () => {
    const seen: number[][] = [];
    const fn = (x: Tensor): Tensor => {
      const y = tanh(x);
      seen.push([...x.data], [...y.data]);
      return y;
    };
    const x = tensor([0.5, -1, 2]);
    compile(fn, [x], { traceValues: false });
    expect(seen).toEqual([[0.5, -1, 2], [0, 0, 0]]);
    seen.length = 0;
    const program = compile(fn, [x]);
    expect(seen).toEqual([[0.5, -1, 2], [0.5, -1, 2].map(Math.tanh)]);
    // Kernels run again once the trace is over.
    expect(Array.from(tanh(x).data)).toEqual([0.5, -1, 2].map(Math.tanh));
    expect(Array.from(program.run(x).data)).toEqual([0.5, -1, 2].map(Math.tanh));
  });

  it('rejects options that are not an object', () => {
    expect(() => compile((x: Tensor) => tanh(x), [tensor([1])], 'fast' as never)).toThrow('compile: options is "fast", expected { traceValues? }');
  });
});
