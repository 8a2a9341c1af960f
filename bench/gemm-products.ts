// The gemm products of one dense layer, as the MLP's forward and backward passes compute them.

export interface GemmProduct {
  readonly name: string;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly transA: boolean;
  readonly transB: boolean;
  /** dW is summed over the batch into the gradient that is already there. */
  readonly accumulate: boolean;
}

/** forward (X W^T), dX (dY W) and dW (dY^T X) of a `inputs->outputs` layer at a batch size. */
export function layerProducts(batch: number, inputs: number, outputs: number): GemmProduct[] {
  const layer = `b=${batch} ${inputs}->${outputs}`;
  return [
    { name: `forward ${layer}`, m: batch, k: inputs, n: outputs, transA: false, transB: true, accumulate: false },
    { name: `dX ${layer}`, m: batch, k: outputs, n: inputs, transA: false, transB: false, accumulate: false },
    { name: `dW ${layer}`, m: outputs, k: batch, n: inputs, transA: true, transB: false, accumulate: true },
  ];
}
