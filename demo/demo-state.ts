import type { WasmUsage } from './wasm-usage.js';

/** What the page shows, for people reading the status line and for the screenshot test. */
export interface DemoState {
  env: string;
  lanes: { algo: string; iterations: number; previews: number; done: boolean; error: string | null }[];
  /** Animation frames drawn since the page loaded. */
  framesDrawn: number;
  /** The kernels of the first worker that reported. */
  wasm: WasmUsage | null;
  audit: { file: string; quantities: number; maxError: number } | { file: string; error: string } | null;
}
