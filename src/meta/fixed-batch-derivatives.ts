/**
 * Derivatives of an objective on a fixed batch that are taken many times in one TRPO step (the
 * gradient at every line-search candidate, the Hessian-vector product at every conjugate-gradient
 * iteration): compiled at the first call and replayed after (the same bits as eager evaluation, a
 * few times faster and without a graph), or eager when compiling is off.
 */
import { compile } from '../autodiff/compile.js';
import { type Tensor, fromBuffer } from '../autodiff/tensor.js';
import { grad, hvp } from '../autodiff/transforms.js';

/** objective(theta, ...data): a scalar of the parameters, on tensors that stay fixed. */
export type BatchObjective = (theta: Tensor, ...data: Tensor[]) => Tensor;

/** point -> the gradient of objective(., ...data) at point (a fresh buffer). */
export function gradientOnBatch(objective: BatchObjective, data: readonly Tensor[], compiled: boolean): (point: Float64Array) => Float64Array {
  if (!compiled) return (point) => grad((t: Tensor) => objective(t, ...data))(fromBuffer(point)).data;
  let program: ReturnType<typeof compile<Tensor[]>> | null = null;
  return (point) => {
    const x = fromBuffer(point);
    program ??= compile((t, ...rest) => [grad((y: Tensor) => objective(y, ...rest))(t)], [x, ...data]);
    return Float64Array.from(program.run(x, ...data)[0].data);
  };
}

/** v -> the Hessian of objective(., ...data) at `point` (read at every call) times v (a fresh buffer). */
export function hessianProductOnBatch(objective: BatchObjective, point: Float64Array, data: readonly Tensor[], compiled: boolean): (v: Float64Array) => Float64Array {
  const x = fromBuffer(point);
  if (!compiled) return (v) => hvp((t: Tensor) => objective(t, ...data), x, fromBuffer(v)).data;
  let program: ReturnType<typeof compile<Tensor[]>> | null = null;
  return (v) => {
    const direction = fromBuffer(v);
    program ??= compile((t, d, ...rest) => [hvp((y: Tensor) => objective(y, ...rest), t, d)], [x, direction, ...data]);
    return Float64Array.from(program.run(x, direction, ...data)[0].data);
  };
}
