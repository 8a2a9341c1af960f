import type { Shape } from './shape.js';
import type { Tensor } from './tensor.js';

/**
 * One primitive: its forward kernel and its derivative rule live together.
 * `backward` returns the input gradients built from ops, so a derivative is itself differentiable
 * (this is what makes Hessian-vector products and MAML meta-gradients exact).
 */
export interface OpDef<A> {
  readonly name: string;
  /** The output shape; throws a message naming the op and the expected shape on bad input. */
  shape(inputs: readonly Tensor[], attrs: A): Shape;
  /**
   * Writes the result into `out` (a fresh buffer, never aliasing an input). A compiled program
   * calls it on every run, so it allocates nothing (no arrays, no destructuring of `inputs`).
   */
  forward(out: Float64Array, inputs: readonly Tensor[], attrs: A, outShape: Shape): void;
  /**
   * Gradients of the inputs given `g`, the gradient of the output. `needs[i]` false means input i
   * needs none (return null there). `output` is the forward result, for rules that reuse it.
   */
  backward(g: Tensor, inputs: readonly Tensor[], output: Tensor, attrs: A, needs: readonly boolean[]): (Tensor | null)[];
  /** The output shares input 0's buffer (a reshape): no kernel runs. */
  readonly alias?: boolean;
}

/** Where a differentiable tensor came from. */
export interface Node {
  readonly op: OpDef<any>;
  readonly inputs: readonly Tensor[];
  readonly attrs: unknown;
}
