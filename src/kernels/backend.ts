// Which implementation the kernels run: WebAssembly SIMD where the runtime supports it, else
// TypeScript. Both give the same bits, so the choice changes speed only; setBackend('typescript')
// is for runtimes or policies where WebAssembly is unwanted, and for checking that equality.

import { describe } from '../validation/values.js';
import { switchOffWasm, wasmAvailable, wasmSupported } from './wasm/module.js';

/** Where the kernels run: WebAssembly SIMD, or TypeScript with the same bits. */
export type Backend = 'wasm' | 'typescript';

/** The implementation the kernels run now. */
export function backend(): Backend {
  return wasmAvailable() ? 'wasm' : 'typescript';
}

/**
 * Chooses the kernels' implementation for this realm (worker threads choose their own). Throws,
 * changing nothing, for another name, or for 'wasm' where WebAssembly with SIMD is not supported.
 */
export function setBackend(name: Backend): void {
  if (name !== 'wasm' && name !== 'typescript') {
    throw new Error(`backend is ${describe(name)}, expected "wasm" or "typescript"`);
  }
  if (name === 'wasm' && !wasmSupported()) {
    throw new Error('backend is "wasm", expected "typescript" (WebAssembly with SIMD is not supported here)');
  }
  switchOffWasm(name === 'typescript');
}
