import { describe, expect, it } from 'vitest';
import {
  type Outputs,
  type Program,
  type Tensor,
  compile,
  div,
  exp,
  add,
  expand,
  logSoftmax,
  reshape,
  hvp,
  matmul,
  metaGradient,
  mul,
  sum,
  tanh,
  tensor,
  valueAndGrad,
} from '../../src/autodiff/index.js';
import { type HiddenActivation, type MlpLayout, mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import { reinforceLoss } from '../../src/nn/reinforce.js';
import { type Prng, prng } from '../helpers/prng.js';

function randn(r: Prng, shape: readonly number[], scale = 1): Tensor {
  return tensor(r.normals(shape.reduce((n, d) => n * d, 1), scale), shape);
}

/** The exact IEEE-754 bit patterns, so that equality means bit-identical (and -0 !== +0, NaN == NaN). */
function bits(t: Tensor): string[] {
  const copy = Float64Array.from(t.data);
  return Array.from(new BigUint64Array(copy.buffer), (b) => b.toString(16));
}

/** Bit patterns of every tensor in an output tree, keyed by path (copies: the program's buffers are reused). */
function snapshot(o: Outputs, path = '$', into: Record<string, string[]> = {}): Record<string, string[]> {
  if (Array.isArray(o)) (o as readonly Outputs[]).forEach((x, i) => snapshot(x, `${path}[${i}]`, into));
  else if ('data' in o && (o as Tensor).data instanceof Float64Array) {
    into[path] = bits(o as Tensor);
    into[`${path}.shape`] = [JSON.stringify((o as Tensor).shape)];
  } else for (const [k, v] of Object.entries(o as Record<string, Outputs>)) snapshot(v, `${path}.${k}`, into);
  return into;
}

interface Batch {
  readonly obs: Tensor;
  readonly actions: Tensor;
  readonly adv: Tensor;
}

const nBatch = 5;

function batch(r: Prng, layout: MlpLayout): Batch {
  const nOut = layout.sizes[layout.sizes.length - 1];
  return {
    obs: randn(r, [nBatch, layout.sizes[0]]),
    actions: tensor(r.ints(nBatch, nOut)),
    adv: randn(r, [nBatch]),
  };
}

function lossFn(layout: MlpLayout, obs: Tensor, actions: Tensor, adv: Tensor): (theta: Tensor) => Tensor {
  return (theta) => reinforceLoss(mlpForward(layout, theta, obs), actions, adv);
}

/**
 * Compiles fn on the first input set, then replays every input set (including the first again,
 * and in a shuffled order) and compares each run with an eager call on fresh tensors, bit for bit.
 */
function expectReplayMatchesEager<O extends Outputs>(fn: (...xs: Tensor[]) => O, inputSets: Tensor[][]): Program<O> {
  const program = compile(fn, inputSets[0]);
  const steps = program.steps;
  const elements = program.elements;
  expect(steps).toBeGreaterThan(0);
  expect(elements).toBeGreaterThan(0);
  expect(Number.isInteger(steps) && Number.isInteger(elements)).toBe(true);
  const order = [...inputSets.keys(), 0, ...[...inputSets.keys()].reverse()];
  let distinct = 0;
  let previous: Record<string, string[]> | null = null;
  for (const i of order) {
    const xs = inputSets[i];
    const eager = snapshot(fn(...xs.map((x) => tensor(x.data, x.shape))));
    const replayed = snapshot(program.run(...xs));
    expect(replayed, `input set ${i}`).toEqual(eager);
    if (previous !== null && JSON.stringify(previous) !== JSON.stringify(replayed)) distinct++;
    previous = replayed;
    // stable across runs
    expect(program.steps).toBe(steps);
    expect(program.elements).toBe(elements);
  }
  // different inputs really gave different outputs (the replay is not returning a frozen result)
  expect(distinct).toBeGreaterThan(0);
  return program;
}

describe('compile: REINFORCE loss and gradient of an MLP', () => {
  for (const act of ['tanh', 'relu'] as HiddenActivation[]) {
    it(`${act}: bit-identical to eager on several inputs replayed through one program`, () => {
      const r = prng(act === 'tanh' ? 1 : 2);
      const layout = mlpLayout([4, 8, 3], act);
      const fn = (theta: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): { value: Tensor; grad: Tensor } =>
        valueAndGrad(lossFn(layout, obs, actions, adv))(theta);
      const sets = Array.from({ length: 4 }, () => {
        const b = batch(r, layout);
        return [randn(r, [layout.size], 0.5), b.obs, b.actions, b.adv];
      });
      const program = expectReplayMatchesEager(fn, sets);
      // the program's outputs are its own buffers: they are overwritten by the next run
      const first = program.run(...sets[0]);
      const kept = bits(first.grad);
      const second = program.run(...sets[1]);
      expect(second.grad).toBe(first.grad);
      expect(bits(second.grad)).not.toEqual(kept);
    });
  }

  it('wide tanh MLP (optimised gemm / tanh kernel paths): loss, gradient and hvp bit-identical', () => {
    const r = prng(5);
    const layout = mlpLayout([8, 64, 64, 4], 'tanh');
    const wideBatch = 32;
    const fn = (theta: Tensor, v: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): Tensor[] => {
      const loss = lossFn(layout, obs, actions, adv);
      const { value, grad } = valueAndGrad(loss)(theta);
      return [value, grad, hvp(loss, theta, v)];
    };
    const sets = Array.from({ length: 3 }, () => [
      randn(r, [layout.size], 0.2),
      randn(r, [layout.size]),
      randn(r, [wideBatch, 8]),
      tensor(r.ints(wideBatch, 4)),
      randn(r, [wideBatch]),
    ]);
    expectReplayMatchesEager(fn, sets);
  });

  it('inputs may be given as raw Float64Array buffers of the right length', () => {
    const r = prng(3);
    const layout = mlpLayout([3, 4, 2], 'tanh');
    const fn = (theta: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): { value: Tensor; grad: Tensor } =>
      valueAndGrad(lossFn(layout, obs, actions, adv))(theta);
    const b0 = batch(r, layout);
    const program = compile(fn, [randn(r, [layout.size]), b0.obs, b0.actions, b0.adv]);
    const b = batch(r, layout);
    const theta = randn(r, [layout.size]);
    const eager = snapshot(fn(theta, b.obs, b.actions, b.adv));
    const replayed = snapshot(program.run(theta.data, b.obs.data, b.actions.data, b.adv.data));
    expect(replayed).toEqual(eager);
  });

  it('compiling does not mutate the example tensors, and running does not mutate the inputs', () => {
    const r = prng(4);
    const layout = mlpLayout([3, 4, 2], 'relu');
    const fn = (theta: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): { value: Tensor; grad: Tensor } =>
      valueAndGrad(lossFn(layout, obs, actions, adv))(theta);
    const b0 = batch(r, layout);
    const ex = [randn(r, [layout.size]), b0.obs, b0.actions, b0.adv];
    const exBits = ex.map(bits);
    const program = compile(fn, ex);
    const b = batch(r, layout);
    const xs = [randn(r, [layout.size]), b.obs, b.actions, b.adv];
    const xsBits = xs.map(bits);
    program.run(...xs);
    expect(ex.map(bits)).toEqual(exBits);
    expect(xs.map(bits)).toEqual(xsBits);
  });
});

describe('compile: hvp', () => {
  for (const act of ['tanh', 'relu'] as HiddenActivation[]) {
    it(`${act}: Hessian-vector product of the REINFORCE loss, bit-identical on several inputs`, () => {
      const r = prng(act === 'tanh' ? 10 : 11);
      const layout = mlpLayout([3, 6, 3], act);
      const fn = (theta: Tensor, v: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): Tensor =>
        hvp(lossFn(layout, obs, actions, adv), theta, v);
      const sets = Array.from({ length: 3 }, () => {
        const b = batch(r, layout);
        return [randn(r, [layout.size], 0.5), randn(r, [layout.size]), b.obs, b.actions, b.adv];
      });
      expectReplayMatchesEager(fn, sets);
    });
  }

  it('a small elementwise function: hvp of sum(tanh(x) * exp(x) / (1 + x²)) style composite', () => {
    const r = prng(12);
    const f = (x: Tensor): Tensor => sum(div(mul(tanh(x), exp(x)), exp(mul(x, x))));
    const fn = (x: Tensor, v: Tensor): Tensor => hvp(f, x, v);
    const sets = Array.from({ length: 3 }, () => [randn(r, [6]), randn(r, [6])]);
    expectReplayMatchesEager(fn, sets);
  });
});

describe('compile: metaGradient', () => {
  const layout = mlpLayout([3, 5, 2], 'tanh');

  for (const firstOrder of [false, true]) {
    for (const steps of [1, 2]) {
      it(`${firstOrder ? 'first-order' : 'exact'} K=${steps}: value, grad and adapted bit-identical on several inputs`, () => {
        const r = prng(20 + steps + (firstOrder ? 10 : 0));
        const fn = (theta: Tensor, ...data: Tensor[]): { value: Tensor; grad: Tensor; adapted: Tensor } => {
          const [o1, a1, d1, o2, a2, d2] = data;
          const m = metaGradient(lossFn(layout, o1, a1, d1), lossFn(layout, o2, a2, d2), theta, { alpha: 0.2, steps, firstOrder });
          return { value: m.value, grad: m.grad, adapted: m.adapted };
        };
        const sets = Array.from({ length: 3 }, () => {
          const tr = batch(r, layout);
          const te = batch(r, layout);
          return [randn(r, [layout.size], 0.5), tr.obs, tr.actions, tr.adv, te.obs, te.actions, te.adv];
        });
        expectReplayMatchesEager(fn, sets);
      });
    }
  }

  for (const firstOrder of [false, true]) {
    it(`Meta-SGD (${firstOrder ? 'first-order' : 'exact'}) with alpha as a program input: alphaGrad bit-identical too`, () => {
      const r = prng(40 + (firstOrder ? 1 : 0));
      const fn = (theta: Tensor, alpha: Tensor, ...data: Tensor[]): Tensor[] => {
        const [o1, a1, d1, o2, a2, d2] = data;
        const m = metaGradient(lossFn(layout, o1, a1, d1), lossFn(layout, o2, a2, d2), theta, { alpha, steps: 2, firstOrder });
        return [m.value, m.grad, m.alphaGrad!, m.adapted];
      };
      const sets = Array.from({ length: 3 }, () => {
        const tr = batch(r, layout);
        const te = batch(r, layout);
        return [randn(r, [layout.size], 0.5), tensor(r.uniforms(layout.size, 0.05, 0.3)), tr.obs, tr.actions, tr.adv, te.obs, te.actions, te.adv];
      });
      expectReplayMatchesEager(fn, sets);
    });
  }
});

describe('compile: gradient sums accumulate in place', () => {
  const kernelNames = (p: Program<Outputs>): string[] => p.trace.map((s) => s.op.name);

  it('exact MAML through a 16-wide layer (WebAssembly gemm): sums fused into matmul+= and addRow+=, bits unchanged', () => {
    const layout = mlpLayout([3, 16, 16, 2], 'tanh');
    const r = prng(60);
    const rows = 40;
    const data = (): Tensor[] => [randn(r, [rows, 3]), tensor(r.ints(rows, 2)), randn(r, [rows])];
    const fn = (theta: Tensor, o1: Tensor, a1: Tensor, d1: Tensor, o2: Tensor, a2: Tensor, d2: Tensor): Tensor[] => {
      const m = metaGradient(lossFn(layout, o1, a1, d1), lossFn(layout, o2, a2, d2), theta, { alpha: 0.3 });
      return [m.value, m.grad];
    };
    const sets = Array.from({ length: 3 }, () => [randn(r, [layout.size], 0.5), ...data(), ...data()]);
    const names = kernelNames(expectReplayMatchesEager(fn, sets));
    // Five [rows, 16] sums and one [rows, 2] (gradients of activations), two [16, 16] (of W2).
    expect(names.filter((n) => n === 'matmul+=').length).toBe(8);
    expect(names.filter((n) => n === 'addRow+=').length).toBe(3); // the bias rows of the three layers
    // What remains of add: parameter-vector sums and one-row sums, nothing of the batch's shape.
    const program = compile(fn, sets[0]);
    const batchAdds = program.trace.filter((s) => s.op.name === 'add' && s.out.shape[0] === rows);
    expect(batchAdds.map((s) => s.out.shape)).toEqual([]);
  });

  it('never writes into a program input, an output, or a value read twice', () => {
    const r = prng(61);
    const fn = (a: Tensor, x: Tensor, w: Tensor): Tensor[] => {
      const t = tanh(a);
      const p = matmul(x, w);
      const twice = matmul(w, x);
      return [add(a, matmul(x, w)), add(t, p), t, add(twice, expand(sum(twice), [6, 6])), mul(twice, twice)];
    };
    const sets = Array.from({ length: 2 }, () => [randn(r, [6, 6]), randn(r, [6, 6]), randn(r, [6, 6])]);
    const program = expectReplayMatchesEager(fn, sets);
    expect(kernelNames(program).filter((n) => n.endsWith('+='))).toEqual([]);
    const inputs = sets[1].map((x) => tensor(Float64Array.from(x.data), x.shape));
    program.run(...inputs);
    expect(inputs.map((x) => bits(x))).toEqual(sets[1].map((x) => bits(x)));
  });

  it('a chain of contributions folds into one buffer: x + A·B + C·D + row', () => {
    const r = prng(62);
    const fn = (x: Tensor, a: Tensor, b: Tensor, c: Tensor, d: Tensor, row: Tensor): Tensor =>
      sum(add(add(add(tanh(x), matmul(a, b)), matmul(c, d, true)), expand(row, [8, 8])));
    const sets = Array.from({ length: 3 }, () => [randn(r, [8, 8]), randn(r, [8, 4]), randn(r, [4, 8]), randn(r, [5, 8]), randn(r, [5, 8]), randn(r, [8])]);
    const program = expectReplayMatchesEager(fn, sets);
    expect(kernelNames(program)).toEqual(['tanh', 'matmul+=', 'matmul+=', 'addRow+=', 'sum']);
  });
});

describe('compile: a kernel repeated on the same buffers runs once', () => {
  it('exp of a log-softmax output, taken again by the backward of its backward (hvp): one exp kernel', () => {
    const r = prng(63);
    const weights = tensor(r.normals(12, 1), [3, 4]);
    const f = (x: Tensor): Tensor => sum(mul(logSoftmax(reshape(x, [3, 4])), weights));
    const fn = (x: Tensor, v: Tensor): Tensor => hvp(f, x, v);
    const sets = Array.from({ length: 3 }, () => [randn(r, [12]), randn(r, [12])]);
    const program = expectReplayMatchesEager(fn, sets);
    expect(program.trace.filter((s) => s.op.name === 'exp').length).toBe(1);
  });

  it('the same op on different buffers, or with other attributes, is kept', () => {
    const r = prng(64);
    const fn = (x: Tensor, y: Tensor): Tensor[] => [exp(x), exp(y), exp(x), matmul(x, y), matmul(x, y, false, true)];
    const sets = Array.from({ length: 2 }, () => [randn(r, [4, 4]), randn(r, [4, 4])]);
    const program = expectReplayMatchesEager(fn, sets);
    expect(program.trace.map((s) => s.op.name)).toEqual(['exp', 'exp', 'matmul', 'matmul']);
  });
});

describe('compile: temporaries share buffers once dead', () => {
  it('a chain of ten tanh holds the input, two alternating temporaries and the output', () => {
    const r = prng(65);
    const fn = (x: Tensor): Tensor => {
      let y = x;
      for (let i = 0; i < 10; i++) y = tanh(y);
      return y;
    };
    const program = expectReplayMatchesEager(fn, [[randn(r, [1000])], [randn(r, [1000])]]);
    expect(program.steps).toBe(10);
    expect(program.elements).toBe(4 * 1000);
  });

  it('matmuls whose operands die as they run never write over them (gemm needs c apart from a and b)', () => {
    const r = prng(66);
    const fn = (x: Tensor, w: Tensor): Tensor => sum(matmul(tanh(matmul(tanh(matmul(x, w)), w, false, true)), w, true, false));
    const sets = Array.from({ length: 3 }, () => [randn(r, [16, 16]), randn(r, [16, 16], 0.3)]);
    const program = expectReplayMatchesEager(fn, sets);
    const kernelElements = program.trace.reduce((n, s) => n + s.out.size, 0);
    expect(program.elements).toBeLessThan(kernelElements);
  });

  it('exact MAML on the 64-wide MLP: under half the memory of one buffer per kernel', () => {
    const layout = mlpLayout([4, 64, 64, 2], 'tanh');
    const r = prng(67);
    const rows = 50;
    const data = (): Tensor[] => [randn(r, [rows, 4]), tensor(r.ints(rows, 2)), randn(r, [rows])];
    const fn = (theta: Tensor, ...d: Tensor[]): Tensor[] => {
      const m = metaGradient(lossFn(layout, d[0], d[1], d[2]), lossFn(layout, d[3], d[4], d[5]), theta, { alpha: 0.1 });
      return [m.value, m.grad];
    };
    const program = expectReplayMatchesEager(fn, [[randn(r, [layout.size], 0.3), ...data(), ...data()], [randn(r, [layout.size], 0.3), ...data(), ...data()]]);
    const kernelElements = program.trace.reduce((n, s) => n + s.out.size, 0);
    expect(program.elements).toBeLessThan(kernelElements / 2);
  });
});

describe('compile: program inputs are checked', () => {
  const layout = mlpLayout([3, 4, 2], 'tanh');
  const fn = (theta: Tensor, obs: Tensor, actions: Tensor, adv: Tensor): { value: Tensor; grad: Tensor } =>
    valueAndGrad(lossFn(layout, obs, actions, adv))(theta);
  const r = prng(50);
  const b = batch(r, layout);
  const theta = randn(r, [layout.size]);
  const program = compile(fn, [theta, b.obs, b.actions, b.adv]);

  it('wrong input count names the count expected', () => {
    expect(() => program.run(theta, b.obs)).toThrow(/compiled program: got 2 inputs, expected 4/);
    expect(() => program.run(theta, b.obs, b.actions, b.adv, b.adv)).toThrow(/got 5 inputs, expected 4/);
  });

  it('a tensor of the wrong shape names the input index and the expected shape', () => {
    expect(() => program.run(theta, tensor(new Array(15).fill(0), [3, 5]), b.actions, b.adv)).toThrow(
      /compiled program: input 1 is \[3, 5\], expected shape \[5, 3\]/,
    );
    // same size, different shape is still rejected
    expect(() => program.run(theta, b.obs, b.actions, tensor(b.adv.data, [5, 1]))).toThrow(/input 3 is \[5, 1\], expected shape \[5\]/);
    expect(() => program.run(tensor([1, 2, 3]), b.obs, b.actions, b.adv)).toThrow(new RegExp(`input 0 is \\[3\\], expected shape \\[${layout.size}\\]`));
  });

  it('a buffer of the wrong length names the input index, its length and the expected shape', () => {
    expect(() => program.run(theta, b.obs, new Float64Array(4), b.adv)).toThrow(/input 2 is a buffer of length 4, expected shape \[5\]/);
  });

  it('after a rejected run the program still replays correctly', () => {
    const eager = snapshot(fn(theta, b.obs, b.actions, b.adv));
    expect(snapshot(program.run(theta, b.obs, b.actions, b.adv))).toEqual(eager);
  });

  it('tracing cannot be nested', () => {
    expect(() => compile((x: Tensor) => compile((y: Tensor) => tanh(y), [x]).run(x), [tensor([1])])).toThrow(/compile: tracing cannot be nested/);
  });
});
