/**
 * The Hessian-vector product of an objective on a fixed batch, taken many times in one TRPO step
 * (the Fisher product at every conjugate-gradient iteration): compiled at the first call and
 * replayed after (the same bits as eager evaluation, without a graph), or eager when compiling is
 * off. Its compiled program holds arena memory until released, so the step releases it at its end.
 */
import { compile } from '../autodiff/compile.js';
import { type Tensor, fromBuffer } from '../autodiff/tensor.js';
import { hvp } from '../autodiff/transforms.js';

/** objective(theta, ...data): a scalar of the parameters, on tensors that stay fixed. */
export type BatchObjective = (theta: Tensor, ...data: Tensor[]) => Tensor;

export interface FixedBatchProduct {
  /** v -> the Hessian at the point times v (a fresh buffer). */
  readonly product: (v: Float64Array) => Float64Array;
  /** Hands the compiled program's memory back; a later product compiles again. */
  readonly release: () => void;
}

/** The Hessian of objective(., ...data) at `point` (read at every call) times v. */
export function hessianProductOnBatch(objective: BatchObjective, point: Float64Array, data: readonly Tensor[], compiled: boolean): FixedBatchProduct {
  const x = fromBuffer(point);
  if (!compiled) return { product: (v) => hvp((t: Tensor) => objective(t, ...data), x, fromBuffer(v)).data, release: () => undefined };
  let program: ReturnType<typeof compile<Tensor[]>> | null = null;
  return {
    product: (v) => {
      const direction = fromBuffer(v);
      program ??= compile((t, d, ...rest) => [hvp((y: Tensor) => objective(y, ...rest), t, d)], [x, direction, ...data]);
      return Float64Array.from(program.run(x, direction, ...data)[0].data);
    },
    release: () => {
      program?.release();
      program = null;
    },
  };
}
