import { isRecording, withoutGraph } from './apply.js';
import { expectTensor } from './checks.js';
import { add } from './ops/arith.js';
import { formatShape, sameShape } from './shape.js';
import { Tensor, full, zeros } from './tensor.js';

/** Options of `gradients`: keep the backward graph for higher derivatives, or seed the output gradient. */
export interface GradientOptions {
  /** Record the backward pass on the graph so its result can be differentiated again. Default false. */
  readonly createGraph?: boolean;
  /** Gradient of the output (a vector-Jacobian product's cotangent). Default 1 for a one-element output. */
  readonly seed?: Tensor;
}

/**
 * Tensors that need a gradient: the targets and everything computed from them on the way to y,
 * in topological order (inputs before outputs).
 */
function dependents(y: Tensor, targets: ReadonlySet<Tensor>): { order: Tensor[]; relevant: Set<Tensor> } {
  const relevant = new Set<Tensor>();
  const done = new Set<Tensor>();
  const order: Tensor[] = [];
  const stack: [Tensor, number][] = [[y, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [t, next] = top;
    const inputs = t.node?.inputs ?? [];
    if (next < inputs.length) {
      top[1]++;
      const child = inputs[next];
      if (child.requiresGrad && !done.has(child)) stack.push([child, 0]);
      continue;
    }
    stack.pop();
    if (done.has(t)) continue;
    done.add(t);
    let needed = targets.has(t);
    for (const i of inputs) if (relevant.has(i)) needed = true;
    if (needed) {
      relevant.add(t);
      order.push(t);
    }
  }
  return { order, relevant };
}

/**
 * Reverse mode: the gradients of y with respect to each of xs (zeros for an x that y does not
 * depend on). With createGraph the result stays on the graph, so it can be differentiated again.
 */
export function gradients(y: Tensor, xs: readonly Tensor[], options: GradientOptions = {}): Tensor[] {
  expectTensor('gradients', 'output', y);
  const seed = options.seed ?? defaultSeed(y);
  if (!sameShape(seed.shape, y.shape)) {
    throw new Error(`gradients: seed has shape ${formatShape(seed.shape)}, expected the output's shape ${formatShape(y.shape)}`);
  }
  const run = (): Tensor[] => backpropagate(y, xs, seed);
  return options.createGraph ? (isRecording() ? run() : withGraphError()) : withoutGraph(run);
}

function withGraphError(): never {
  throw new Error('gradients: createGraph was requested inside a region that records no graph (withoutGraph)');
}

function defaultSeed(y: Tensor): Tensor {
  if (y.size !== 1) {
    throw new Error(`gradients: output has shape ${formatShape(y.shape)}, expected one element (or pass a seed of that shape)`);
  }
  return full(y.shape, 1);
}

function backpropagate(y: Tensor, xs: readonly Tensor[], seed: Tensor): Tensor[] {
  const { order, relevant } = dependents(y, new Set(xs));
  const grads = new Map<Tensor, Tensor>();
  if (relevant.has(y)) grads.set(y, seed);
  for (let k = order.length - 1; k >= 0; k--) {
    const t = order[k];
    const g = grads.get(t);
    const node = t.node;
    if (g === undefined || node === null) continue;
    const needs = node.inputs.map((i) => relevant.has(i));
    const inputGrads = node.op.backward(g, node.inputs, t, node.attrs, needs);
    for (let i = 0; i < node.inputs.length; i++) {
      const gi = inputGrads[i];
      if (gi === null || !needs[i]) continue;
      const input = node.inputs[i];
      if (!sameShape(gi.shape, input.shape)) {
        throw new Error(`internal: ${node.op.name} gave a gradient of shape ${formatShape(gi.shape)} for an input of shape ${formatShape(input.shape)}`);
      }
      const prev = grads.get(input);
      grads.set(input, prev === undefined ? gi : add(prev, gi));
    }
  }
  return xs.map((x) => grads.get(x) ?? zeros(x.shape));
}

/** A differentiable leaf over x's data (no copy), or x itself when it is already differentiable. */
export function watch(x: Tensor): Tensor {
  return x.requiresGrad ? x : new Tensor(x.data, x.shape, null, true);
}

/** x's value, cut from the graph: nothing flows back through it. */
export function stopGradient(x: Tensor): Tensor {
  return x.requiresGrad ? new Tensor(x.data, x.shape) : x;
}
