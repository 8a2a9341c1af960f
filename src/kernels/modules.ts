// Every WebAssembly module the kernels generate, by name: the goldens in test/golden/wasm hold
// their text (`npm run wat:update` rewrites them).

import { elementwiseKernel } from './elementwise-wasm.js';
import { expLogKernel } from './exp-log.js';
import { gemmKernel, gemmSharedKernel } from './gemm.js';
import { tanhKernel } from './tanh.js';
import { type KernelModule, probeModule } from './wasm/module.js';

export const GENERATED_MODULES: Readonly<Record<string, KernelModule>> = {
  probe: { build: probeModule },
  gemm: gemmKernel,
  'gemm-shared': gemmSharedKernel,
  elementwise: elementwiseKernel,
  tanh: tanhKernel,
  'exp-log': expLogKernel,
};
