// The slice of the WebAssembly JS API the kernels use. The project compiles with lib ES2022 and
// Node types, neither of which declares WebAssembly (TypeScript only ships it in lib.dom).
// Interfaces plus `var` constructors mirror lib.dom's shape so the declarations merge with it.

declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }

  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  var Memory: {
    prototype: Memory;
    new (descriptor: MemoryDescriptor): Memory;
  };

  interface Module {}
  var Module: {
    prototype: Module;
    new (bytes: ArrayBufferView | ArrayBuffer): Module;
  };

  interface Instance {
    readonly exports: object;
  }
  var Instance: {
    prototype: Instance;
    new (module: Module, importObject?: Record<string, Record<string, unknown>>): Instance;
  };

  function validate(bytes: ArrayBufferView | ArrayBuffer): boolean;
}
