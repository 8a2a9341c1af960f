// First-order optimisers over one flat parameter vector, with PyTorch's update rules. `step`
// updates the parameters in place and allocates nothing; `getState` returns plain JSON.

import { pow } from '../kernels/fdlibm-pow.js';

/**
 * out = x - scale (*) y, with a scalar scale or one per entry: the axpy of the adaptation's
 * Jacobian products (v - alpha H v). `out` may be x itself.
 */
export function subtractScaledInto(out: Float64Array, x: Float64Array, scale: number | Float64Array, y: Float64Array): Float64Array {
  return subtractScaled('subtractScaledInto', ['out', 'x', 'scale', 'y'], out, x, scale, y);
}

/**
 * out = theta - rate g, with a scalar rate or one rate per entry (Meta-SGD's alpha_vec): the
 * plain gradient step of the inner loop and the directed step. `out` may be theta itself.
 */
export function sgdStepInto(out: Float64Array, theta: Float64Array, rate: number | Float64Array, g: Float64Array): Float64Array {
  return subtractScaled('sgdStepInto', ['out', 'theta', 'rate', 'g'], out, theta, rate, g);
}

/** `names`: the caller's names of out, x, scale and y, for its error. */
function subtractScaled(fn: string, names: readonly [string, string, string, string], out: Float64Array, x: Float64Array, scale: number | Float64Array, y: Float64Array): Float64Array {
  const n = x.length;
  const vector = typeof scale !== 'number';
  if (out.length !== n || y.length !== n || (vector && scale.length !== n)) {
    const [o, a, s, b] = names;
    throw new Error(`${fn}: ${o}, ${a}, ${b}${vector ? ` and ${s}` : ''} must have the same length, got ${out.length}, ${n}, ${y.length}${vector ? `, ${scale.length}` : ''}`);
  }
  if (!vector) for (let i = 0; i < n; i++) out[i] = x[i] - scale * y[i];
  else for (let i = 0; i < n; i++) out[i] = x[i] - scale[i] * y[i];
  return out;
}

/** Adam's rate, betas, epsilon and weight decay, as torch.optim.Adam's. */
export interface AdamOptions {
  readonly lr?: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  /** L2 penalty added to the gradient (torch.optim.Adam's weight_decay, not AdamW). */
  readonly weightDecay?: number;
}

/** Adam's moments and step count, as plain data for snapshots. */
export interface AdamState {
  readonly kind: 'adam';
  /** Steps taken so far (PyTorch's `step`). */
  readonly step: number;
  readonly m: number[];
  readonly v: number[];
}

/** SGD's rate and momentum. */
export interface SgdOptions {
  readonly lr: number;
  readonly momentum?: number;
}

/** SGD's momentum buffer, as plain data for snapshots. */
export interface SgdState {
  readonly kind: 'sgd';
  /** The momentum buffer; null before the first step (PyTorch starts it at the first gradient). */
  readonly buffer: number[] | null;
}

/** Updates parameters in place from their gradient; its state can be read and restored. */
export interface Optimizer<State> {
  /** params -= update(grad), in place. */
  step(params: Float64Array, grad: Float64Array): void;
  /** The optimizer state as plain data, for a snapshot. */
  getState(): State;
  /** Restores a state `getState` returned; throws naming the field if it does not fit this optimizer. */
  setState(state: State): void;
}

function checkOption(name: string, value: number, ok: boolean, expected: string): number {
  if (!ok) throw new Error(`${name} is ${value}, expected ${expected}`);
  return value;
}

function finite(x: number): boolean {
  return Number.isFinite(x);
}

/** Throws before anything is updated, so a bad gradient leaves parameters and state untouched. */
function checkStep(op: string, size: number, params: Float64Array, grad: Float64Array): void {
  if (params.length !== size) throw new Error(`${op}: params have length ${params.length}, expected ${size}`);
  if (grad.length !== size) throw new Error(`${op}: grad has length ${grad.length}, expected ${size}`);
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(grad[i])) throw new Error(`${op}: grad[${i}] is ${grad[i]}, expected a finite number`);
  }
}

function checkBuffer(op: string, name: string, values: unknown, size: number): number[] {
  if (!Array.isArray(values) || values.length !== size || !values.every((x) => typeof x === 'number' && finite(x))) {
    throw new Error(`${op}: state.${name} is not an array of ${size} finite numbers`);
  }
  return values;
}

/**
 * torch.optim.Adam (amsgrad off, maximize off), step t >= 1:
 *   g = grad + weightDecay * p
 *   m = beta1 m + (1 - beta1) g;  v = beta2 v + (1 - beta2) g^2  (m and v start at 0)
 *   p -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 */
export class Adam implements Optimizer<AdamState> {
  readonly size: number;
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  private t = 0;
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  constructor(size: number, options: AdamOptions = {}) {
    this.size = checkOption('Adam: size', size, Number.isInteger(size) && size >= 0, 'a non-negative integer');
    const { lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0 } = options;
    this.lr = checkOption('Adam: lr', lr, finite(lr) && lr > 0, 'a positive finite number');
    this.beta1 = checkOption('Adam: beta1', beta1, beta1 >= 0 && beta1 < 1, 'a number in [0, 1)');
    this.beta2 = checkOption('Adam: beta2', beta2, beta2 >= 0 && beta2 < 1, 'a number in [0, 1)');
    this.eps = checkOption('Adam: eps', eps, finite(eps) && eps >= 0, 'a non-negative finite number');
    this.weightDecay = checkOption('Adam: weightDecay', weightDecay, finite(weightDecay) && weightDecay >= 0, 'a non-negative finite number');
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  step(params: Float64Array, grad: Float64Array): void {
    checkStep('Adam.step', this.size, params, grad);
    const { beta1, beta2, eps, weightDecay, m, v } = this;
    this.t++;
    const stepSize = this.lr / (1 - pow(beta1, this.t));
    const bc2Sqrt = Math.sqrt(1 - pow(beta2, this.t));
    for (let i = 0; i < this.size; i++) {
      const g = weightDecay === 0 ? grad[i] : grad[i] + weightDecay * params[i];
      // Grouped as torch 2's kernels: m.lerp_(g, 1 - beta1), v.mul_(beta2).addcmul_(g, g, 1 - beta2).
      m[i] += (1 - beta1) * (g - m[i]);
      v[i] = beta2 * v[i] + (1 - beta2) * (g * g);
      params[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / bc2Sqrt + eps));
    }
  }

  /** The optimizer state as plain data, for a snapshot. */
  getState(): AdamState {
    return { kind: 'adam', step: this.t, m: Array.from(this.m), v: Array.from(this.v) };
  }

  /** Restores a state `getState` returned; throws naming the field if it does not fit this optimizer. */
  setState(state: AdamState): void {
    if (state?.kind !== 'adam') throw new Error(`Adam.setState: state.kind is ${JSON.stringify(state?.kind)}, expected "adam"`);
    if (!Number.isInteger(state.step) || state.step < 0) {
      throw new Error(`Adam.setState: state.step is ${state.step}, expected a non-negative integer`);
    }
    const m = checkBuffer('Adam.setState', 'm', state.m, this.size);
    const v = checkBuffer('Adam.setState', 'v', state.v, this.size);
    this.t = state.step;
    this.m.set(m);
    this.v.set(v);
  }
}

/**
 * torch.optim.SGD (dampening 0, no Nesterov, no weight decay):
 *   momentum 0: p -= lr g
 *   else: b = g on the first step, b = momentum b + g after; p -= lr b
 */
export class Sgd implements Optimizer<SgdState> {
  readonly size: number;
  readonly lr: number;
  readonly momentum: number;
  private started = false;
  private readonly buffer: Float64Array;

  constructor(size: number, options: SgdOptions) {
    this.size = checkOption('Sgd: size', size, Number.isInteger(size) && size >= 0, 'a non-negative integer');
    const { lr, momentum = 0 } = options;
    this.lr = checkOption('Sgd: lr', lr, finite(lr) && lr > 0, 'a positive finite number');
    this.momentum = checkOption('Sgd: momentum', momentum, momentum >= 0 && momentum < 1, 'a number in [0, 1)');
    this.buffer = new Float64Array(momentum === 0 ? 0 : size);
  }

  step(params: Float64Array, grad: Float64Array): void {
    checkStep('Sgd.step', this.size, params, grad);
    const { lr, momentum, buffer: b } = this;
    if (momentum === 0) {
      for (let i = 0; i < this.size; i++) params[i] -= lr * grad[i];
      return;
    }
    if (!this.started) b.set(grad);
    else for (let i = 0; i < this.size; i++) b[i] = momentum * b[i] + grad[i];
    this.started = true;
    for (let i = 0; i < this.size; i++) params[i] -= lr * b[i];
  }

  /** The optimizer state as plain data, for a snapshot. */
  getState(): SgdState {
    return { kind: 'sgd', buffer: this.started ? Array.from(this.buffer) : null };
  }

  /** Restores a state `getState` returned; throws naming the field if it does not fit this optimizer. */
  setState(state: SgdState): void {
    if (state?.kind !== 'sgd') throw new Error(`Sgd.setState: state.kind is ${JSON.stringify(state?.kind)}, expected "sgd"`);
    if (state.buffer === null) {
      this.started = false;
      return;
    }
    if (this.momentum === 0) throw new Error('Sgd.setState: state.buffer is set, expected null (momentum is 0)');
    this.buffer.set(checkBuffer('Sgd.setState', 'buffer', state.buffer, this.size));
    this.started = true;
  }
}
