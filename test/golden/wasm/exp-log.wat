(module $exp-log
  (type (;0;) (func (param i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func $exp (type 0) (param $at i32) (param $groups i32)
    (local $cLo v128)
    (local $cHi v128)
    (local $cLog2e v128)
    (local $cShift v128)
    (local $cLn2Hi v128)
    (local $cLn2Lo v128)
    (local $cOne v128)
    (local $cShiftBits v128)
    (local $cBias v128)
    (local $cQ0 v128)
    (local $cQ1 v128)
    (local $cQ2 v128)
    (local $cQ3 v128)
    (local $cQ4 v128)
    (local $cQ5 v128)
    (local $cQ6 v128)
    (local $cQ7 v128)
    (local $cQ8 v128)
    (local $cQ9 v128)
    (local $y0 v128)
    (local $t0 v128)
    (local $k0 v128)
    (local $hi0 v128)
    (local $lo0 v128)
    (local $r0 v128)
    (local $rLow0 v128)
    (local $c0 v128)
    (local $u0 v128)
    (local $p0 v128)
    (local $half0 v128)
    (local $scale0 v128)
    (local $y1 v128)
    (local $t1 v128)
    (local $k1 v128)
    (local $hi1 v128)
    (local $lo1 v128)
    (local $r1 v128)
    (local $rLow1 v128)
    (local $c1 v128)
    (local $u1 v128)
    (local $p1 v128)
    (local $half1 v128)
    (local $scale1 v128)
    (local $y2 v128)
    (local $t2 v128)
    (local $k2 v128)
    (local $hi2 v128)
    (local $lo2 v128)
    (local $r2 v128)
    (local $rLow2 v128)
    (local $c2 v128)
    (local $u2 v128)
    (local $p2 v128)
    (local $half2 v128)
    (local $scale2 v128)
    (local $y3 v128)
    (local $t3 v128)
    (local $k3 v128)
    (local $hi3 v128)
    (local $lo3 v128)
    (local $r3 v128)
    (local $rLow3 v128)
    (local $c3 v128)
    (local $u3 v128)
    (local $p3 v128)
    (local $half3 v128)
    (local $scale3 v128)
    v128.const f64x2 -746 -746
    local.set $cLo
    v128.const f64x2 710 710
    local.set $cHi
    v128.const f64x2 1.4426950408889634 1.4426950408889634
    local.set $cLog2e
    v128.const f64x2 6755399441055744 6755399441055744
    local.set $cShift
    v128.const f64x2 0.6931471803691238 0.6931471803691238
    local.set $cLn2Hi
    v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10
    local.set $cLn2Lo
    v128.const f64x2 1 1
    local.set $cOne
    v128.const f64x2 6755399441055744 6755399441055744
    local.set $cShiftBits
    v128.const i64x2 0x00000000000003ff 0x00000000000003ff
    local.set $cBias
    v128.const f64x2 0.5000000000000011 0.5000000000000011
    local.set $cQ0
    v128.const f64x2 0.16666666666666466 0.16666666666666466
    local.set $cQ1
    v128.const f64x2 0.04166666666652881 0.04166666666652881
    local.set $cQ2
    v128.const f64x2 0.008333333333470187 0.008333333333470187
    local.set $cQ3
    v128.const f64x2 0.0013888888943697165 0.0013888888943697165
    local.set $cQ4
    v128.const f64x2 0.0001984126954630509 0.0001984126954630509
    local.set $cQ5
    v128.const f64x2 0.000024801493174680674 0.000024801493174680674
    local.set $cQ6
    v128.const f64x2 0.000002755755842706163 0.000002755755842706163
    local.set $cQ7
    v128.const f64x2 2.763019341245279e-7 2.763019341245279e-7
    local.set $cQ8
    v128.const f64x2 2.500723240962048e-8 2.500723240962048e-8
    local.set $cQ9
    block  ;; label = @1
      local.get $groups
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $at
        v128.load align=8
        local.get $cHi
        f64x2.pmin
        local.get $cLo
        f64x2.pmax
        local.set $y0
        local.get $at
        v128.load offset=16 align=8
        local.get $cHi
        f64x2.pmin
        local.get $cLo
        f64x2.pmax
        local.set $y1
        local.get $at
        v128.load offset=32 align=8
        local.get $cHi
        f64x2.pmin
        local.get $cLo
        f64x2.pmax
        local.set $y2
        local.get $at
        v128.load offset=48 align=8
        local.get $cHi
        f64x2.pmin
        local.get $cLo
        f64x2.pmax
        local.set $y3
        local.get $y0
        local.get $cLog2e
        f64x2.mul
        local.get $cShift
        f64x2.add
        local.set $t0
        local.get $y1
        local.get $cLog2e
        f64x2.mul
        local.get $cShift
        f64x2.add
        local.set $t1
        local.get $y2
        local.get $cLog2e
        f64x2.mul
        local.get $cShift
        f64x2.add
        local.set $t2
        local.get $y3
        local.get $cLog2e
        f64x2.mul
        local.get $cShift
        f64x2.add
        local.set $t3
        local.get $t0
        local.get $cShift
        f64x2.sub
        local.set $k0
        local.get $t1
        local.get $cShift
        f64x2.sub
        local.set $k1
        local.get $t2
        local.get $cShift
        f64x2.sub
        local.set $k2
        local.get $t3
        local.get $cShift
        f64x2.sub
        local.set $k3
        local.get $y0
        local.get $k0
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.set $hi0
        local.get $y1
        local.get $k1
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.set $hi1
        local.get $y2
        local.get $k2
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.set $hi2
        local.get $y3
        local.get $k3
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.set $hi3
        local.get $k0
        local.get $cLn2Lo
        f64x2.mul
        local.set $lo0
        local.get $k1
        local.get $cLn2Lo
        f64x2.mul
        local.set $lo1
        local.get $k2
        local.get $cLn2Lo
        f64x2.mul
        local.set $lo2
        local.get $k3
        local.get $cLn2Lo
        f64x2.mul
        local.set $lo3
        local.get $hi0
        local.get $lo0
        f64x2.sub
        local.set $r0
        local.get $hi1
        local.get $lo1
        f64x2.sub
        local.set $r1
        local.get $hi2
        local.get $lo2
        f64x2.sub
        local.set $r2
        local.get $hi3
        local.get $lo3
        f64x2.sub
        local.set $r3
        local.get $hi0
        local.get $r0
        f64x2.sub
        local.get $lo0
        f64x2.sub
        local.set $rLow0
        local.get $hi1
        local.get $r1
        f64x2.sub
        local.get $lo1
        f64x2.sub
        local.set $rLow1
        local.get $hi2
        local.get $r2
        f64x2.sub
        local.get $lo2
        f64x2.sub
        local.set $rLow2
        local.get $hi3
        local.get $r3
        f64x2.sub
        local.get $lo3
        f64x2.sub
        local.set $rLow3
        local.get $cQ9
        local.set $c0
        local.get $cQ9
        local.set $c1
        local.get $cQ9
        local.set $c2
        local.get $cQ9
        local.set $c3
        local.get $cQ8
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ8
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ8
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ8
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ7
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ7
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ7
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ7
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ6
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ6
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ6
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ6
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ5
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ5
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ5
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ5
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ4
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ4
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ4
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ4
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ3
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ3
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ3
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ3
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ2
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ2
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ2
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ2
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ1
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ1
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ1
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ1
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $cQ0
        local.get $r0
        local.get $c0
        f64x2.mul
        f64x2.add
        local.set $c0
        local.get $cQ0
        local.get $r1
        local.get $c1
        f64x2.mul
        f64x2.add
        local.set $c1
        local.get $cQ0
        local.get $r2
        local.get $c2
        f64x2.mul
        f64x2.add
        local.set $c2
        local.get $cQ0
        local.get $r3
        local.get $c3
        f64x2.mul
        f64x2.add
        local.set $c3
        local.get $r0
        local.get $r0
        f64x2.mul
        local.get $c0
        f64x2.mul
        local.set $c0
        local.get $r1
        local.get $r1
        f64x2.mul
        local.get $c1
        f64x2.mul
        local.set $c1
        local.get $r2
        local.get $r2
        f64x2.mul
        local.get $c2
        f64x2.mul
        local.set $c2
        local.get $r3
        local.get $r3
        f64x2.mul
        local.get $c3
        f64x2.mul
        local.set $c3
        local.get $cOne
        local.get $r0
        f64x2.add
        local.set $u0
        local.get $cOne
        local.get $r1
        f64x2.add
        local.set $u1
        local.get $cOne
        local.get $r2
        f64x2.add
        local.set $u2
        local.get $cOne
        local.get $r3
        f64x2.add
        local.set $u3
        local.get $u0
        local.get $cOne
        local.get $u0
        f64x2.sub
        local.get $r0
        f64x2.add
        local.get $rLow0
        local.get $u0
        f64x2.mul
        local.get $c0
        f64x2.add
        f64x2.add
        f64x2.add
        local.set $p0
        local.get $u1
        local.get $cOne
        local.get $u1
        f64x2.sub
        local.get $r1
        f64x2.add
        local.get $rLow1
        local.get $u1
        f64x2.mul
        local.get $c1
        f64x2.add
        f64x2.add
        f64x2.add
        local.set $p1
        local.get $u2
        local.get $cOne
        local.get $u2
        f64x2.sub
        local.get $r2
        f64x2.add
        local.get $rLow2
        local.get $u2
        f64x2.mul
        local.get $c2
        f64x2.add
        f64x2.add
        f64x2.add
        local.set $p2
        local.get $u3
        local.get $cOne
        local.get $u3
        f64x2.sub
        local.get $r3
        f64x2.add
        local.get $rLow3
        local.get $u3
        f64x2.mul
        local.get $c3
        f64x2.add
        f64x2.add
        f64x2.add
        local.set $p3
        local.get $t0
        local.get $cShiftBits
        i64x2.sub
        local.tee $k0
        i32.const 1
        i64x2.shr_s
        local.set $half0
        local.get $t1
        local.get $cShiftBits
        i64x2.sub
        local.tee $k1
        i32.const 1
        i64x2.shr_s
        local.set $half1
        local.get $t2
        local.get $cShiftBits
        i64x2.sub
        local.tee $k2
        i32.const 1
        i64x2.shr_s
        local.set $half2
        local.get $t3
        local.get $cShiftBits
        i64x2.sub
        local.tee $k3
        i32.const 1
        i64x2.shr_s
        local.set $half3
        local.get $half0
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale0
        local.get $half1
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale1
        local.get $half2
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale2
        local.get $half3
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale3
        local.get $k0
        local.get $half0
        i64x2.sub
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $k0
        local.get $k1
        local.get $half1
        i64x2.sub
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $k1
        local.get $k2
        local.get $half2
        i64x2.sub
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $k2
        local.get $k3
        local.get $half3
        i64x2.sub
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $k3
        local.get $at
        local.get $p0
        local.get $scale0
        f64x2.mul
        local.get $k0
        f64x2.mul
        v128.store align=8
        local.get $at
        local.get $p1
        local.get $scale1
        f64x2.mul
        local.get $k1
        f64x2.mul
        v128.store offset=16 align=8
        local.get $at
        local.get $p2
        local.get $scale2
        f64x2.mul
        local.get $k2
        f64x2.mul
        v128.store offset=32 align=8
        local.get $at
        local.get $p3
        local.get $scale3
        f64x2.mul
        local.get $k3
        f64x2.mul
        v128.store offset=48 align=8
        local.get $at
        i32.const 64
        i32.add
        local.set $at
        local.get $groups
        i32.const 1
        i32.sub
        local.tee $groups
        br_if 0
      end
    end)
  (func $log (type 0) (param $at i32) (param $groups i32)
    (local $cZero v128)
    (local $cInf v128)
    (local $cNegInf v128)
    (local $cNaN v128)
    (local $cMinNormal v128)
    (local $cTwo54 v128)
    (local $cOne v128)
    (local $cTwo v128)
    (local $cHalf v128)
    (local $cSplit v128)
    (local $cLn2Hi v128)
    (local $cLn2Lo v128)
    (local $cShift v128)
    (local $cShiftBits v128)
    (local $cOffset v128)
    (local $cExponent v128)
    (local $cMinus54 v128)
    (local $cLg1 v128)
    (local $cLg2 v128)
    (local $cLg3 v128)
    (local $cLg4 v128)
    (local $cLg5 v128)
    (local $cLg6 v128)
    (local $cLg7 v128)
    (local $x0 v128)
    (local $subnormal0 v128)
    (local $shifted0 v128)
    (local $k0 v128)
    (local $fr0 v128)
    (local $s0 v128)
    (local $z0 v128)
    (local $w0 v128)
    (local $r0 v128)
    (local $fHi0 v128)
    (local $fLo0 v128)
    (local $hfsqHi0 v128)
    (local $hfsq0 v128)
    (local $a0 v128)
    (local $sum0 v128)
    (local $sum20 v128)
    (local $x1 v128)
    (local $subnormal1 v128)
    (local $shifted1 v128)
    (local $k1 v128)
    (local $fr1 v128)
    (local $s1 v128)
    (local $z1 v128)
    (local $w1 v128)
    (local $r1 v128)
    (local $fHi1 v128)
    (local $fLo1 v128)
    (local $hfsqHi1 v128)
    (local $hfsq1 v128)
    (local $a1 v128)
    (local $sum1 v128)
    (local $sum21 v128)
    v128.const f64x2 0 0
    local.set $cZero
    v128.const f64x2 inf inf
    local.set $cInf
    v128.const f64x2 -inf -inf
    local.set $cNegInf
    v128.const f64x2 nan nan
    local.set $cNaN
    v128.const f64x2 2.2250738585072014e-308 2.2250738585072014e-308
    local.set $cMinNormal
    v128.const f64x2 18014398509481984 18014398509481984
    local.set $cTwo54
    v128.const f64x2 1 1
    local.set $cOne
    v128.const f64x2 2 2
    local.set $cTwo
    v128.const f64x2 0.5 0.5
    local.set $cHalf
    v128.const f64x2 50331648 50331648
    local.set $cSplit
    v128.const f64x2 0.6931471803691238 0.6931471803691238
    local.set $cLn2Hi
    v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10
    local.set $cLn2Lo
    v128.const f64x2 6755399441055744 6755399441055744
    local.set $cShift
    v128.const f64x2 6755399441055744 6755399441055744
    local.set $cShiftBits
    v128.const f64x2 0.7071065902709961 0.7071065902709961
    local.set $cOffset
    v128.const f64x2 -inf -inf
    local.set $cExponent
    v128.const i64x2 0xffffffffffffffca 0xffffffffffffffca
    local.set $cMinus54
    v128.const f64x2 0.6666666666666735 0.6666666666666735
    local.set $cLg1
    v128.const f64x2 0.3999999999940942 0.3999999999940942
    local.set $cLg2
    v128.const f64x2 0.2857142874366239 0.2857142874366239
    local.set $cLg3
    v128.const f64x2 0.22222198432149784 0.22222198432149784
    local.set $cLg4
    v128.const f64x2 0.1818357216161805 0.1818357216161805
    local.set $cLg5
    v128.const f64x2 0.15313837699209373 0.15313837699209373
    local.set $cLg6
    v128.const f64x2 0.14798198605116586 0.14798198605116586
    local.set $cLg7
    block  ;; label = @1
      local.get $groups
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $at
        v128.load align=8
        local.tee $x0
        local.get $cMinNormal
        f64x2.lt
        local.set $subnormal0
        local.get $at
        v128.load offset=16 align=8
        local.tee $x1
        local.get $cMinNormal
        f64x2.lt
        local.set $subnormal1
        local.get $x0
        local.get $cTwo54
        f64x2.mul
        local.get $x0
        local.get $subnormal0
        v128.bitselect
        local.set $x0
        local.get $x1
        local.get $cTwo54
        f64x2.mul
        local.get $x1
        local.get $subnormal1
        v128.bitselect
        local.set $x1
        local.get $x0
        local.get $cOffset
        i64x2.sub
        local.set $shifted0
        local.get $x1
        local.get $cOffset
        i64x2.sub
        local.set $shifted1
        local.get $shifted0
        i32.const 52
        i64x2.shr_s
        local.get $subnormal0
        local.get $cMinus54
        v128.and
        i64x2.add
        local.get $cShiftBits
        i64x2.add
        local.get $cShift
        f64x2.sub
        local.set $k0
        local.get $shifted1
        i32.const 52
        i64x2.shr_s
        local.get $subnormal1
        local.get $cMinus54
        v128.and
        i64x2.add
        local.get $cShiftBits
        i64x2.add
        local.get $cShift
        f64x2.sub
        local.set $k1
        local.get $x0
        local.get $shifted0
        local.get $cExponent
        v128.and
        i64x2.sub
        local.get $cOne
        f64x2.sub
        local.set $fr0
        local.get $x1
        local.get $shifted1
        local.get $cExponent
        v128.and
        i64x2.sub
        local.get $cOne
        f64x2.sub
        local.set $fr1
        local.get $fr0
        local.get $cTwo
        local.get $fr0
        f64x2.add
        f64x2.div
        local.set $s0
        local.get $fr1
        local.get $cTwo
        local.get $fr1
        f64x2.add
        f64x2.div
        local.set $s1
        local.get $s0
        local.get $s0
        f64x2.mul
        local.tee $z0
        local.get $z0
        f64x2.mul
        local.set $w0
        local.get $s1
        local.get $s1
        f64x2.mul
        local.tee $z1
        local.get $z1
        f64x2.mul
        local.set $w1
        local.get $z0
        local.get $cLg1
        local.get $w0
        local.get $cLg3
        local.get $w0
        local.get $cLg5
        local.get $w0
        local.get $cLg7
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        local.get $w0
        local.get $cLg2
        local.get $w0
        local.get $cLg4
        local.get $w0
        local.get $cLg6
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        local.set $r0
        local.get $z1
        local.get $cLg1
        local.get $w1
        local.get $cLg3
        local.get $w1
        local.get $cLg5
        local.get $w1
        local.get $cLg7
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        local.get $w1
        local.get $cLg2
        local.get $w1
        local.get $cLg4
        local.get $w1
        local.get $cLg6
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        local.set $r1
        local.get $fr0
        local.get $cSplit
        f64x2.add
        local.get $cSplit
        f64x2.sub
        local.set $fHi0
        local.get $fr1
        local.get $cSplit
        f64x2.add
        local.get $cSplit
        f64x2.sub
        local.set $fHi1
        local.get $fr0
        local.get $fHi0
        f64x2.sub
        local.set $fLo0
        local.get $fr1
        local.get $fHi1
        f64x2.sub
        local.set $fLo1
        local.get $cHalf
        local.get $fHi0
        f64x2.mul
        local.get $fHi0
        f64x2.mul
        local.set $hfsqHi0
        local.get $cHalf
        local.get $fHi1
        f64x2.mul
        local.get $fHi1
        f64x2.mul
        local.set $hfsqHi1
        local.get $cHalf
        local.get $fLo0
        f64x2.mul
        local.get $fr0
        local.get $fHi0
        f64x2.add
        f64x2.mul
        local.set $fLo0
        local.get $cHalf
        local.get $fLo1
        f64x2.mul
        local.get $fr1
        local.get $fHi1
        f64x2.add
        f64x2.mul
        local.set $fLo1
        local.get $hfsqHi0
        local.get $fLo0
        f64x2.add
        local.set $hfsq0
        local.get $hfsqHi1
        local.get $fLo1
        f64x2.add
        local.set $hfsq1
        local.get $k0
        local.get $cLn2Hi
        f64x2.mul
        local.set $a0
        local.get $k1
        local.get $cLn2Hi
        f64x2.mul
        local.set $a1
        local.get $a0
        local.get $fr0
        f64x2.add
        local.set $sum0
        local.get $a1
        local.get $fr1
        f64x2.add
        local.set $sum1
        local.get $sum0
        local.get $hfsqHi0
        f64x2.sub
        local.set $sum20
        local.get $sum1
        local.get $hfsqHi1
        f64x2.sub
        local.set $sum21
        local.get $sum20
        local.get $a0
        local.get $sum0
        f64x2.sub
        local.get $fr0
        f64x2.add
        local.get $sum0
        local.get $sum20
        f64x2.sub
        local.get $hfsqHi0
        f64x2.sub
        f64x2.add
        local.get $s0
        local.get $hfsq0
        local.get $r0
        f64x2.add
        f64x2.mul
        local.get $k0
        local.get $cLn2Lo
        f64x2.mul
        f64x2.add
        local.get $fLo0
        f64x2.sub
        f64x2.add
        f64x2.add
        local.set $sum20
        local.get $sum21
        local.get $a1
        local.get $sum1
        f64x2.sub
        local.get $fr1
        f64x2.add
        local.get $sum1
        local.get $sum21
        f64x2.sub
        local.get $hfsqHi1
        f64x2.sub
        f64x2.add
        local.get $s1
        local.get $hfsq1
        local.get $r1
        f64x2.add
        f64x2.mul
        local.get $k1
        local.get $cLn2Lo
        f64x2.mul
        f64x2.add
        local.get $fLo1
        f64x2.sub
        f64x2.add
        f64x2.add
        local.set $sum21
        local.get $at
        local.get $sum20
        local.get $cNegInf
        local.get $cNaN
        local.get $x0
        local.get $x0
        local.get $cZero
        f64x2.lt
        v128.bitselect
        local.get $x0
        local.get $cZero
        f64x2.eq
        v128.bitselect
        local.get $x0
        local.get $cZero
        f64x2.gt
        local.get $x0
        local.get $cInf
        f64x2.lt
        v128.and
        v128.bitselect
        v128.store align=8
        local.get $at
        local.get $sum21
        local.get $cNegInf
        local.get $cNaN
        local.get $x1
        local.get $x1
        local.get $cZero
        f64x2.lt
        v128.bitselect
        local.get $x1
        local.get $cZero
        f64x2.eq
        v128.bitselect
        local.get $x1
        local.get $cZero
        f64x2.gt
        local.get $x1
        local.get $cInf
        f64x2.lt
        v128.and
        v128.bitselect
        v128.store offset=16 align=8
        local.get $at
        i32.const 32
        i32.add
        local.set $at
        local.get $groups
        i32.const 1
        i32.sub
        local.tee $groups
        br_if 0
      end
    end)
  (export "exp" (func $exp))
  (export "log" (func $log)))
