/**
 * Counts what the engine's WebAssembly kernels do in this realm (page or worker), without the
 * library's help: every `WebAssembly.Instance` it creates is counted, and every call of an
 * exported function. The engine instantiates a kernel module right before its first use and only
 * after its SIMD probe module compiled, so calls > 0 means the SIMD kernels ran here.
 */

export interface WasmUsage {
  /** This realm validates a module that uses SIMD instructions. */
  readonly simd: boolean;
  /** Modules instantiated (the engine's SIMD probe included). */
  readonly instances: number;
  /** Calls of their exported functions. */
  readonly calls: number;
}

/** (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt): the usual SIMD feature probe. */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

const counts = { instances: 0, calls: 0 };
let installed = false;

type ExportedFunction = (...args: unknown[]) => unknown;

function counted(fn: ExportedFunction): ExportedFunction {
  return function (this: unknown) {
    counts.calls++;
    // `arguments` rather than a rest parameter: no array per kernel call.
    // eslint-disable-next-line prefer-rest-params
    return fn.apply(this, arguments as unknown as unknown[]);
  };
}

/** Wraps WebAssembly.Instance so that instances and export calls are counted; call it before any kernel runs. */
export function countWasmUsage(): void {
  if (installed || typeof WebAssembly !== 'object') return;
  installed = true;
  const Original = WebAssembly.Instance;
  const Counting = function (...args: ConstructorParameters<typeof Original>) {
    const instance = new Original(...args);
    counts.instances++;
    const exports: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      exports[name] = typeof value === 'function' ? counted(value as ExportedFunction) : value;
    }
    return { exports: Object.freeze(exports) };
  };
  Counting.prototype = Original.prototype;
  WebAssembly.Instance = Counting as unknown as typeof WebAssembly.Instance;
}

export function wasmUsage(): WasmUsage {
  const simd = typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  return { simd, instances: counts.instances, calls: counts.calls };
}
