import { apply } from '../apply.js';
import { gemm } from '../../kernels/gemm.js';
import type { OpDef } from '../node.js';
import { formatShape } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { expectBoolean, expectTensor } from '../checks.js';

export interface MatmulAttrs {
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly k: number;
  readonly n: number;
}

export const matmulOp: OpDef<MatmulAttrs> = {
  name: 'matmul',
  shape: (_inputs, s) => [s.m, s.n],
  forward(out, inputs, s) {
    const a = inputs[0], b = inputs[1];
    gemm(out, a.data, b.data, s.m, s.k, s.n, s.transA, s.transB, false);
  },
  // Each gradient is another matmul with the transposes arranged so that no transpose is materialised.
  backward: (g, [a, b], _y, s, needs) => [
    needs[0] ? (s.transA ? matmul(b, g, s.transB, true) : matmul(g, b, false, !s.transB)) : null,
    needs[1] ? (s.transB ? matmul(g, a, true, s.transA) : matmul(a, g, !s.transA, false)) : null,
  ],
};

export function matmulAttrs(op: string, a: Tensor, b: Tensor, transA: boolean, transB: boolean): MatmulAttrs {
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new Error(`${op}: expected two matrices, got shapes ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
  const [m, ka] = transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const [kb, n] = transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
  if (ka !== kb) {
    throw new Error(`${op}: inner dimensions differ: ${formatShape(a.shape)}${transA ? 'ᵀ' : ''} x ${formatShape(b.shape)}${transB ? 'ᵀ' : ''} (${ka} vs ${kb})`);
  }
  return { transA, transB, m, k: ka, n };
}

/** op(a) · op(b), where op transposes when asked. */
export function matmul(a: Tensor, b: Tensor, transA = false, transB = false): Tensor {
  expectTensor('matmul', 'a', a);
  expectTensor('matmul', 'b', b);
  const attrs = matmulAttrs('matmul', a, b, expectBoolean('matmul', 'transA', transA), expectBoolean('matmul', 'transB', transB));
  return apply(matmulOp, [a, b], attrs);
}
