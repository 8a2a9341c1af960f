(module $tanh
  (type (;0;) (func (param i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func $tanh (type 0) (param $at i32) (param $groups i32)
    (local $cSmall v128)
    (local $cSaturation v128)
    (local $cLog2e v128)
    (local $cShift v128)
    (local $cLn2Hi v128)
    (local $cLn2Lo v128)
    (local $cOne v128)
    (local $cTwo v128)
    (local $cHalf v128)
    (local $cSign v128)
    (local $cBias v128)
    (local $cP0 v128)
    (local $cP1 v128)
    (local $cP2 v128)
    (local $cP3 v128)
    (local $cP4 v128)
    (local $cP5 v128)
    (local $cP6 v128)
    (local $cP7 v128)
    (local $cP8 v128)
    (local $cP9 v128)
    (local $cP10 v128)
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
    (local $x0 v128)
    (local $a0 v128)
    (local $z0 v128)
    (local $small0 v128)
    (local $y0 v128)
    (local $t0 v128)
    (local $k0 v128)
    (local $r0 v128)
    (local $s0 v128)
    (local $scale0 v128)
    (local $u0 v128)
    (local $v0 v128)
    (local $d0 v128)
    (local $dLow0 v128)
    (local $q0 v128)
    (local $h0 v128)
    (local $hLow0 v128)
    (local $result0 v128)
    (local $x1 v128)
    (local $a1 v128)
    (local $z1 v128)
    (local $small1 v128)
    (local $y1 v128)
    (local $t1 v128)
    (local $k1 v128)
    (local $r1 v128)
    (local $s1 v128)
    (local $scale1 v128)
    (local $u1 v128)
    (local $v1 v128)
    (local $d1 v128)
    (local $dLow1 v128)
    (local $q1 v128)
    (local $h1 v128)
    (local $hLow1 v128)
    (local $result1 v128)
    (local $x2 v128)
    (local $a2 v128)
    (local $z2 v128)
    (local $small2 v128)
    (local $y2 v128)
    (local $t2 v128)
    (local $k2 v128)
    (local $r2 v128)
    (local $s2 v128)
    (local $scale2 v128)
    (local $u2 v128)
    (local $v2 v128)
    (local $d2 v128)
    (local $dLow2 v128)
    (local $q2 v128)
    (local $h2 v128)
    (local $hLow2 v128)
    (local $result2 v128)
    (local $x3 v128)
    (local $a3 v128)
    (local $z3 v128)
    (local $small3 v128)
    (local $y3 v128)
    (local $t3 v128)
    (local $k3 v128)
    (local $r3 v128)
    (local $s3 v128)
    (local $scale3 v128)
    (local $u3 v128)
    (local $v3 v128)
    (local $d3 v128)
    (local $dLow3 v128)
    (local $q3 v128)
    (local $h3 v128)
    (local $hLow3 v128)
    (local $result3 v128)
    v128.const f64x2 0.55 0.55
    local.set $cSmall
    v128.const f64x2 19.1 19.1
    local.set $cSaturation
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
    v128.const f64x2 2 2
    local.set $cTwo
    v128.const f64x2 0.5 0.5
    local.set $cHalf
    v128.const f64x2 -0 -0
    local.set $cSign
    v128.const i64x2 0x00000000000003ff 0x00000000000003ff
    local.set $cBias
    v128.const f64x2 -0.3333333333333333 -0.3333333333333333
    local.set $cP0
    v128.const f64x2 0.13333333333332714 0.13333333333332714
    local.set $cP1
    v128.const f64x2 -0.053968253967434016 -0.053968253967434016
    local.set $cP2
    v128.const f64x2 0.021869488493666944 0.021869488493666944
    local.set $cP3
    v128.const f64x2 -0.008863234397814355 -0.008863234397814355
    local.set $cP4
    v128.const f64x2 0.003592110378689024 0.003592110378689024
    local.set $cP5
    v128.const f64x2 -0.001455661830100716 -0.001455661830100716
    local.set $cP6
    v128.const f64x2 0.0005889360520074057 0.0005889360520074057
    local.set $cP7
    v128.const f64x2 -0.0002346347410887237 -0.0002346347410887237
    local.set $cP8
    v128.const f64x2 0.00008511313685577671 0.00008511313685577671
    local.set $cP9
    v128.const f64x2 -0.00002060276537636634 -0.00002060276537636634
    local.set $cP10
    v128.const f64x2 0.5000000000000001 0.5000000000000001
    local.set $cQ0
    v128.const f64x2 0.16666666666666669 0.16666666666666669
    local.set $cQ1
    v128.const f64x2 0.041666666666624164 0.041666666666624164
    local.set $cQ2
    v128.const f64x2 0.008333333333330065 0.008333333333330065
    local.set $cQ3
    v128.const f64x2 0.0013888888917197209 0.0013888888917197209
    local.set $cQ4
    v128.const f64x2 0.00019841269863040922 0.00019841269863040922
    local.set $cQ5
    v128.const f64x2 0.000024801521321606647 0.000024801521321606647
    local.set $cQ6
    v128.const f64x2 0.0000027557268479724004 0.0000027557268479724004
    local.set $cQ7
    v128.const f64x2 2.7620076242527254e-7 2.7620076242527254e-7
    local.set $cQ8
    v128.const f64x2 2.510037611136142e-8 2.510037611136142e-8
    local.set $cQ9
    block  ;; label = @1
      local.get $groups
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $at
        v128.load align=8
        local.tee $x0
        f64x2.abs
        local.tee $a0
        local.get $cSmall
        f64x2.lt
        local.set $small0
        local.get $at
        v128.load offset=16 align=8
        local.tee $x1
        f64x2.abs
        local.tee $a1
        local.get $cSmall
        f64x2.lt
        local.set $small1
        local.get $at
        v128.load offset=32 align=8
        local.tee $x2
        f64x2.abs
        local.tee $a2
        local.get $cSmall
        f64x2.lt
        local.set $small2
        local.get $at
        v128.load offset=48 align=8
        local.tee $x3
        f64x2.abs
        local.tee $a3
        local.get $cSmall
        f64x2.lt
        local.set $small3
        local.get $a0
        local.get $a0
        f64x2.mul
        local.set $z0
        local.get $a1
        local.get $a1
        f64x2.mul
        local.set $z1
        local.get $a2
        local.get $a2
        f64x2.mul
        local.set $z2
        local.get $a3
        local.get $a3
        f64x2.mul
        local.set $z3
        local.get $cP10
        local.set $result0
        local.get $cP10
        local.set $result1
        local.get $cP10
        local.set $result2
        local.get $cP10
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP9
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP9
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP9
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP9
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP8
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP8
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP8
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP8
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP7
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP7
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP7
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP7
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP6
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP6
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP6
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP6
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP5
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP5
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP5
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP5
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP4
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP4
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP4
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP4
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP3
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP3
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP3
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP3
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP2
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP2
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP2
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP2
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP1
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP1
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP1
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP1
        f64x2.add
        local.set $result3
        local.get $result0
        local.get $z0
        f64x2.mul
        local.get $cP0
        f64x2.add
        local.set $result0
        local.get $result1
        local.get $z1
        f64x2.mul
        local.get $cP0
        f64x2.add
        local.set $result1
        local.get $result2
        local.get $z2
        f64x2.mul
        local.get $cP0
        f64x2.add
        local.set $result2
        local.get $result3
        local.get $z3
        f64x2.mul
        local.get $cP0
        f64x2.add
        local.set $result3
        local.get $a0
        local.get $a0
        local.get $z0
        local.get $result0
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set $result0
        local.get $a1
        local.get $a1
        local.get $z1
        local.get $result1
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set $result1
        local.get $a2
        local.get $a2
        local.get $z2
        local.get $result2
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set $result2
        local.get $a3
        local.get $a3
        local.get $z3
        local.get $result3
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set $result3
        local.get $a0
        local.get $cSaturation
        f64x2.pmin
        local.tee $y0
        local.get $y0
        f64x2.add
        local.set $y0
        local.get $a1
        local.get $cSaturation
        f64x2.pmin
        local.tee $y1
        local.get $y1
        f64x2.add
        local.set $y1
        local.get $a2
        local.get $cSaturation
        f64x2.pmin
        local.tee $y2
        local.get $y2
        f64x2.add
        local.set $y2
        local.get $a3
        local.get $cSaturation
        f64x2.pmin
        local.tee $y3
        local.get $y3
        f64x2.add
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
        local.get $k0
        local.get $cLn2Lo
        f64x2.mul
        f64x2.sub
        local.set $r0
        local.get $y1
        local.get $k1
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.get $k1
        local.get $cLn2Lo
        f64x2.mul
        f64x2.sub
        local.set $r1
        local.get $y2
        local.get $k2
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.get $k2
        local.get $cLn2Lo
        f64x2.mul
        f64x2.sub
        local.set $r2
        local.get $y3
        local.get $k3
        local.get $cLn2Hi
        f64x2.mul
        f64x2.sub
        local.get $k3
        local.get $cLn2Lo
        f64x2.mul
        f64x2.sub
        local.set $r3
        local.get $cQ9
        local.set $s0
        local.get $cQ9
        local.set $s1
        local.get $cQ9
        local.set $s2
        local.get $cQ9
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ8
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ8
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ8
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ8
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ7
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ7
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ7
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ7
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ6
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ6
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ6
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ6
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ5
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ5
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ5
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ5
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ4
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ4
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ4
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ4
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ3
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ3
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ3
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ3
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ2
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ2
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ2
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ2
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ1
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ1
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ1
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ1
        f64x2.add
        local.set $s3
        local.get $s0
        local.get $r0
        f64x2.mul
        local.get $cQ0
        f64x2.add
        local.set $s0
        local.get $s1
        local.get $r1
        f64x2.mul
        local.get $cQ0
        f64x2.add
        local.set $s1
        local.get $s2
        local.get $r2
        f64x2.mul
        local.get $cQ0
        f64x2.add
        local.set $s2
        local.get $s3
        local.get $r3
        f64x2.mul
        local.get $cQ0
        f64x2.add
        local.set $s3
        local.get $r0
        local.get $r0
        local.get $r0
        f64x2.mul
        local.get $s0
        f64x2.mul
        f64x2.add
        local.set $s0
        local.get $r1
        local.get $r1
        local.get $r1
        f64x2.mul
        local.get $s1
        f64x2.mul
        f64x2.add
        local.set $s1
        local.get $r2
        local.get $r2
        local.get $r2
        f64x2.mul
        local.get $s2
        f64x2.mul
        f64x2.add
        local.set $s2
        local.get $r3
        local.get $r3
        local.get $r3
        f64x2.mul
        local.get $s3
        f64x2.mul
        f64x2.add
        local.set $s3
        local.get $t0
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale0
        local.get $t1
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale1
        local.get $t2
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale2
        local.get $t3
        local.get $cBias
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set $scale3
        local.get $scale0
        local.get $cOne
        f64x2.add
        local.set $u0
        local.get $scale1
        local.get $cOne
        f64x2.add
        local.set $u1
        local.get $scale2
        local.get $cOne
        f64x2.add
        local.set $u2
        local.get $scale3
        local.get $cOne
        f64x2.add
        local.set $u3
        local.get $scale0
        local.get $s0
        f64x2.mul
        local.set $v0
        local.get $scale1
        local.get $s1
        f64x2.mul
        local.set $v1
        local.get $scale2
        local.get $s2
        f64x2.mul
        local.set $v2
        local.get $scale3
        local.get $s3
        f64x2.mul
        local.set $v3
        local.get $u0
        local.get $v0
        f64x2.add
        local.set $d0
        local.get $u1
        local.get $v1
        f64x2.add
        local.set $d1
        local.get $u2
        local.get $v2
        f64x2.add
        local.set $d2
        local.get $u3
        local.get $v3
        f64x2.add
        local.set $d3
        local.get $u0
        local.get $d0
        f64x2.sub
        local.get $v0
        f64x2.add
        local.set $dLow0
        local.get $u1
        local.get $d1
        f64x2.sub
        local.get $v1
        f64x2.add
        local.set $dLow1
        local.get $u2
        local.get $d2
        f64x2.sub
        local.get $v2
        f64x2.add
        local.set $dLow2
        local.get $u3
        local.get $d3
        f64x2.sub
        local.get $v3
        f64x2.add
        local.set $dLow3
        local.get $cTwo
        local.get $d0
        f64x2.div
        local.set $q0
        local.get $cTwo
        local.get $d1
        f64x2.div
        local.set $q1
        local.get $cTwo
        local.get $d2
        f64x2.div
        local.set $q2
        local.get $cTwo
        local.get $d3
        f64x2.div
        local.set $q3
        local.get $cOne
        local.get $q0
        f64x2.sub
        local.set $h0
        local.get $cOne
        local.get $q1
        f64x2.sub
        local.set $h1
        local.get $cOne
        local.get $q2
        f64x2.sub
        local.set $h2
        local.get $cOne
        local.get $q3
        f64x2.sub
        local.set $h3
        local.get $cOne
        local.get $h0
        f64x2.sub
        local.get $q0
        f64x2.sub
        local.set $hLow0
        local.get $cOne
        local.get $h1
        f64x2.sub
        local.get $q1
        f64x2.sub
        local.set $hLow1
        local.get $cOne
        local.get $h2
        f64x2.sub
        local.get $q2
        f64x2.sub
        local.set $hLow2
        local.get $cOne
        local.get $h3
        f64x2.sub
        local.get $q3
        f64x2.sub
        local.set $hLow3
        local.get $h0
        local.get $hLow0
        local.get $q0
        local.get $q0
        f64x2.mul
        local.get $cHalf
        f64x2.mul
        local.get $dLow0
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set $h0
        local.get $h1
        local.get $hLow1
        local.get $q1
        local.get $q1
        f64x2.mul
        local.get $cHalf
        f64x2.mul
        local.get $dLow1
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set $h1
        local.get $h2
        local.get $hLow2
        local.get $q2
        local.get $q2
        f64x2.mul
        local.get $cHalf
        f64x2.mul
        local.get $dLow2
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set $h2
        local.get $h3
        local.get $hLow3
        local.get $q3
        local.get $q3
        f64x2.mul
        local.get $cHalf
        f64x2.mul
        local.get $dLow3
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set $h3
        local.get $at
        local.get $result0
        local.get $h0
        local.get $small0
        v128.bitselect
        local.get $x0
        local.get $cSign
        v128.and
        v128.or
        v128.store align=8
        local.get $at
        local.get $result1
        local.get $h1
        local.get $small1
        v128.bitselect
        local.get $x1
        local.get $cSign
        v128.and
        v128.or
        v128.store offset=16 align=8
        local.get $at
        local.get $result2
        local.get $h2
        local.get $small2
        v128.bitselect
        local.get $x2
        local.get $cSign
        v128.and
        v128.or
        v128.store offset=32 align=8
        local.get $at
        local.get $result3
        local.get $h3
        local.get $small3
        v128.bitselect
        local.get $x3
        local.get $cSign
        v128.and
        v128.or
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
  (export "tanh" (func $tanh)))
