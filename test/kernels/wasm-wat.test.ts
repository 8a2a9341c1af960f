import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { elementwiseKernel } from '../../src/kernels/elementwise-wasm.js';
import { gemmKernel } from '../../src/kernels/gemm.js';
import { GENERATED_MODULES } from '../../src/kernels/modules.js';
import { FunctionBuilder, ModuleBuilder, Op, Simd, f64Bytes, i64x2Bytes } from '../../src/kernels/wasm/emitter.js';
import type { ExportsOfKernel } from '../../src/kernels/wasm/kernel-module.js';
import { printWat } from '../../src/kernels/wasm/wat.js';

/** The module without its last section, where the builder writes the name section (checked here). */
function withoutNameSection(bytes: Uint8Array): Uint8Array {
  let at = 8;
  for (;;) {
    const start = at;
    at++;
    let size = 0, shift = 0, byte: number;
    do {
      byte = bytes[at++];
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (at + size === bytes.length) {
      expect([bytes[start], ...bytes.subarray(at, at + 5)]).toEqual([0, 4, ...'name'.split('').map((c) => c.charCodeAt(0))]);
      return bytes.subarray(0, start);
    }
    at += size;
  }
}

describe('printWat', () => {
  it('prints a small hand-built module as the hand-written text, with the names of its name section', () => {
    const f = new FunctionBuilder('store', [['at', 'i32'], ['value', 'f64'], ['n', 'i32']] as const);
    const { at, value, n } = f.params;
    const count = f.local('count', 'i32');
    const v = f.local('v', 'v128');
    f.get(at).get(value).simd(Simd.f64x2Splat).v128Store(16, 16);
    f.get(n).i32Const(-3).op(Op.i32Add).set(count);
    f.block().loop().get(count).op(Op.i32Eqz).brIf(1).br(0).end().end();
    f.get(at).if().v128Const(f64Bytes(-0, Infinity)).set(v).else().v128Const(i64x2Bytes(1023)).set(v).end();
    f.get(at).v128Load(0, 8).f64x2ExtractLane(1).f64Const(NaN).op(Op.f64Mul).f64Store(8);
    const mb = new ModuleBuilder('small');
    const helper = mb.add(new FunctionBuilder('helper', []).f64Const(5e-324).op(Op.drop));
    const run = new FunctionBuilder('run', [['at', 'i32']] as const);
    mb.add(run.get(run.params.at).load64Splat(24).op(Op.drop).call(helper), true);
    mb.add(f, true);
    expect(printWat(mb.bytes())).toBe(`(module $small
  (type (;0;) (func))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i32 f64 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func $helper (type 0)
    f64.const 5e-324
    drop)
  (func $run (type 1) (param $at i32)
    local.get $at
    v128.load64_splat offset=24
    drop
    call $helper)
  (func $store (type 2) (param $at i32) (param $value f64) (param $n i32)
    (local $count i32)
    (local $v v128)
    local.get $at
    local.get $value
    f64x2.splat
    v128.store offset=16
    local.get $n
    i32.const -3
    i32.add
    local.set $count
    block  ;; label = @1
      loop  ;; label = @2
        local.get $count
        i32.eqz
        br_if 1
        br 0
      end
    end
    local.get $at
    if  ;; label = @1
      v128.const f64x2 -0 inf
      local.set $v
    else
      v128.const i64x2 0x00000000000003ff 0x00000000000003ff
      local.set $v
    end
    local.get $at
    v128.load align=8
    f64x2.extract_lane 1
    f64.const nan
    f64.mul
    f64.store offset=8)
  (export "run" (func $run))
  (export "store" (func $store)))
`);
  });

  it('prints indices where there is no name section', () => {
    const f = new FunctionBuilder('f', [['x', 'i32']] as const);
    const mb = new ModuleBuilder('m');
    mb.add(f.get(f.params.x).op(Op.drop), true);
    expect(printWat(withoutNameSection(mb.bytes()))).toBe(`(module
  (type (;0;) (func (param i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32)
    local.get 0
    drop)
  (export "f" (func 0)))
`);
  });

  it('rejects bytes outside the emitter subset', () => {
    const bytes = new ModuleBuilder('m').bytes();
    expect(() => printWat(Uint8Array.from([...bytes, 11, 1, 0]))).toThrow('wat: section 11 is not one the emitter writes');
  });
});

describe('builder names', () => {
  it('rejects a name used twice, a name that is no identifier and a local of another function', () => {
    const f = new FunctionBuilder('f', [['x', 'i32']] as const);
    expect(() => f.local('x', 'f64')).toThrow("internal: f's local name \"x\" is used twice");
    expect(() => f.local('a b', 'f64')).toThrow("internal: f's local name \"a b\" is not an identifier");
    const g = new FunctionBuilder('g', [['x', 'i32']] as const);
    expect(() => f.get(g.params.x)).toThrow('internal: x is not a local of f');
    const mb = new ModuleBuilder('m');
    mb.add(f);
    expect(() => mb.add(new FunctionBuilder('f', []))).toThrow('internal: function name "f" is used twice');
  });
});

describe('export interfaces', () => {
  it('follow from the builder: every export takes one number per parameter', () => {
    type Gemm = ExportsOfKernel<typeof gemmKernel>;
    expectTypeOf<Parameters<Gemm['gemm']>>().toEqualTypeOf<[number, number, number, number, number, number, number, number, number]>();
    expectTypeOf<Parameters<Gemm['transpose']>>().toEqualTypeOf<[number, number, number, number]>();
    type Elementwise = ExportsOfKernel<typeof elementwiseKernel>;
    expectTypeOf<Parameters<Elementwise['scale']>>().toEqualTypeOf<[number, number, number, number]>();
    expectTypeOf<Parameters<Elementwise['tanhSecond']>>().toEqualTypeOf<[number, number, number, number, number]>();
    expectTypeOf<keyof Elementwise>().toEqualTypeOf<'add' | 'sub' | 'mul' | 'div' | 'scale' | 'tanhBackward' | 'tanhSecond' |
      'reluBackward' | 'addBroadcast' | 'fillBroadcast' | 'sumRows' | 'addRow' | 'expandRow'>();
    expect(Object.keys(new WebAssembly.Instance(new WebAssembly.Module(elementwiseKernel.build()), {
      env: { memory: new WebAssembly.Memory({ initial: 1 }) },
    }).exports)).toEqual(['add', 'sub', 'mul', 'div', 'scale', 'tanhBackward', 'tanhSecond', 'reluBackward', 'addBroadcast',
      'fillBroadcast', 'sumRows', 'addRow', 'expandRow']);
  });
});

describe('generated modules', () => {
  for (const [name, kernel] of Object.entries(GENERATED_MODULES)) {
    it(`${name} prints as its committed golden`, () => {
      const path = `test/golden/wasm/${name}.wat`;
      const expected = readFileSync(path, 'utf8');
      const actual = printWat(kernel.build());
      if (actual !== expected) {
        const a = actual.split('\n'), e = expected.split('\n');
        let line = 0;
        while (line < a.length && a[line] === e[line]) line++;
        expect.fail(`the generated module ${name} changed from ${path} at line ${line + 1}: ` +
          `golden "${e[line] ?? '(end)'}", generated "${a[line] ?? '(end)'}". If the codegen change is intended, ` +
          'run `npm run wat:update` and commit the reviewed diff of the golden.');
      }
    });
  }
});
