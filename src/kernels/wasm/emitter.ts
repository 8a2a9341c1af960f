// A minimal WebAssembly binary writer: only the sections, types and opcodes the kernels need.
// Functions are written as stack-machine instruction sequences through FunctionBuilder, with
// named parameters and locals; the module imports one memory ("env"."memory") owned by the
// JavaScript side so it can be grown there.

export type ValType = 'i32' | 'f64' | 'v128';

const VALTYPE: Record<ValType, number> = { i32: 0x7f, f64: 0x7c, v128: 0x7b };

/** Core opcodes without immediates. */
export const Op = {
  drop: 0x1a,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32LtS: 0x48,
  i32GeS: 0x4e,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32And: 0x71,
  i32ShrU: 0x76,
  f64Add: 0xa0,
  f64Mul: 0xa2,
} as const;

/** SIMD opcodes (0xfd prefix) without immediates. */
export const Simd = {
  f64x2Splat: 0x14,
  f64x2Eq: 0x47,
  f64x2Lt: 0x49,
  f64x2Gt: 0x4a,
  v128And: 0x4e,
  v128Or: 0x50,
  v128Bitselect: 0x52,
  i64x2Shl: 0xcb,
  i64x2ShrS: 0xcc,
  i64x2Add: 0xce,
  i64x2Sub: 0xd1,
  f64x2Abs: 0xec,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  f64x2Div: 0xf3,
  f64x2Pmin: 0xf6,
  f64x2Pmax: 0xf7,
} as const;

const SIMD_PREFIX = 0xfd;
const SIMD_V128_LOAD = 0x00;
const SIMD_LOAD64_SPLAT = 0x0a;
const SIMD_V128_STORE = 0x0b;
const SIMD_V128_CONST = 0x0c;
const SIMD_F64X2_EXTRACT_LANE = 0x21;
const F64_LOAD = 0x2b;
const F64_STORE = 0x39;
/**
 * Alignment hint of a memory instruction, in bytes (a wrong hint costs speed, never correctness).
 * Every operand is 8-byte aligned; arena buffers are 64-byte aligned.
 */
export type Alignment = 8 | 16;
const BLOCK_EMPTY = 0x40;

function pushU32(out: number[], value: number): void {
  let v = value >>> 0;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
}

function pushI32(out: number[], value: number): void {
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return;
  }
}

function pushBytes(out: number[], bytes: ArrayLike<number>): void {
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

function pushName(out: number[], name: string): void {
  pushU32(out, name.length);
  for (let i = 0; i < name.length; i++) out.push(name.charCodeAt(i)); // ASCII names only
}

/** Little-endian bytes of float64 values, as laid out in a v128 or f64 immediate. */
export function f64Bytes(...values: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(8 * values.length));
  values.forEach((v, i) => view.setFloat64(8 * i, v, true));
  return new Uint8Array(view.buffer);
}

/** Both i64 lanes set to the 64-bit integer with these low and high 32-bit words. */
export function i64x2Bytes(low: number, high = low < 0 ? -1 : 0): Uint8Array {
  const view = new DataView(new ArrayBuffer(16));
  for (const at of [0, 8]) {
    view.setUint32(at, low >>> 0, true);
    view.setUint32(at + 4, high >>> 0, true);
  }
  return new Uint8Array(view.buffer);
}

/** A parameter or local of one function: its index there, its type and its name (for the name section). */
export interface Local<T extends ValType = ValType> {
  readonly index: number;
  readonly type: T;
  readonly name: string;
}

/** A parameter's name and type. */
export type Param = readonly [name: string, type: ValType];

/** The parameters of a function by name. */
export type Params<P extends readonly Param[]> = { readonly [E in P[number] as E[0]]: Local<E[1]> };

/** The JavaScript signature of an exported function with these parameters (i32 and f64 are numbers). */
export type Signature<P extends readonly Param[]> = (...args: { -readonly [I in keyof P]: P[I][1] extends 'v128' ? never : number }) => void;

/** A function added to a module, for `call`. */
export interface Callee {
  readonly index: number;
  readonly name: string;
}

/** Names are WebAssembly text identifiers as well, so the printed text can use them. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function checkName(what: string, name: string, taken: Iterable<string>): void {
  if (!IDENTIFIER.test(name)) throw new Error(`internal: ${what} name "${name}" is not an identifier`);
  for (const other of taken) if (other === name) throw new Error(`internal: ${what} name "${name}" is used twice`);
}

/** One function without results: named, typed parameters and locals, and the instruction bytes. */
export class FunctionBuilder<P extends readonly Param[] = readonly Param[]> {
  /** Parameters then locals, in index order. */
  private readonly variables: Local[] = [];
  private readonly code: number[] = [];
  readonly params: Params<P>;

  constructor(readonly name: string, readonly paramTypes: P) {
    checkName('function', name, []);
    const params: Record<string, Local> = {};
    for (const [paramName, type] of paramTypes) params[paramName] = this.declare(paramName, type);
    this.params = params as Params<P>;
  }

  /** Declares a zero-initialised local. */
  local<T extends ValType>(name: string, type: T): Local<T> {
    return this.declare(name, type);
  }

  /** Parameters and locals, in index order. */
  get names(): readonly string[] {
    return this.variables.map((v) => v.name);
  }

  op(opcode: number): this {
    this.code.push(opcode);
    return this;
  }

  simd(opcode: number): this {
    this.code.push(SIMD_PREFIX);
    pushU32(this.code, opcode);
    return this;
  }

  get(local: Local): this {
    return this.variable(0x20, local);
  }

  set(local: Local): this {
    return this.variable(0x21, local);
  }

  tee(local: Local): this {
    return this.variable(0x22, local);
  }

  i32Const(value: number): this {
    this.code.push(0x41);
    pushI32(this.code, value);
    return this;
  }

  f64Const(value: number): this {
    this.code.push(0x44);
    pushBytes(this.code, f64Bytes(value));
    return this;
  }

  v128Const(bytes: Uint8Array): this {
    this.simd(SIMD_V128_CONST);
    pushBytes(this.code, bytes);
    return this;
  }

  f64Load(offset = 0): this {
    return this.memory(F64_LOAD, offset);
  }

  f64Store(offset = 0): this {
    return this.memory(F64_STORE, offset);
  }

  v128Load(offset = 0, align: Alignment = 8): this {
    return this.simd(SIMD_V128_LOAD).memarg(offset, align);
  }

  v128Store(offset = 0, align: Alignment = 8): this {
    return this.simd(SIMD_V128_STORE).memarg(offset, align);
  }

  /** Loads one float64 and duplicates it into both lanes. */
  load64Splat(offset = 0): this {
    return this.simd(SIMD_LOAD64_SPLAT).memarg(offset, 8);
  }

  f64x2ExtractLane(lane: 0 | 1): this {
    this.simd(SIMD_F64X2_EXTRACT_LANE);
    this.code.push(lane);
    return this;
  }

  block(): this {
    this.code.push(0x02, BLOCK_EMPTY);
    return this;
  }

  loop(): this {
    this.code.push(0x03, BLOCK_EMPTY);
    return this;
  }

  if(): this {
    this.code.push(0x04, BLOCK_EMPTY);
    return this;
  }

  else(): this {
    this.code.push(0x05);
    return this;
  }

  end(): this {
    this.code.push(0x0b);
    return this;
  }

  br(depth: number): this {
    this.code.push(0x0c);
    pushU32(this.code, depth);
    return this;
  }

  brIf(depth: number): this {
    this.code.push(0x0d);
    pushU32(this.code, depth);
    return this;
  }

  call(callee: Callee): this {
    this.code.push(0x10);
    pushU32(this.code, callee.index);
    return this;
  }

  /** The code-section entry: local declarations, instructions, final `end`. */
  encode(): number[] {
    const body: number[] = [];
    const locals = this.variables.slice(this.paramTypes.length);
    pushU32(body, locals.length);
    for (const { type } of locals) body.push(1, VALTYPE[type]);
    pushBytes(body, this.code);
    body.push(0x0b);
    const entry: number[] = [];
    pushU32(entry, body.length);
    pushBytes(entry, body);
    return entry;
  }

  private declare<T extends ValType>(name: string, type: T): Local<T> {
    checkName(`${this.name}'s local`, name, this.names);
    const local = { index: this.variables.length, type, name };
    this.variables.push(local);
    return local;
  }

  private variable(opcode: number, local: Local): this {
    if (this.variables[local.index] !== local) throw new Error(`internal: ${local.name} is not a local of ${this.name}`);
    this.code.push(opcode);
    pushU32(this.code, local.index);
    return this;
  }

  private memory(opcode: number, offset: number): this {
    this.code.push(opcode);
    return this.memarg(offset, 8);
  }

  private memarg(offset: number, align: Alignment): this {
    this.code.push(Math.log2(align));
    pushU32(this.code, offset);
    return this;
  }
}

/** The exports of a module whose exported functions are these, by export name. */
export type ExportsOf<X extends Record<string, FunctionBuilder<readonly Param[]>>> = {
  [K in keyof X]: X[K] extends FunctionBuilder<infer P> ? Signature<P> : never;
};

/** How a module imports its memory: unshared without a maximum, or shared (threads) up to `maxPages`. */
export interface MemoryImport {
  readonly sharedMaxPages?: number;
}

/**
 * A module importing "env"."memory": its functions in the order added, exported ones under their
 * own names. The name section names the module, its functions and their locals (for profiles and
 * the printed text); engines ignore it otherwise.
 */
export class ModuleBuilder {
  private readonly functions: FunctionBuilder[] = [];
  private readonly exported: number[] = [];

  constructor(readonly name: string, private readonly memoryImport: MemoryImport = {}) {
    checkName('module', name.replace(/-/g, '_'), []);
  }

  /** Adds a function (exported under its name when `exported`) and returns it for `call`. */
  add(fn: FunctionBuilder, exported = false): Callee {
    checkName('function', fn.name, this.functions.map((f) => f.name));
    const index = this.functions.length;
    this.functions.push(fn);
    if (exported) this.exported.push(index);
    return { index, name: fn.name };
  }

  bytes(): Uint8Array<ArrayBuffer> {
    const signatures: string[] = [];
    const typeSection: number[] = [];
    const functionSection: number[] = [];
    for (const fn of this.functions) {
      const params = fn.paramTypes.map(([, type]) => type);
      const key = params.join(',');
      let index = signatures.indexOf(key);
      if (index < 0) {
        index = signatures.push(key) - 1;
        typeSection.push(0x60);
        pushU32(typeSection, params.length);
        for (const t of params) typeSection.push(VALTYPE[t]);
        typeSection.push(0); // no results
      }
      pushU32(functionSection, index);
    }

    const importSection: number[] = [];
    pushU32(importSection, 1);
    pushName(importSection, 'env');
    pushName(importSection, 'memory');
    const max = this.memoryImport.sharedMaxPages;
    if (max === undefined) {
      importSection.push(0x02, 0x00, 0x01); // memory, limits without maximum, 1 page minimum
    } else {
      importSection.push(0x02, 0x03, 0x01); // memory, shared limits with a maximum, 1 page minimum
      pushU32(importSection, max);
    }

    const exportSection: number[] = [];
    pushU32(exportSection, this.exported.length);
    for (const index of this.exported) {
      pushName(exportSection, this.functions[index].name);
      exportSection.push(0x00);
      pushU32(exportSection, index);
    }

    const codeSection: number[] = [];
    pushU32(codeSection, this.functions.length);
    for (const fn of this.functions) pushBytes(codeSection, fn.encode());

    const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    section(out, 1, signatures.length, typeSection);
    section(out, 2, null, importSection);
    section(out, 3, this.functions.length, functionSection);
    section(out, 7, null, exportSection);
    section(out, 10, null, codeSection);
    section(out, 0, null, this.nameSection());
    return Uint8Array.from(out);
  }

  /** The custom section "name": subsections module name (0), function names (1), local names (2). */
  private nameSection(): number[] {
    const content: number[] = [];
    pushName(content, 'name');
    const moduleName: number[] = [];
    pushName(moduleName, this.name);
    section(content, 0, null, moduleName);
    const functionNames: number[] = [];
    this.functions.forEach((fn, index) => {
      pushU32(functionNames, index);
      pushName(functionNames, fn.name);
    });
    section(content, 1, this.functions.length, functionNames);
    const localNames: number[] = [];
    this.functions.forEach((fn, index) => {
      pushU32(localNames, index);
      pushU32(localNames, fn.names.length);
      fn.names.forEach((name, local) => {
        pushU32(localNames, local);
        pushName(localNames, name);
      });
    });
    section(content, 2, this.functions.length, localNames);
    return content;
  }
}

/** Appends a section; `count` prefixes vectors whose entries were written without it. */
function section(out: number[], id: number, count: number | null, content: number[]): void {
  const payload: number[] = [];
  if (count !== null) pushU32(payload, count);
  pushBytes(payload, content);
  out.push(id);
  pushU32(out, payload.length);
  pushBytes(out, payload);
}
