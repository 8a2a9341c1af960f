import { gradients, watch } from './backward.js';
import { expectFinite, expectFunction, expectTensor, expectTensorResult } from './checks.js';
import { describe as describeValue } from '../validation/values.js';
import { mul } from './ops/arith.js';
import { sum } from './ops/reduce.js';
import { formatShape, sameShape } from './shape.js';
import { Tensor, zeros } from './tensor.js';

/** A function of a tensor (and optional further arguments) to a scalar tensor: what `grad`, `valueAndGrad` and `hvp` transform. */
export type ScalarFn<Rest extends unknown[] = []> = (x: Tensor, ...rest: Rest) => Tensor;

/**
 * How many transforms are evaluating right now. A transform nested inside another records its
 * backward pass, so the outer one differentiates through it (as JAX composes grad(grad(f))).
 */
let depth = 0;

function nested<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** f(x) and its gradient with respect to x (the first argument). */
export function valueAndGrad<Rest extends unknown[]>(f: ScalarFn<Rest>): (x: Tensor, ...rest: Rest) => { value: Tensor; grad: Tensor } {
  return valueAndGradAs('valueAndGrad', f);
}

/** The gradient of a scalar function with respect to its first argument. */
export function grad<Rest extends unknown[]>(f: ScalarFn<Rest>): (x: Tensor, ...rest: Rest) => Tensor {
  const vg = valueAndGradAs('grad', f);
  return (x, ...rest) => vg(x, ...rest).grad;
}

/** valueAndGrad whose errors carry the name the caller used. */
function valueAndGradAs<Rest extends unknown[]>(name: string, f: ScalarFn<Rest>): (x: Tensor, ...rest: Rest) => { value: Tensor; grad: Tensor } {
  expectFunction(name, 'f', f);
  return (x, ...rest) => {
    expectTensor(name, 'x', x);
    const createGraph = depth > 0;
    return nested(() => {
      const xw = watch(x);
      const value = expectTensorResult(name, 'f', f(xw, ...rest));
      const [grad] = gradients(value, [xw], { createGraph });
      return { value, grad };
    });
  };
}

/** f(x) and the map u -> uᵀ J_f(x). */
export function vjp(f: (x: Tensor) => Tensor, x: Tensor): { value: Tensor; vjp: (u: Tensor) => Tensor } {
  expectFunction('vjp', 'f', f);
  const xw = watch(expectTensor('vjp', 'x', x));
  const value = nested(() => expectTensorResult('vjp', 'f', f(xw)));
  return { value, vjp: (u) => gradients(value, [xw], { seed: expectTensor('vjp', 'the pullback\'s u', u), createGraph: depth > 0 })[0] };
}

/** A point's value and gradient, with Hessian-vector products there that reuse the gradient's graph. */
export interface Linearization {
  readonly value: Tensor;
  readonly grad: Tensor;
  /** H(x) v: only the backward pass through the recorded gradient, same bits as `hvp(f, x, v)`. */
  hvp(v: Tensor): Tensor;
}

/**
 * f(x), its gradient, and Hessian-vector products at x for directions known only later: the
 * forward and backward passes run once, recorded, and each HVP then differentiates that record
 * (as an exact MAML meta-gradient needs H_k v after the validation gradient is known).
 */
export function valueGradAndHvp(f: ScalarFn, x: Tensor): Linearization {
  expectFunction('valueGradAndHvp', 'f', f);
  expectTensor('valueGradAndHvp', 'x', x);
  return nested(() => {
    const xw = watch(x);
    const value = expectTensorResult('valueGradAndHvp', 'f', f(xw));
    const [g] = gradients(value, [xw], { createGraph: true });
    const hvpAt = (v: Tensor): Tensor => {
      checkPointAndDirection('valueGradAndHvp.hvp', f, x, v);
      return nested(() => gradients(dot(g, v), [xw], { createGraph: depth > 1 })[0]);
    };
    return { value, grad: g, hvp: hvpAt };
  });
}

function dot(a: Tensor, b: Tensor): Tensor {
  return sum(mul(a, b));
}

function checkPointAndDirection(op: string, f: unknown, x: Tensor, v: Tensor): void {
  expectFunction(op, 'f', f);
  expectTensor(op, 'x', x);
  if (!(v instanceof Tensor)) {
    throw new Error(`${op}: direction is ${describeValue(v)}, expected a Tensor of the point's shape ${formatShape(x.shape)}`);
  }
  if (!sameShape(x.shape, v.shape)) {
    throw new Error(`${op}: direction has shape ${formatShape(v.shape)}, expected the point's shape ${formatShape(x.shape)}`);
  }
  expectFinite(op, 'direction', v);
}

/**
 * J_f(x) v by differentiating the vector-Jacobian product u -> uᵀJ in u (it is linear in u, so
 * the derivative is exact at any u; zeros are used).
 */
export function jvp(f: (x: Tensor) => Tensor, x: Tensor, v: Tensor): { value: Tensor; tangent: Tensor } {
  checkPointAndDirection('jvp', f, x, v);
  return nested(() => {
    const xw = watch(x);
    const value = expectTensorResult('jvp', 'f', f(xw));
    const u = watch(zeros(value.shape));
    const [pullback] = gradients(value, [xw], { seed: u, createGraph: true });
    const [tangent] = gradients(dot(pullback, v), [u], { createGraph: depth > 1 });
    return { value, tangent };
  });
}

/** H v, the Hessian of scalar f at x times v, by reverse-over-reverse differentiation. */
export function hvp<Rest extends unknown[]>(f: ScalarFn<Rest>, x: Tensor, v: Tensor, ...rest: Rest): Tensor {
  checkPointAndDirection('hvp', f, x, v);
  return nested(() => {
    const xw = watch(x);
    const [g] = gradients(expectTensorResult('hvp', 'f', f(xw, ...rest)), [xw], { createGraph: true });
    return gradients(dot(g, v), [xw], { createGraph: depth > 1 })[0];
  });
}
