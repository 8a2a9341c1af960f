// Rewrites test/golden/wasm/NAME.wat from the generated modules (run after an intended codegen change).
import { writeFileSync } from 'node:fs';
import { GENERATED_MODULES } from '../src/kernels/modules.js';
import { printWat } from '../src/kernels/wasm/wat.js';

for (const [name, kernel] of Object.entries(GENERATED_MODULES)) {
  const path = `test/golden/wasm/${name}.wat`;
  writeFileSync(path, printWat(kernel.build()));
  console.log(path);
}
