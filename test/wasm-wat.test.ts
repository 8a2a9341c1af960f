import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_MODULES } from '../src/kernels/modules.js';
import { FunctionBuilder, ModuleBuilder, Op, Simd, f64Bytes, i64x2Bytes } from '../src/kernels/wasm/emitter.js';
import { printWat } from '../src/kernels/wasm/wat.js';

describe('printWat', () => {
  it('prints a small hand-built module as the hand-written text', () => {
    const f = new FunctionBuilder(['i32', 'f64', 'i32']);
    const count = f.local('i32');
    const v = f.local('v128');
    f.get(0).get(1).simd(Simd.f64x2Splat).v128Store(16, 16);
    f.get(2).i32Const(-3).op(Op.i32Add).set(count);
    f.block().loop().get(count).op(Op.i32Eqz).brIf(1).br(0).end().end();
    f.get(0).if().v128Const(f64Bytes(-0, Infinity)).set(v).else().v128Const(i64x2Bytes(1023)).set(v).end();
    f.get(0).v128Load(0, 8).f64x2ExtractLane(1).f64Const(NaN).op(Op.f64Mul).f64Store(8);
    const g = new FunctionBuilder([]);
    const mb = new ModuleBuilder();
    const callee = mb.add(g);
    g.f64Const(5e-324).op(Op.drop);
    mb.add(new FunctionBuilder(['i32']).get(0).load64Splat(24).op(Op.drop).call(callee), 'run');
    mb.add(f, 'store');
    expect(printWat(mb.bytes())).toBe(`(module
  (type (;0;) (func))
  (type (;1;) (func (param i32)))
  (type (;2;) (func (param i32 f64 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0)
    f64.const 5e-324
    drop)
  (func (;1;) (type 1) (param i32)
    local.get 0
    v128.load64_splat offset=24
    drop
    call 0)
  (func (;2;) (type 2) (param i32 f64 i32)
    (local i32 v128)
    local.get 0
    local.get 1
    f64x2.splat
    v128.store offset=16
    local.get 2
    i32.const -3
    i32.add
    local.set 3
    block  ;; label = @1
      loop  ;; label = @2
        local.get 3
        i32.eqz
        br_if 1
        br 0
      end
    end
    local.get 0
    if  ;; label = @1
      v128.const f64x2 -0 inf
      local.set 4
    else
      v128.const i64x2 0x00000000000003ff 0x00000000000003ff
      local.set 4
    end
    local.get 0
    v128.load align=8
    f64x2.extract_lane 1
    f64.const nan
    f64.mul
    f64.store offset=8)
  (export "run" (func 1))
  (export "store" (func 2)))
`);
  });

  it('rejects bytes outside the emitter subset', () => {
    const bytes = new ModuleBuilder().bytes();
    expect(() => printWat(Uint8Array.from([...bytes, 11, 1, 0]))).toThrow('wat: section 11 is not one the emitter writes');
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
