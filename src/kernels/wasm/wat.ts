// WebAssembly text of a module written by the emitter, decoded from its bytes, so that what is
// reviewed (the committed goldens) is what the engine compiles. Only the emitter's sections and
// opcodes are known; anything else throws, which makes an emitter change visible here too.

const VALTYPES: Record<number, string> = { 0x7f: 'i32', 0x7c: 'f64', 0x7b: 'v128' };

type Immediate = 'none' | 'block' | 'depth' | 'local' | 'function' | 'i32' | 'f64' | 'v128' | 'lane' | 'memarg';
interface Instruction { readonly name: string; readonly immediate: Immediate; readonly align?: number }

const plain = (name: string): Instruction => ({ name, immediate: 'none' });
const memory = (name: string, align: number): Instruction => ({ name, immediate: 'memarg', align });

const CORE: Record<number, Instruction> = {
  0x02: { name: 'block', immediate: 'block' },
  0x03: { name: 'loop', immediate: 'block' },
  0x04: { name: 'if', immediate: 'block' },
  0x05: plain('else'),
  0x0b: plain('end'),
  0x0c: { name: 'br', immediate: 'depth' },
  0x0d: { name: 'br_if', immediate: 'depth' },
  0x10: { name: 'call', immediate: 'function' },
  0x1a: plain('drop'),
  0x20: { name: 'local.get', immediate: 'local' },
  0x21: { name: 'local.set', immediate: 'local' },
  0x22: { name: 'local.tee', immediate: 'local' },
  0x2b: memory('f64.load', 8),
  0x39: memory('f64.store', 8),
  0x41: { name: 'i32.const', immediate: 'i32' },
  0x44: { name: 'f64.const', immediate: 'f64' },
  0x45: plain('i32.eqz'),
  0x46: plain('i32.eq'),
  0x48: plain('i32.lt_s'),
  0x4e: plain('i32.ge_s'),
  0x6a: plain('i32.add'),
  0x6b: plain('i32.sub'),
  0x6c: plain('i32.mul'),
  0x71: plain('i32.and'),
  0x76: plain('i32.shr_u'),
  0xa0: plain('f64.add'),
  0xa2: plain('f64.mul'),
};

const SIMD: Record<number, Instruction> = {
  0x00: memory('v128.load', 16),
  0x0a: memory('v128.load64_splat', 8),
  0x0b: memory('v128.store', 16),
  0x0c: { name: 'v128.const', immediate: 'v128' },
  0x14: plain('f64x2.splat'),
  0x21: { name: 'f64x2.extract_lane', immediate: 'lane' },
  0x47: plain('f64x2.eq'),
  0x49: plain('f64x2.lt'),
  0x4a: plain('f64x2.gt'),
  0x4e: plain('v128.and'),
  0x50: plain('v128.or'),
  0x52: plain('v128.bitselect'),
  0xcb: plain('i64x2.shl'),
  0xcc: plain('i64x2.shr_s'),
  0xce: plain('i64x2.add'),
  0xd1: plain('i64x2.sub'),
  0xec: plain('f64x2.abs'),
  0xf0: plain('f64x2.add'),
  0xf1: plain('f64x2.sub'),
  0xf2: plain('f64x2.mul'),
  0xf3: plain('f64x2.div'),
  0xf6: plain('f64x2.pmin'),
  0xf7: plain('f64x2.pmax'),
};

class Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean { return this.at >= this.bytes.length; }

  byte(): number {
    if (this.at >= this.bytes.length) throw new Error(`wat: module ends early at byte ${this.at}`);
    return this.bytes[this.at++];
  }

  u32(): number {
    let result = 0, shift = 0, byte: number;
    do {
      byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  }

  i32(): number {
    let result = 0, shift = 0, byte: number;
    do {
      byte = this.byte();
      result |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return shift < 32 && (byte & 0x40) !== 0 ? result | (-1 << shift) : result;
  }

  take(n: number): Uint8Array {
    const out = this.bytes.subarray(this.at, this.at + n);
    if (out.length !== n) throw new Error(`wat: module ends early at byte ${this.at}`);
    this.at += n;
    return out;
  }

  name(): string {
    return String.fromCharCode(...this.take(this.u32()));
  }

  valtype(): string {
    const code = this.byte();
    const type = VALTYPES[code];
    if (type === undefined) throw new Error(`wat: value type 0x${code.toString(16)} is not one the emitter writes`);
    return type;
  }
}

/** A double as WebAssembly text: shortest round-trip decimal, `inf`, `nan` or `nan:0x...` by its bits. */
export function watF64(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, 8);
  const value = view.getFloat64(0, true);
  const sign = view.getUint8(7) & 0x80 ? '-' : '';
  if (value !== value) {
    const payload = view.getBigUint64(0, true) & 0xfffffffffffffn;
    return payload === 0x8000000000000n ? `${sign}nan` : `${sign}nan:0x${payload.toString(16)}`;
  }
  if (value === Infinity || value === -Infinity) return `${sign}inf`;
  return Object.is(value, -0) ? '-0' : String(value);
}

/** True for a lane that reads better as bits: a subnormal or a NaN with a payload of its own. */
function bitPattern(lane: Uint8Array): boolean {
  const bits = new DataView(lane.buffer, lane.byteOffset, 8).getBigUint64(0, true);
  const exponent = (bits >> 52n) & 0x7ffn;
  const mantissa = bits & 0xfffffffffffffn;
  return (exponent === 0n && mantissa !== 0n) || (exponent === 0x7ffn && mantissa !== 0n && mantissa !== 0x8000000000000n);
}

function watV128(bytes: Uint8Array): string {
  const lanes = [bytes.subarray(0, 8), bytes.subarray(8, 16)];
  if (lanes.some(bitPattern)) {
    const hex = lanes.map((lane) => `0x${new DataView(lane.buffer, lane.byteOffset, 8).getBigUint64(0, true).toString(16).padStart(16, '0')}`);
    return `i64x2 ${hex.join(' ')}`;
  }
  return `f64x2 ${lanes.map(watF64).join(' ')}`;
}

/** What the custom section "name" holds: the module's, functions' and locals' names. */
interface Names {
  module?: string;
  readonly functions: Map<number, string>;
  readonly locals: Map<number, Map<number, string>>;
}

/** `$name` where the name section gives one, else the index (as wasm2wat does). */
function reference(names: Map<number, string> | undefined, index: number): string {
  const name = names?.get(index);
  return name === undefined ? `${index}` : `$${name}`;
}

/** `$name` where the name section gives one, else the index in a comment. */
function declaration(names: Map<number, string> | undefined, index: number): string {
  const name = names?.get(index);
  return name === undefined ? `(;${index};)` : `$${name}`;
}

function nameMap(r: Reader): Map<number, string> {
  const map = new Map<number, string>();
  for (let n = r.u32(); n > 0; n--) {
    const index = r.u32();
    map.set(index, r.name());
  }
  return map;
}

/** Decodes the name section wherever it is (the emitter writes it last, after the code it names). */
function readNames(bytes: Uint8Array): Names {
  const names: Names = { functions: new Map(), locals: new Map() };
  const r = new Reader(bytes);
  r.take(8);
  while (!r.done) {
    const id = r.byte();
    const end = r.u32() + r.at;
    if (id === 0 && r.name() === 'name') {
      while (r.at < end) {
        const sub = r.byte();
        const subEnd = r.u32() + r.at;
        if (sub === 0) names.module = r.name();
        else if (sub === 1) for (const [index, name] of nameMap(r)) names.functions.set(index, name);
        else if (sub === 2) for (let n = r.u32(); n > 0; n--) names.locals.set(r.u32(), nameMap(r));
        else throw new Error(`wat: name subsection ${sub} is not one the emitter writes`);
        if (r.at !== subEnd) throw new Error(`wat: name subsection ${sub} does not end at byte ${subEnd}`);
      }
    }
    r.at = end;
  }
  return names;
}

function instruction(r: Reader, depth: number, names: Names, locals: Map<number, string> | undefined): string {
  const opcode = r.byte();
  const op = opcode === 0xfd ? SIMD[r.u32()] : CORE[opcode];
  if (op === undefined) throw new Error(`wat: opcode 0x${opcode.toString(16)} at byte ${r.at - 1} is not one the emitter writes`);
  switch (op.immediate) {
    case 'none': return op.name;
    case 'block': {
      const type = r.byte();
      if (type !== 0x40) throw new Error(`wat: block type 0x${type.toString(16)} is not one the emitter writes`);
      return `${op.name}  ;; label = @${depth + 1}`;
    }
    case 'depth': return `${op.name} ${r.u32()}`;
    case 'local': return `${op.name} ${reference(locals, r.u32())}`;
    case 'function': return `${op.name} ${reference(names.functions, r.u32())}`;
    case 'i32': return `${op.name} ${r.i32()}`;
    case 'f64': return `${op.name} ${watF64(r.take(8))}`;
    case 'v128': return `${op.name} ${watV128(r.take(16))}`;
    case 'lane': return `${op.name} ${r.byte()}`;
    case 'memarg': {
      const align = 2 ** r.u32();
      const offset = r.u32();
      return [op.name, offset !== 0 ? `offset=${offset}` : '', align !== op.align ? `align=${align}` : ''].filter((s) => s !== '').join(' ');
    }
  }
}

/** One function: its header, one local a line, then its instructions indented by block depth. */
function func(r: Reader, end: number, index: number, typeIndex: number, params: readonly string[], names: Names): string {
  const locals = names.locals.get(index);
  const lines = [`(func ${declaration(names.functions, index)} (type ${typeIndex})` +
    params.map((type, p) => ` (param ${locals?.has(p) ? `$${locals.get(p)} ` : ''}${type})`).join('')];
  let next = params.length;
  for (let groups = r.u32(); groups > 0; groups--) {
    const count = r.u32();
    const type = r.valtype();
    for (let i = 0; i < count; i++, next++) lines.push(`  (local ${locals?.has(next) ? `$${locals.get(next)} ` : ''}${type})`);
  }
  let depth = 0;
  while (r.at < end) {
    const start = r.at;
    const text = instruction(r, depth, names, locals);
    const name = text.split(' ')[0];
    if (name === 'end' || name === 'else') depth--;
    if (depth < 0) {
      if (name !== 'end' || r.at !== end) throw new Error(`wat: function body ends early at byte ${start}`);
      break;
    }
    lines.push('  '.repeat(depth + 1) + text);
    if (name === 'block' || name === 'loop' || name === 'if' || name === 'else') depth++;
  }
  if (r.at !== end) throw new Error(`wat: function body does not end at byte ${end}`);
  return `${lines.join('\n')})`;
}

/**
 * The module's text, one instruction a line, laid out as wabt's wasm2wat does, with the names of the
 * name section (`$gemm`, `$a`) in place of indices where it gives them.
 */
export function printWat(bytes: Uint8Array): string {
  const r = new Reader(bytes);
  const header = Array.from(r.take(8)).join(',');
  if (header !== '0,97,115,109,1,0,0,0') throw new Error('wat: not a WebAssembly version 1 module');
  const names = readNames(bytes);
  const types: string[][] = [];
  let functionTypes: number[] = [];
  const functions: string[] = [];
  const exports: string[] = [];
  const imports: string[] = [];
  while (!r.done) {
    const id = r.byte();
    const size = r.u32();
    const end = r.at + size;
    if (id === 0) {
      if (r.name() !== 'name') throw new Error('wat: a custom section other than "name"');
      r.at = end;
    } else if (id === 1) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        if (r.byte() !== 0x60) throw new Error('wat: a type is not a function type');
        const params: string[] = [];
        for (let p = r.u32(); p > 0; p--) params.push(r.valtype());
        if (r.u32() !== 0) throw new Error('wat: a function type has results, which the emitter never writes');
        types.push(params);
      }
    } else if (id === 2) {
      for (let n = r.u32(), i = 0; i < n; i++) {
        const module = r.name();
        const field = r.name();
        if (r.byte() !== 0x02) throw new Error('wat: an import is not a memory');
        const flags = r.byte();
        const min = r.u32();
        const limits = (flags & 1) === 1 ? `${min} ${r.u32()}${(flags & 2) === 2 ? ' shared' : ''}` : `${min}`;
        imports.push(`(import "${module}" "${field}" (memory (;${i};) ${limits}))`);
      }
    } else if (id === 3) {
      functionTypes = Array.from({ length: r.u32() }, () => r.u32());
    } else if (id === 7) {
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name();
        if (r.byte() !== 0x00) throw new Error('wat: an export is not a function');
        exports.push(`(export "${name}" (func ${reference(names.functions, r.u32())}))`);
      }
    } else if (id === 10) {
      const count = r.u32();
      for (let i = 0; i < count; i++) {
        const bodyEnd = r.u32() + r.at;
        functions.push(func(r, bodyEnd, i, functionTypes[i], types[functionTypes[i]], names));
      }
    } else {
      throw new Error(`wat: section ${id} is not one the emitter writes`);
    }
    if (r.at !== end) throw new Error(`wat: section ${id} does not end at byte ${end}`);
  }
  const items = [
    ...types.map((params, i) => `(type (;${i};) (func${params.length > 0 ? ` (param ${params.join(' ')})` : ''}))`),
    ...imports, ...functions, ...exports,
  ];
  const name = names.module === undefined ? '' : ` $${names.module}`;
  return `(module${name}\n${items.map((item) => item.replace(/^/gm, '  ')).join('\n')})\n`;
}
