// A kernel module described by its builder, so that the type of its exports follows from the
// functions it exports rather than from a hand-written interface that could drift from them.

import { type ExportsOf, type FunctionBuilder, type MemoryImport, ModuleBuilder, type Param } from './emitter.js';
import type { KernelModule } from './module.js';

/** Exported functions by export name: each is exported under its own name. */
type Exported = Record<string, FunctionBuilder<readonly Param[]>>;

/** The exports of a kernel module. */
export type ExportsOfKernel<K> = K extends KernelModule<infer E> ? E : never;

/**
 * The module `name`, built on first use: `make` adds the internal functions to the builder and
 * returns the exported ones, which follow them in the module in the record's order.
 */
export function kernelModule<X extends Exported>(name: string, make: (mb: ModuleBuilder) => X, memory: MemoryImport = {}): KernelModule<ExportsOf<X>> {
  return {
    build: () => {
      const mb = new ModuleBuilder(name, memory);
      for (const [exportName, fn] of Object.entries(make(mb))) {
        if (fn.name !== exportName) throw new Error(`internal: function ${fn.name} is exported as ${exportName}`);
        mb.add(fn, true);
      }
      return mb.bytes();
    },
  };
}
