import { describe, expect, it } from 'vitest';
import {
  type Tensor,
  adapt,
  add,
  compile,
  matmul,
  mul,
  scalar,
  grad,
  gradcheck,
  gradients,
  hvp,
  jvp,
  metaGradient,
  square,
  sum,
  tanh,
  tensor,
  valueAndGrad,
  vjp,
  zeros,
} from '../../src/autodiff/index.js';
import { relErr } from '../helpers/tensors.js';

/** The message of the one-line Error fn throws (a TypeError or anything else fails the test). */
function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).constructor).toBe(Error);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected an error, nothing was thrown');
}

/** Bad input the type checker would catch, as a JavaScript caller can pass it. */
const untyped = <T>(v: unknown): T => v as T;

const quad = (t: Tensor): Tensor => sum(square(t));

describe('tensor(): nested arrays give the shape', () => {
  it('a matrix and a 3-axis array: shape from the nesting, values row-major', () => {
    const m = tensor([[1, 2], [3, 4]]);
    expect(m.shape).toEqual([2, 2]);
    expect(m.toArray()).toEqual([1, 2, 3, 4]);
    const t = tensor([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]);
    expect(t.shape).toEqual([2, 2, 3]);
    expect(t.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(tensor([[5], [6], [7]]).shape).toEqual([3, 1]);
    expect(tensor([[]]).shape).toEqual([1, 0]);
  });

  it('nested data with a shape: the shape must hold as many elements', () => {
    const v = tensor([[1, 2], [3, 4]], [4]);
    expect(v.shape).toEqual([4]);
    expect(v.toArray()).toEqual([1, 2, 3, 4]);
    expect(thrown(() => tensor([[1, 2], [3, 4]], [3]))).toBe('tensor: 4 values do not fill shape [3] (expected 3)');
  });

  it('ragged rows are named with their length and the first row they must match', () => {
    expect(thrown(() => tensor([[1, 2], [3, 4, 5]]))).toBe('tensor: data[1] has 3 entries, expected 2 like data[0] (nested arrays must be rectangular)');
    expect(thrown(() => tensor(untyped([[1, 2], 3])))).toBe('tensor: data[1] is 3, expected an array of 2 entries like data[0] (nested arrays must be rectangular)');
    expect(thrown(() => tensor([[[1], [2]], [[3], [4, 5]]]))).toBe('tensor: data[1][1] has 2 entries, expected 1 like data[0][0] (nested arrays must be rectangular)');
    expect(thrown(() => tensor(untyped([[1, 2], [3, [4]]])))).toBe('tensor: data[1][1] is [4], expected a number like data[0][0] (nested arrays must be rectangular)');
    expect(thrown(() => tensor(untyped([[1, 'x']])))).toBe('tensor: data[0][1] is "x", expected a number');
  });
});

describe('tensor(): only numbers are data', () => {
  it('a string, null, undefined, a number or a plain object is not data', () => {
    const expected = 'expected an array of numbers (nested arrays for more than one axis) or a typed array';
    expect(thrown(() => tensor(untyped('abc')))).toBe(`tensor: data is "abc", ${expected}`);
    expect(thrown(() => tensor(untyped(null)))).toBe(`tensor: data is null, ${expected}`);
    expect(thrown(() => tensor(untyped(undefined)))).toBe(`tensor: data is undefined, ${expected}`);
    expect(thrown(() => tensor(untyped(5)))).toBe(`tensor: data is 5, ${expected}`);
    expect(thrown(() => tensor(untyped({ a: 1 })))).toBe(`tensor: data is {"a":1}, ${expected}`);
  });

  it('a non-number entry is named by its index', () => {
    expect(thrown(() => tensor(untyped([1, 'x'])))).toBe('tensor: data[1] is "x", expected a number');
    expect(thrown(() => tensor(untyped([1, 2, null])))).toBe('tensor: data[2] is null, expected a number');
    expect(thrown(() => tensor(untyped([1, [2]])))).toBe('tensor: data[1] is [2], expected a number');
    expect(thrown(() => tensor(untyped([true])))).toBe('tensor: data[0] is true, expected a number');
    expect(thrown(() => tensor(untyped(BigInt64Array.of(1n))))).toBe('tensor: data[0] is 1n, expected a number');
  });

  it('NaN and ±Infinity are numbers: kept as values, flat and nested', () => {
    expect(tensor([NaN, Infinity, -Infinity]).toArray()).toEqual([NaN, Infinity, -Infinity]);
    expect(tensor([[NaN], [-Infinity]]).toArray()).toEqual([NaN, -Infinity]);
  });

  it('typed arrays and array-likes are copied exactly, with the given or the flat shape', () => {
    const f32 = Float32Array.of(0.1, -2.5, 3e-39);
    expect(Array.from(tensor(f32).data)).toEqual(Array.from(f32));
    const f64 = Float64Array.of(0.1, 0.2, 0.3, 0.4);
    const t = tensor(f64, [2, 2]);
    expect(t.shape).toEqual([2, 2]);
    expect(t.data).toEqual(f64);
    expect(t.data).not.toBe(f64);
    expect(tensor({ length: 2, 0: 7, 1: 8 }).toArray()).toEqual([7, 8]);
    expect(tensor([]).shape).toEqual([0]);
  });

  it('a shape that is not an array names the function', () => {
    expect(thrown(() => zeros(untyped(3)))).toBe('zeros: shape is 3, expected an array of non-negative integer dimensions');
    expect(thrown(() => tensor([1, 2], untyped(null)))).toBe('tensor: shape is null, expected an array of non-negative integer dimensions');
  });
});

describe('transforms: arguments that are not tensors, results that are not tensors', () => {
  it('hvp / jvp with a Float64Array direction (of either length) ask for a Tensor of the point\'s shape', () => {
    const x = tensor([1, 2, 3]);
    const expected = "expected a Tensor of the point's shape [3]";
    expect(thrown(() => hvp(quad, x, untyped(new Float64Array(2))))).toBe(`hvp: direction is a Float64Array of length 2, ${expected}`);
    expect(thrown(() => hvp(quad, x, untyped(new Float64Array(3))))).toBe(`hvp: direction is a Float64Array of length 3, ${expected}`);
    expect(thrown(() => jvp(tanh, x, untyped([1, 1, 1])))).toBe("jvp: direction is [1,1,1], expected a Tensor of the point's shape [3]");
    expect(thrown(() => hvp(quad, untyped([1, 2]), tensor([1, 2])))).toBe('hvp: x is [1,2], expected a Tensor');
  });

  it('grad / valueAndGrad / hvp / vjp / jvp of a function that returns a number name f', () => {
    const toNumber = untyped<(t: Tensor) => Tensor>((t: Tensor) => t.data[0] * 2);
    const x = tensor([1.5]);
    expect(thrown(() => grad(toNumber)(x))).toBe('grad: f returned 3, expected a Tensor');
    expect(thrown(() => valueAndGrad(toNumber)(x))).toBe('valueAndGrad: f returned 3, expected a Tensor');
    expect(thrown(() => hvp(toNumber, x, tensor([1])))).toBe('hvp: f returned 3, expected a Tensor');
    expect(thrown(() => vjp(toNumber, x))).toBe('vjp: f returned 3, expected a Tensor');
    expect(thrown(() => jvp(toNumber, x, tensor([1])))).toBe('jvp: f returned 3, expected a Tensor');
    expect(thrown(() => grad(untyped<(t: Tensor) => Tensor>(() => undefined))(x))).toBe('grad: f returned undefined, expected a Tensor');
  });

  it('a missing function, a non-tensor point, a non-tensor output of gradients()', () => {
    expect(thrown(() => grad(untyped<(t: Tensor) => Tensor>(undefined)))).toBe('grad: f is undefined, expected a function');
    expect(thrown(() => grad(quad)(untyped(Float64Array.of(1, 2))))).toBe('grad: x is a Float64Array of length 2, expected a Tensor');
    expect(thrown(() => gradients(untyped(3), [tensor([1])]))).toBe('gradients: output is 3, expected a Tensor');
  });

  it('hvp / jvp with a NaN or infinite direction name the first bad entry', () => {
    const x = tensor([1, 2, 3]);
    expect(thrown(() => hvp(quad, x, tensor([0.5, NaN, NaN])))).toBe('hvp: direction[1] is NaN, expected a finite number');
    expect(thrown(() => hvp(quad, x, tensor([-Infinity, 1, 1])))).toBe('hvp: direction[0] is -Infinity, expected a finite number');
    expect(thrown(() => jvp(tanh, x, tensor([1, 1, Infinity])))).toBe('jvp: direction[2] is Infinity, expected a finite number');
  });

  it('a finite direction still gives the exact product (sum x² has H = 2I)', () => {
    expect(hvp(quad, tensor([1, 2, 3]), tensor([0.5, -1, 2])).toArray()).toEqual([1, -2, 4]);
  });
});

describe('gradcheck on a non-finite point', () => {
  it('names x and the index of the first NaN or infinite entry', () => {
    const why = 'expected a finite number (finite differences need a finite point)';
    expect(thrown(() => gradcheck(quad, tensor([1, NaN, 2])))).toBe(`gradcheck: x[1] is NaN, ${why}`);
    expect(thrown(() => gradcheck(quad, tensor([Infinity, 1])))).toBe(`gradcheck: x[0] is Infinity, ${why}`);
    expect(thrown(() => gradcheck(quad, tensor([[1, 2], [3, -Infinity]])))).toBe(`gradcheck: x[3] is -Infinity, ${why}`);
  });

  it('a negative or NaN tol', () => {
    expect(thrown(() => gradcheck(quad, tensor([1]), { tol: -1 }))).toBe('gradcheck: tol is -1, expected a non-negative number');
    expect(thrown(() => gradcheck(quad, tensor([1]), { tol: NaN }))).toBe('gradcheck: tol is NaN, expected a non-negative number');
  });

  it('a finite point still checks: sum x² at [1, -2] has gradient [2, -4]', () => {
    const r = gradcheck(quad, tensor([1, -2]));
    expect(r.ok).toBe(true);
    expect(Array.from(r.analytic)).toEqual([2, -4]);
    expect(r.error).toBeLessThan(1e-9);
  });
});

describe('metaGradient / adapt: missing options and non-tensor arguments', () => {
  const theta = tensor([0.5, -0.5, 1]);

  it('without alpha, or with alpha of the wrong kind, names alpha and both accepted kinds', () => {
    const expected = "expected a finite number or a Tensor of theta's shape [3]";
    expect(thrown(() => metaGradient(quad, quad, theta, untyped({})))).toBe(`metaGradient: alpha is undefined, ${expected}`);
    expect(thrown(() => metaGradient(quad, quad, theta, untyped({ steps: 2, firstOrder: true })))).toBe(`metaGradient: alpha is undefined, ${expected}`);
    expect(thrown(() => metaGradient(quad, quad, theta, untyped({ alpha: [0.1, 0.1, 0.1] })))).toBe(`metaGradient: alpha is [0.1,0.1,0.1], ${expected}`);
    expect(thrown(() => metaGradient(quad, quad, theta, untyped({ alpha: '0.1' })))).toBe(`metaGradient: alpha is "0.1", ${expected}`);
    expect(thrown(() => adapt(quad, theta, untyped({})))).toBe(`adapt: alpha is undefined, ${expected}`);
  });

  it('without options, with a non-tensor theta, a string steps', () => {
    expect(thrown(() => metaGradient(quad, quad, theta, untyped(undefined)))).toBe('metaGradient: options is undefined, expected { alpha, steps?, firstOrder? }');
    expect(thrown(() => metaGradient(quad, quad, untyped([0.5]), { alpha: 0.1 }))).toBe('metaGradient: theta is [0.5], expected a Tensor');
    expect(thrown(() => adapt(quad, theta, untyped({ alpha: 0.1, steps: '2' })))).toBe('adapt: steps is "2", expected a non-negative integer');
  });

  it('losses that are not functions, or return no Tensor, are named inner / outer / loss', () => {
    const toNumber = untyped<(t: Tensor) => Tensor>(() => 1);
    expect(thrown(() => metaGradient(untyped(null), quad, theta, { alpha: 0.1 }))).toBe('metaGradient: inner is null, expected a function');
    expect(thrown(() => metaGradient(quad, untyped(undefined), theta, { alpha: 0.1 }))).toBe('metaGradient: outer is undefined, expected a function');
    expect(thrown(() => metaGradient(toNumber, quad, theta, { alpha: 0.1 }))).toBe('metaGradient: inner returned 1, expected a Tensor');
    expect(thrown(() => metaGradient(toNumber, quad, theta, { alpha: 0.1, firstOrder: true }))).toBe('metaGradient: inner returned 1, expected a Tensor');
    expect(thrown(() => metaGradient(quad, toNumber, theta, { alpha: 0.1 }))).toBe('metaGradient: outer returned 1, expected a Tensor');
    expect(thrown(() => metaGradient(quad, toNumber, theta, { alpha: 0.1, firstOrder: true }))).toBe('metaGradient: outer returned 1, expected a Tensor');
    expect(thrown(() => adapt(toNumber, theta, { alpha: 0.1 }))).toBe('adapt: loss returned 1, expected a Tensor');
  });

  it('valid options still give the closed form: sum θ² with α = 0.1, K = 1 adapts to 0.8 θ, meta-gradient 2 · 0.8² θ', () => {
    const m = metaGradient(quad, quad, theta, { alpha: 0.1 });
    expect(relErr(m.adapted.data, theta.toArray().map((t) => 0.8 * t))).toBeLessThan(1e-15);
    expect(relErr(m.grad.data, theta.toArray().map((t) => 2 * 0.64 * t))).toBeLessThan(1e-15);
    expect(relErr([m.value.item()], [0.64 * (0.25 + 0.25 + 1)])).toBeLessThan(1e-15);
  });
});

describe('ops and programs name an argument that is not a Tensor', () => {
  const B = tensor([[1], [2]]);
  const cases: [string, () => unknown, string][] = [
    ['matmul of a nested array', () => matmul([[1, 2]] as unknown as Tensor, B), 'matmul: a is [[1,2]], expected a Tensor'],
    ['matmul by a number', () => matmul(B, 3 as unknown as Tensor), 'matmul: b is 3, expected a Tensor'],
    ["matmul with 'yes' as a transpose flag", () => matmul(B, B, 'yes' as unknown as boolean), 'matmul: transA is "yes", expected true or false'],
    ['matmul with 1 as a transpose flag', () => matmul(B, B, true, 1 as unknown as boolean), 'matmul: transB is 1, expected true or false'],
    ['mul by a number', () => mul(scalar(2), 3 as unknown as Tensor), 'mul: b is 3, expected a Tensor'],
    ['add of null', () => add(null as unknown as Tensor, B), 'add: a is null, expected a Tensor'],
    ['a vjp pullback of a plain array', () => vjp((x: Tensor) => square(x), tensor([1, 2])).vjp([1, 1] as unknown as Tensor), "vjp: the pullback's u is [1,1], expected a Tensor"],
    ['compile with a nested array as an example', () => compile((x: Tensor) => x, [[1, 2]] as unknown as Tensor[]), 'compile: examples[0] is [1,2], expected a Tensor'],
    ['compile with no examples array', () => compile((x: Tensor) => x, tensor([1]) as unknown as Tensor[]), 'compile: examples is a Tensor, expected an array of Tensors'],
    ['runWith(null)', () => compile((x: Tensor) => square(x), [tensor([1, 2])]).runWith(null as unknown as Tensor[]), 'compiled program: inputs is null, expected an array of Tensors or Float64Arrays'],
    ['run with a plain array', () => compile((x: Tensor) => square(x), [tensor([1, 2])]).run([3, 4] as unknown as Tensor), 'compiled program: input 0 is [3,4], expected a Tensor or a Float64Array'],
  ];
  it.each(cases)('%s', (_name, fn, message) => {
    expect(thrown(fn)).toBe(message);
  });
});
