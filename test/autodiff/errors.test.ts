import { describe, expect, it } from 'vitest';
import {
  type Activation,
  type Tensor,
  add,
  addScalar,
  adapt,
  concat,
  dense,
  div,
  expand,
  full,
  fromBuffer,
  gather,
  gradcheck,
  gradients,
  hvp,
  jvp,
  logSoftmax,
  logSumExp,
  matmul,
  mean,
  metaGradient,
  mul,
  pad,
  relativeError,
  reshape,
  scalar,
  scaleBy,
  scatter,
  slice,
  square,
  sub,
  sum,
  tanh,
  tensor,
  watch,
  zeros,
} from '../../src/autodiff/index.js';
import { type HiddenActivation, mlpForward, mlpLayout } from '../../src/nn/mlp.js';
import { reinforceLoss } from '../../src/nn/reinforce.js';

const m23 = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
const quad = (t: Tensor): Tensor => sum(square(t));

describe('binary ops: shapes that do not broadcast', () => {
  const ops: [string, (a: Tensor, b: Tensor) => Tensor][] = [
    ['add', add],
    ['sub', sub],
    ['mul', mul],
    ['div', div],
  ];
  for (const [name, op] of ops) {
    it(`${name} names the op, both shapes and what is expected`, () => {
      expect(() => op(m23, tensor([1, 2]))).toThrow(new RegExp(`^${name}: shapes \\[2, 3\\] and \\[2\\] do not broadcast \\(expected equal shapes, a row \\[3\\], a column \\[2, 1\\] or a scalar\\)`));
      expect(() => op(tensor([1, 2, 3, 4], [4, 1]), m23)).toThrow(new RegExp(`^${name}: shapes \\[4, 1\\] and \\[2, 3\\] do not broadcast`));
      expect(() => op(tensor([1, 2, 3, 4, 5, 6], [3, 2]), m23)).toThrow(new RegExp(`^${name}: shapes \\[3, 2\\] and \\[2, 3\\] do not broadcast`));
    });
  }
});

describe('matmul / dense', () => {
  it('matmul: inner dimensions differ names both shapes, transposes and sizes', () => {
    expect(() => matmul(m23, m23)).toThrow(/^matmul: inner dimensions differ: \[2, 3\] x \[2, 3\] \(3 vs 2\)/);
    expect(() => matmul(m23, m23, true, true)).toThrow(/^matmul: inner dimensions differ: \[2, 3\]ᵀ x \[2, 3\]ᵀ \(2 vs 3\)/);
    // the transposed combinations that do fit are accepted
    expect(matmul(m23, m23, false, true).shape).toEqual([2, 2]);
    expect(matmul(m23, m23, true, false).shape).toEqual([3, 3]);
  });

  it('matmul: non-matrix operands', () => {
    expect(() => matmul(tensor([1, 2, 3]), m23)).toThrow(/^matmul: expected two matrices, got shapes \[3\] and \[2, 3\]/);
  });

  it('dense: bias shape names the expected [out]', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const w = tensor(new Array(12).fill(0.1), [4, 3]);
    expect(() => dense(x, w, tensor([1, 2, 3]))).toThrow(/^dense: bias has shape \[3\], expected \[4\]/);
    expect(() => dense(x, w, tensor([1, 2, 3, 4], [1, 4]))).toThrow(/^dense: bias has shape \[1, 4\], expected \[4\]/);
  });

  it('dense: weight / input mismatch and unknown activation', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(() => dense(x, tensor(new Array(8).fill(0), [4, 2]), tensor([0, 0, 0, 0]))).toThrow(/^dense: inner dimensions differ: \[2, 3\] x \[4, 2\]ᵀ \(3 vs 2\)/);
    const w = tensor(new Array(12).fill(0.1), [4, 3]);
    expect(() => dense(x, w, tensor([0, 0, 0, 0]), 'sigmoid' as Activation)).toThrow(/^dense: unknown activation 'sigmoid', expected 'tanh', 'relu' or 'identity'/);
  });
});

describe('gather / scatter', () => {
  const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);

  it('index out of range names the op, the index, its row and the valid range', () => {
    expect(() => gather(x, tensor([0, 3]))).toThrow(/^gather: index 3 at row 1 is out of range, expected an integer in \[0, 3\)/);
    expect(() => gather(x, tensor([-1, 0]))).toThrow(/^gather: index -1 at row 0 is out of range, expected an integer in \[0, 3\)/);
    expect(() => scatter(tensor([1, 2]), tensor([0, 5]), 3)).toThrow(/^scatter: index 5 at row 1 is out of range, expected an integer in \[0, 3\)/);
  });

  it('non-integer (and NaN) indices are rejected', () => {
    expect(() => gather(x, tensor([0.5, 1]))).toThrow(/^gather: index 0.5 at row 0 is out of range, expected an integer in \[0, 3\)/);
    expect(() => gather(x, tensor([1, NaN]))).toThrow(/^gather: index NaN at row 1 is out of range, expected an integer/);
  });

  it('index shape and operand shape', () => {
    expect(() => gather(x, tensor([0, 1, 2]))).toThrow(/^gather: index has shape \[3\], expected \[2\]/);
    expect(() => gather(tensor([1, 2, 3]), tensor([0]))).toThrow(/^gather: expected a matrix, got shape \[3\]/);
    expect(() => scatter(x, tensor([0, 1]), 3)).toThrow(/^scatter: expected a vector, got shape \[2, 3\]/);
    expect(() => scatter(tensor([1, 2]), tensor([0]), 3)).toThrow(/^scatter: index has shape \[1\], expected \[2\]/);
  });
});

describe('shape ops', () => {
  it('reshape: size mismatch names both shapes and the element count', () => {
    expect(() => reshape(m23, [4])).toThrow(/^reshape: cannot view \[2, 3\] \(6 elements\) as \[4\]/);
    expect(() => reshape(m23, [2, -3])).toThrow(/^reshape: shape \[2, -3\] is invalid, expected non-negative integer dimensions/);
    expect(() => reshape(m23, [1.5, 4])).toThrow(/^reshape: shape \[1.5, 4\] is invalid/);
  });

  it('slice: window out of range names start, length and the vector length', () => {
    const v = tensor([1, 2, 3, 4]);
    expect(() => slice(v, 2, 3)).toThrow(/^slice: window start 2, length 3 does not fit a vector of length 4/);
    expect(() => slice(v, -1, 2)).toThrow(/^slice: window start -1, length 2 does not fit a vector of length 4/);
    expect(() => slice(v, 0.5, 1)).toThrow(/^slice: window start 0.5, length 1 does not fit/);
    expect(() => slice(m23, 0, 1)).toThrow(/^slice: expected a flat vector, got shape \[2, 3\]/);
  });

  it('pad / concat', () => {
    expect(() => pad(tensor([1, 2, 3]), 2, 4)).toThrow(/^pad: window start 2, length 3 does not fit a vector of length 4/);
    expect(() => pad(m23, 0, 8)).toThrow(/^pad: expected a flat vector of length 6, got shape \[2, 3\]/);
    expect(() => concat([tensor([1]), m23])).toThrow(/^concat: expected flat vectors, got shape \[2, 3\]/);
  });

  it('expand: a shape that does not broadcast', () => {
    expect(() => expand(tensor([1, 2]), [2, 3])).toThrow(/^expand: shapes \[2, 3\] and \[2\] do not broadcast/);
    expect(() => expand(m23, [3])).toThrow(/^expand: /);
  });
});

describe('tensors and scalars', () => {
  it('item() on a non-scalar names the shape and what is expected', () => {
    expect(() => m23.item()).toThrow(/^item\(\): tensor has shape \[2, 3\], expected exactly one element/);
    expect(() => zeros([0]).item()).toThrow(/^item\(\): tensor has shape \[0\], expected exactly one element/);
    expect(tensor([7], [1, 1]).item()).toBe(7);
  });

  it('constructors reject shapes that do not match their data', () => {
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(/^tensor: 3 values do not fill shape \[2, 2\] \(expected 4\)/);
    expect(() => fromBuffer(new Float64Array(3), [2, 2])).toThrow(/^fromBuffer: buffer of length 3 does not match shape \[2, 2\]/);
    expect(() => zeros([2, -1])).toThrow(/^zeros: shape \[2, -1\] is invalid/);
    expect(() => full([1.5], 0)).toThrow(/^full: shape \[1.5\] is invalid/);
  });

  it('scalar ops reject non-finite constants', () => {
    expect(() => scaleBy(m23, NaN)).toThrow(/^scale: constant is NaN, expected a finite number/);
    expect(() => addScalar(m23, Infinity)).toThrow(/^addScalar: constant is Infinity, expected a finite number/);
  });

  it('mean of an empty tensor; softmax family without classes', () => {
    expect(() => mean(zeros([0]))).toThrow(/^mean: tensor is empty, expected at least one element/);
    expect(() => logSoftmax(scalar(1))).toThrow(/^logSoftmax: expected at least one class on the last axis, got shape \[\]/);
    expect(() => logSumExp(zeros([3, 0]))).toThrow(/^logSumExp: expected at least one class on the last axis, got shape \[3, 0\]/);
  });
});

describe('gradients and transforms', () => {
  it('gradients of a non-scalar without a seed', () => {
    const x = watch(tensor([1, 2, 3]));
    expect(() => gradients(tanh(x), [x])).toThrow(/^gradients: output has shape \[3\], expected one element \(or pass a seed of that shape\)/);
  });

  it('seed shape mismatch names both shapes', () => {
    const x = watch(tensor([1, 2, 3]));
    expect(() => gradients(tanh(x), [x], { seed: tensor([1, 1]) })).toThrow(/^gradients: seed has shape \[2\], expected the output's shape \[3\]/);
    expect(() => gradients(sum(x), [x], { seed: tensor([1]) })).toThrow(/^gradients: seed has shape \[1\], expected the output's shape \[\]/);
  });

  it('hvp / jvp direction shape mismatch', () => {
    expect(() => hvp(quad, tensor([1, 2, 3]), tensor([1, 2]))).toThrow(/^hvp: direction has shape \[2\], expected the point's shape \[3\]/);
    expect(() => hvp(quad, tensor([1, 2, 3, 4], [2, 2]), tensor([1, 2, 3, 4]))).toThrow(/^hvp: direction has shape \[4\], expected the point's shape \[2, 2\]/);
    expect(() => jvp(tanh, tensor([1, 2, 3]), tensor([1]))).toThrow(/^jvp: direction has shape \[1\], expected the point's shape \[3\]/);
  });

  it('gradcheck: non-positive eps and a non-scalar function', () => {
    expect(() => gradcheck(quad, tensor([1, 2]), { eps: 0 })).toThrow(/^gradcheck: eps is 0, expected a positive number/);
    expect(() => gradcheck(quad, tensor([1, 2]), { eps: -1e-6 })).toThrow(/^gradcheck: eps is -0.000001, expected a positive number/);
    // the analytic gradient runs first, so the message comes from gradients()
    expect(() => gradcheck((t) => tanh(t), tensor([0.5, 0.1]))).toThrow(/gradients: output has shape \[2\], expected one element/);
  });

  it('relativeError: different lengths', () => {
    expect(() => relativeError([1, 2], [1])).toThrow(/^relativeError: lengths differ \(2 vs 1\)/);
  });
});

describe('metaGradient / adapt options', () => {
  const theta = tensor([0.5, -0.5, 1]);

  it('alpha tensor of the wrong shape names the function, alpha, its shape and theta\'s shape', () => {
    expect(() => metaGradient(quad, quad, theta, { alpha: tensor([0.1, 0.1]) })).toThrow(/^metaGradient: alpha has shape \[2\], expected theta's shape \[3\]/);
    expect(() => adapt(quad, theta, { alpha: tensor([0.1, 0.1, 0.1], [3, 1]) })).toThrow(/^adapt: alpha has shape \[3, 1\], expected theta's shape \[3\]/);
    expect(() => metaGradient(quad, quad, theta, { alpha: tensor([0.1, 0.1]), firstOrder: true })).toThrow(/^metaGradient: alpha has shape \[2\], expected theta's shape \[3\]/);
  });

  it('negative or non-integer steps', () => {
    expect(() => metaGradient(quad, quad, theta, { alpha: 0.1, steps: -1 })).toThrow(/^metaGradient: steps is -1, expected a non-negative integer/);
    expect(() => metaGradient(quad, quad, theta, { alpha: 0.1, steps: 1.5, firstOrder: true })).toThrow(/^metaGradient: steps is 1.5, expected a non-negative integer/);
    expect(() => adapt(quad, theta, { alpha: 0.1, steps: -2 })).toThrow(/^adapt: steps is -2, expected a non-negative integer/);
  });

  it('non-finite scalar alpha', () => {
    expect(() => metaGradient(quad, quad, theta, { alpha: NaN })).toThrow(/^metaGradient: alpha is NaN, expected a finite number/);
    expect(() => adapt(quad, theta, { alpha: Infinity })).toThrow(/^adapt: alpha is Infinity, expected a finite number/);
  });
});

describe('nn', () => {
  it('mlpLayout: bad sizes name the sizes and what is expected', () => {
    const re = (s: string): RegExp => new RegExp(`^mlp: sizes \\[${s}\\] are invalid, expected at least two positive integers \\(input, \\.\\.\\., output\\)`);
    expect(() => mlpLayout([3], 'tanh')).toThrow(re('3'));
    expect(() => mlpLayout([], 'tanh')).toThrow(re(''));
    expect(() => mlpLayout([3, 0, 2], 'tanh')).toThrow(re('3, 0, 2'));
    expect(() => mlpLayout([3, 2.5], 'relu')).toThrow(re('3, 2.5'));
    expect(() => mlpLayout([3, -1], 'relu')).toThrow(re('3, -1'));
  });

  it('mlpLayout: unknown activation', () => {
    expect(() => mlpLayout([3, 2], 'sigmoid' as HiddenActivation)).toThrow(/^mlp: activation 'sigmoid' is unknown, expected 'tanh' or 'relu'/);
    expect(() => mlpLayout([3, 2], 'identity' as HiddenActivation)).toThrow(/^mlp: activation 'identity' is unknown/);
  });

  it('mlpLayout: a good layout has the documented offsets and size (so the errors above are not false alarms)', () => {
    const l = mlpLayout([3, 4, 2], 'tanh');
    expect(l.size).toBe(3 * 4 + 4 + 4 * 2 + 2);
    expect(l.layers.map((s) => [s.inputs, s.outputs, s.weightOffset, s.biasOffset])).toEqual([
      [3, 4, 0, 12],
      [4, 2, 16, 24],
    ]);
  });

  it('mlpForward: parameter vector of the wrong size', () => {
    const l = mlpLayout([3, 4, 2], 'tanh');
    expect(() => mlpForward(l, tensor(new Array(25).fill(0)), zeros([1, 3]))).toThrow(/^mlp: parameters have shape \[25\], expected \[26\]/);
  });

  it('reinforceLoss: advantages shape names the expected [n]', () => {
    const logits = tensor([1, 2, 3, 4, 5, 6], [3, 2]);
    const actions = tensor([0, 1, 1]);
    expect(() => reinforceLoss(logits, actions, tensor([1, 2]))).toThrow(/^reinforceLoss: advantages have shape \[2\], expected \[3\]/);
    expect(() => reinforceLoss(logits, actions, tensor([1, 2, 3], [3, 1]))).toThrow(/^reinforceLoss: advantages have shape \[3, 1\], expected \[3\]/);
    expect(() => reinforceLoss(zeros([0, 2]), zeros([0]), zeros([0]))).toThrow(/^reinforceLoss: the batch is empty, expected at least one row/);
    // actions out of range surface gather's message
    expect(() => reinforceLoss(logits, tensor([0, 2, 1]), tensor([1, 2, 3]))).toThrow(/^gather: index 2 at row 1 is out of range, expected an integer in \[0, 2\)/);
  });
});
