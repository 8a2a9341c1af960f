import { withoutGraph } from './apply.js';
import { gradients, stopGradient, watch } from './backward.js';
import { expectFunction, expectTensor, expectTensorResult } from './checks.js';
import { describe as describeValue } from '../validation/values.js';
import { add, mul, sub } from './ops/arith.js';
import { neg, scaleBy } from './ops/scalar.js';
import { formatShape, sameShape } from './shape.js';
import { Tensor } from './tensor.js';

/** A loss of the parameters; `step` is the inner step (0-based) for losses that use fresh data per step. */
export type ParamLoss = (theta: Tensor, step: number) => Tensor;

/** The inner loop of `adapt` and `metaGradient`: rate (a number, or a tensor of per-parameter rates), steps, first-order or exact. */
export interface AdaptOptions {
  /** Inner learning rate: a number, or a tensor of theta's shape (Meta-SGD's per-parameter rates). */
  readonly alpha: number | Tensor;
  /** Inner gradient steps K. Default 1. */
  readonly steps?: number;
  /** Cut the graph at every step (FOMAML): memory does not grow with K. Default false. */
  readonly firstOrder?: boolean;
}

/** What `metaGradient` returns: the outer loss, its gradient with respect to theta, and with respect to the rates when they are a tensor. */
export interface MetaGradient {
  /** The outer loss at the adapted parameters. */
  readonly value: Tensor;
  /** d value / d theta: exact through all K steps, or first-order. */
  readonly grad: Tensor;
  /** d value / d alpha when alpha is a tensor. */
  readonly alphaGrad: Tensor | null;
  /** theta after K inner steps. */
  readonly adapted: Tensor;
}

/** The number of inner steps, after checking theta and every option; `fn` names the caller in errors. */
function checkArguments(fn: string, theta: Tensor, o: AdaptOptions): number {
  expectTensor(fn, 'theta', theta);
  if (typeof o !== 'object' || o === null) throw new Error(`${fn}: options is ${describeValue(o)}, expected { alpha, steps?, firstOrder? }`);
  const steps = o.steps ?? 1;
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`${fn}: steps is ${describeValue(steps)}, expected a non-negative integer`);
  if (typeof o.alpha === 'number') {
    if (!Number.isFinite(o.alpha)) throw new Error(`${fn}: alpha is ${o.alpha}, expected a finite number`);
  } else if (!(o.alpha instanceof Tensor)) {
    throw new Error(`${fn}: alpha is ${describeValue(o.alpha)}, expected a finite number or a Tensor of theta's shape ${formatShape(theta.shape)}`);
  } else if (!sameShape(o.alpha.shape, theta.shape)) {
    throw new Error(`${fn}: alpha has shape ${formatShape(o.alpha.shape)}, expected theta's shape ${formatShape(theta.shape)}`);
  }
  return steps;
}

function step(theta: Tensor, g: Tensor, alpha: number | Tensor): Tensor {
  return sub(theta, typeof alpha === 'number' ? scaleBy(g, alpha) : mul(g, alpha));
}

/** First-order steps: each inner gradient is a constant, the result a fresh leaf. */
function firstOrderSteps(loss: ParamLoss, theta: Tensor, steps: number, alpha: number | Tensor): { adapted: Tensor; gradSum: Tensor | null } {
  let t = stopGradient(theta);
  let gradSum: Tensor | null = null;
  for (let k = 0; k < steps; k++) {
    const leaf = watch(t);
    const [g] = gradients(loss(leaf, k), [leaf]);
    withoutGraph(() => {
      if (typeof alpha !== 'number') gradSum = gradSum === null ? g : add(gradSum, g);
      t = step(t, g, alpha);
    });
  }
  return { adapted: t, gradSum };
}

/**
 * K gradient steps theta <- theta - alpha * grad loss(theta). Exact mode keeps every step on the
 * graph (the result is differentiable in theta and alpha); first-order mode returns a fresh leaf.
 */
export function adapt(loss: ParamLoss, theta: Tensor, options: AdaptOptions): Tensor {
  const checked = checkedLoss('adapt', 'loss', loss);
  const steps = checkArguments('adapt', theta, options);
  if (options.firstOrder) return firstOrderSteps(checked, theta, steps, options.alpha).adapted;
  return exactSteps(checked, theta, steps, options.alpha);
}

/** Exact steps: every inner gradient stays on the graph. */
function exactSteps(loss: ParamLoss, theta: Tensor, steps: number, alpha: number | Tensor): Tensor {
  let t = theta;
  for (let k = 0; k < steps; k++) {
    const [g] = gradients(loss(t, k), [t], { createGraph: true });
    t = step(t, g, alpha);
  }
  return t;
}

/** The loss, failing with a message naming it when it is not a function or returns no Tensor. */
function checkedLoss(fn: string, name: string, loss: ParamLoss): ParamLoss {
  expectFunction(fn, name, loss);
  return (theta, step) => expectTensorResult(fn, name, loss(theta, step));
}

/**
 * The MAML meta-gradient d outer(adapt(theta)) / d theta in one call, exact through K inner steps
 * (one Hessian-vector product per step, via reverse-over-reverse), or first-order (FOMAML) where
 * the inner gradients are constants. With a tensor alpha (Meta-SGD) it also returns d/d alpha;
 * in first-order mode that is -(sum of inner gradients) * grad outer, the same approximation.
 */
export function metaGradient(inner: ParamLoss, outer: (theta: Tensor) => Tensor, theta: Tensor, options: AdaptOptions): MetaGradient {
  const checkedInner = checkedLoss('metaGradient', 'inner', inner);
  expectFunction('metaGradient', 'outer', outer);
  const steps = checkArguments('metaGradient', theta, options);
  if (options.firstOrder) {
    const { adapted, gradSum } = firstOrderSteps(checkedInner, theta, steps, options.alpha);
    const leaf = watch(adapted);
    const value = expectTensorResult('metaGradient', 'outer', outer(leaf));
    const [grad] = gradients(value, [leaf]);
    let alphaGrad: Tensor | null = null;
    if (typeof options.alpha !== 'number') {
      alphaGrad = withoutGraph(() => (gradSum === null ? scaleBy(grad, 0) : neg(mul(gradSum, grad))));
    }
    return { value: stopGradient(value), grad, alphaGrad, adapted };
  }
  const thetaW = watch(theta);
  const alphaW = typeof options.alpha === 'number' ? options.alpha : watch(options.alpha);
  const adapted = exactSteps(checkedInner, thetaW, steps, alphaW);
  const value = expectTensorResult('metaGradient', 'outer', outer(adapted));
  const targets = typeof alphaW === 'number' ? [thetaW] : [thetaW, alphaW];
  const [grad, alphaGrad = null] = gradients(value, targets);
  return { value: stopGradient(value), grad, alphaGrad, adapted: stopGradient(adapted) };
}
