import { getQuickJS } from 'quickjs-emscripten';
import { describe, expect, it } from 'vitest';
import { buildProbeBundle } from './probe-bundle.js';
import { firstDifference, nodeProbeText } from './node-reference.js';

/**
 * QuickJS (compiled to WebAssembly by quickjs-emscripten, an npm dev dependency, so always present)
 * has no WebAssembly of its own: the library takes its TypeScript path there and must still give
 * Node's text byte for byte.
 */

/** An interpreter: the probe takes it minutes where Node takes seconds. */
const QUICKJS_MS = 600_000;

describe('under QuickJS', () => {
  it("gives Node's fixture bits and directed-maml logs on the TypeScript path, byte for byte", async () => {
    const quickjs = await getQuickJS();
    const runtime = quickjs.newRuntime();
    runtime.setMemoryLimit(-1);
    runtime.setMaxStackSize(0);
    const vm = runtime.newContext();
    try {
      vm.unwrapResult(vm.evalCode(await buildProbeBundle(), 'probe.js')).dispose();
      const result = vm.unwrapResult(vm.evalCode('JSON.stringify(globalThis.metarlProbe())'));
      const run = JSON.parse(vm.getString(result)) as { backend: string; text: string };
      result.dispose();
      const inNode = nodeProbeText();
      expect(run.backend).toBe('typescript');
      expect(firstDifference(run.text, inNode)).toBe('none');
      expect(run.text).toBe(inNode);
    } finally {
      vm.dispose();
      runtime.dispose();
    }
  }, QUICKJS_MS);
});
