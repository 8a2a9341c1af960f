(module $gemm-shared
  (type (;0;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;2;) (func (param i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1 16384 shared))
  (func $tile4x4 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $rowOffset1 i32)
    (local $rowOffset2 i32)
    (local $rowOffset3 i32)
    (local $sum0_0 v128)
    (local $sum0_1 v128)
    (local $sum1_0 v128)
    (local $sum1_1 v128)
    (local $sum2_0 v128)
    (local $sum2_1 v128)
    (local $sum3_0 v128)
    (local $sum3_1 v128)
    (local $bv0 v128)
    (local $bv1 v128)
    (local $av v128)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $cRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $cRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          v128.load align=8
          local.set $sum0_0
          local.get $c
          v128.load offset=16 align=8
          local.set $sum0_1
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.set $sum1_0
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load offset=16 align=8
          local.set $sum1_1
          local.get $c
          local.get $rowOffset2
          i32.add
          v128.load align=8
          local.set $sum2_0
          local.get $c
          local.get $rowOffset2
          i32.add
          v128.load offset=16 align=8
          local.set $sum2_1
          local.get $c
          local.get $rowOffset3
          i32.add
          v128.load align=8
          local.set $sum3_0
          local.get $c
          local.get $rowOffset3
          i32.add
          v128.load offset=16 align=8
          local.set $sum3_1
        else
          v128.const f64x2 0 0
          local.set $sum0_0
          v128.const f64x2 0 0
          local.set $sum0_1
          v128.const f64x2 0 0
          local.set $sum1_0
          v128.const f64x2 0 0
          local.set $sum1_1
          v128.const f64x2 0 0
          local.set $sum2_0
          v128.const f64x2 0 0
          local.set $sum2_1
          v128.const f64x2 0 0
          local.set $sum3_0
          v128.const f64x2 0 0
          local.set $sum3_1
        end
        local.get $aRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $aRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $aRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            v128.load align=8
            local.set $bv0
            local.get $b
            v128.load offset=16 align=8
            local.set $bv1
            local.get $a
            v128.load64_splat
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum0_0
            local.get $sum0_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum0_1
            local.get $a
            local.get $rowOffset1
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum1_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum1_0
            local.get $sum1_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum1_1
            local.get $a
            local.get $rowOffset2
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum2_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum2_0
            local.get $sum2_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum2_1
            local.get $a
            local.get $rowOffset3
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum3_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum3_0
            local.get $sum3_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum3_1
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $cRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $cRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          v128.load align=8
          local.get $sum0_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $c
          v128.load offset=16 align=8
          local.get $sum0_1
          f64x2.add
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.get $sum1_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load offset=16 align=8
          local.get $sum1_1
          f64x2.add
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $c
          local.get $rowOffset2
          i32.add
          v128.load align=8
          local.get $sum2_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $c
          local.get $rowOffset2
          i32.add
          v128.load offset=16 align=8
          local.get $sum2_1
          f64x2.add
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $c
          local.get $rowOffset3
          i32.add
          v128.load align=8
          local.get $sum3_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $c
          local.get $rowOffset3
          i32.add
          v128.load offset=16 align=8
          local.get $sum3_1
          f64x2.add
          v128.store offset=16 align=8
        else
          local.get $c
          local.get $sum0_0
          v128.store align=8
          local.get $c
          local.get $sum0_1
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_0
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_1
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $sum2_0
          v128.store align=8
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $sum2_1
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $sum3_0
          v128.store align=8
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $sum3_1
          v128.store offset=16 align=8
        end
        local.get $bBlock
        i32.const 32
        i32.add
        local.set $b
        local.get $c
        i32.const 32
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile4x2 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $rowOffset1 i32)
    (local $rowOffset2 i32)
    (local $rowOffset3 i32)
    (local $sum0_0 v128)
    (local $sum1_0 v128)
    (local $sum2_0 v128)
    (local $sum3_0 v128)
    (local $bv0 v128)
    (local $av v128)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $cRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $cRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          v128.load align=8
          local.set $sum0_0
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.set $sum1_0
          local.get $c
          local.get $rowOffset2
          i32.add
          v128.load align=8
          local.set $sum2_0
          local.get $c
          local.get $rowOffset3
          i32.add
          v128.load align=8
          local.set $sum3_0
        else
          v128.const f64x2 0 0
          local.set $sum0_0
          v128.const f64x2 0 0
          local.set $sum1_0
          v128.const f64x2 0 0
          local.set $sum2_0
          v128.const f64x2 0 0
          local.set $sum3_0
        end
        local.get $aRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $aRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $aRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            v128.load align=8
            local.set $bv0
            local.get $a
            v128.load64_splat
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum0_0
            local.get $a
            local.get $rowOffset1
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum1_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum1_0
            local.get $a
            local.get $rowOffset2
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum2_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum2_0
            local.get $a
            local.get $rowOffset3
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum3_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum3_0
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $cRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $cRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          v128.load align=8
          local.get $sum0_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.get $sum1_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $c
          local.get $rowOffset2
          i32.add
          v128.load align=8
          local.get $sum2_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $c
          local.get $rowOffset3
          i32.add
          v128.load align=8
          local.get $sum3_0
          f64x2.add
          v128.store align=8
        else
          local.get $c
          local.get $sum0_0
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_0
          v128.store align=8
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $sum2_0
          v128.store align=8
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $sum3_0
          v128.store align=8
        end
        local.get $bBlock
        i32.const 16
        i32.add
        local.set $b
        local.get $c
        i32.const 16
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile4x1 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $rowOffset1 i32)
    (local $rowOffset2 i32)
    (local $rowOffset3 i32)
    (local $sum0_0 f64)
    (local $sum1_0 f64)
    (local $sum2_0 f64)
    (local $sum3_0 f64)
    (local $bv0 f64)
    (local $av f64)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $cRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $cRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          f64.load
          local.set $sum0_0
          local.get $c
          local.get $rowOffset1
          i32.add
          f64.load
          local.set $sum1_0
          local.get $c
          local.get $rowOffset2
          i32.add
          f64.load
          local.set $sum2_0
          local.get $c
          local.get $rowOffset3
          i32.add
          f64.load
          local.set $sum3_0
        else
          f64.const 0
          local.set $sum0_0
          f64.const 0
          local.set $sum1_0
          f64.const 0
          local.set $sum2_0
          f64.const 0
          local.set $sum3_0
        end
        local.get $aRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $aRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $aRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            f64.load
            local.set $bv0
            local.get $a
            f64.load
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum0_0
            local.get $a
            local.get $rowOffset1
            i32.add
            f64.load
            local.set $av
            local.get $sum1_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum1_0
            local.get $a
            local.get $rowOffset2
            i32.add
            f64.load
            local.set $av
            local.get $sum2_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum2_0
            local.get $a
            local.get $rowOffset3
            i32.add
            f64.load
            local.set $av
            local.get $sum3_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum3_0
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $cRow
        i32.const 2
        i32.mul
        local.set $rowOffset2
        local.get $cRow
        i32.const 3
        i32.mul
        local.set $rowOffset3
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          f64.load
          local.get $sum0_0
          f64.add
          f64.store
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          f64.load
          local.get $sum1_0
          f64.add
          f64.store
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $c
          local.get $rowOffset2
          i32.add
          f64.load
          local.get $sum2_0
          f64.add
          f64.store
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $c
          local.get $rowOffset3
          i32.add
          f64.load
          local.get $sum3_0
          f64.add
          f64.store
        else
          local.get $c
          local.get $sum0_0
          f64.store
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_0
          f64.store
          local.get $c
          local.get $rowOffset2
          i32.add
          local.get $sum2_0
          f64.store
          local.get $c
          local.get $rowOffset3
          i32.add
          local.get $sum3_0
          f64.store
        end
        local.get $bBlock
        i32.const 8
        i32.add
        local.set $b
        local.get $c
        i32.const 8
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile2x4 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $rowOffset1 i32)
    (local $sum0_0 v128)
    (local $sum0_1 v128)
    (local $sum1_0 v128)
    (local $sum1_1 v128)
    (local $bv0 v128)
    (local $bv1 v128)
    (local $av v128)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          v128.load align=8
          local.set $sum0_0
          local.get $c
          v128.load offset=16 align=8
          local.set $sum0_1
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.set $sum1_0
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load offset=16 align=8
          local.set $sum1_1
        else
          v128.const f64x2 0 0
          local.set $sum0_0
          v128.const f64x2 0 0
          local.set $sum0_1
          v128.const f64x2 0 0
          local.set $sum1_0
          v128.const f64x2 0 0
          local.set $sum1_1
        end
        local.get $aRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            v128.load align=8
            local.set $bv0
            local.get $b
            v128.load offset=16 align=8
            local.set $bv1
            local.get $a
            v128.load64_splat
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum0_0
            local.get $sum0_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum0_1
            local.get $a
            local.get $rowOffset1
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum1_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum1_0
            local.get $sum1_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum1_1
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          v128.load align=8
          local.get $sum0_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $c
          v128.load offset=16 align=8
          local.get $sum0_1
          f64x2.add
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.get $sum1_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load offset=16 align=8
          local.get $sum1_1
          f64x2.add
          v128.store offset=16 align=8
        else
          local.get $c
          local.get $sum0_0
          v128.store align=8
          local.get $c
          local.get $sum0_1
          v128.store offset=16 align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_0
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_1
          v128.store offset=16 align=8
        end
        local.get $bBlock
        i32.const 32
        i32.add
        local.set $b
        local.get $c
        i32.const 32
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile2x2 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $rowOffset1 i32)
    (local $sum0_0 v128)
    (local $sum1_0 v128)
    (local $bv0 v128)
    (local $av v128)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          v128.load align=8
          local.set $sum0_0
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.set $sum1_0
        else
          v128.const f64x2 0 0
          local.set $sum0_0
          v128.const f64x2 0 0
          local.set $sum1_0
        end
        local.get $aRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            v128.load align=8
            local.set $bv0
            local.get $a
            v128.load64_splat
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum0_0
            local.get $a
            local.get $rowOffset1
            i32.add
            v128.load64_splat
            local.set $av
            local.get $sum1_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum1_0
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          v128.load align=8
          local.get $sum0_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          v128.load align=8
          local.get $sum1_0
          f64x2.add
          v128.store align=8
        else
          local.get $c
          local.get $sum0_0
          v128.store align=8
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_0
          v128.store align=8
        end
        local.get $bBlock
        i32.const 16
        i32.add
        local.set $b
        local.get $c
        i32.const 16
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile2x1 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $rowOffset1 i32)
    (local $sum0_0 f64)
    (local $sum1_0 f64)
    (local $bv0 f64)
    (local $av f64)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          f64.load
          local.set $sum0_0
          local.get $c
          local.get $rowOffset1
          i32.add
          f64.load
          local.set $sum1_0
        else
          f64.const 0
          local.set $sum0_0
          f64.const 0
          local.set $sum1_0
        end
        local.get $aRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            f64.load
            local.set $bv0
            local.get $a
            f64.load
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum0_0
            local.get $a
            local.get $rowOffset1
            i32.add
            f64.load
            local.set $av
            local.get $sum1_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum1_0
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $cRow
        i32.const 1
        i32.mul
        local.set $rowOffset1
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          f64.load
          local.get $sum0_0
          f64.add
          f64.store
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $c
          local.get $rowOffset1
          i32.add
          f64.load
          local.get $sum1_0
          f64.add
          f64.store
        else
          local.get $c
          local.get $sum0_0
          f64.store
          local.get $c
          local.get $rowOffset1
          i32.add
          local.get $sum1_0
          f64.store
        end
        local.get $bBlock
        i32.const 8
        i32.add
        local.set $b
        local.get $c
        i32.const 8
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile1x4 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $sum0_0 v128)
    (local $sum0_1 v128)
    (local $bv0 v128)
    (local $bv1 v128)
    (local $av v128)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          v128.load align=8
          local.set $sum0_0
          local.get $c
          v128.load offset=16 align=8
          local.set $sum0_1
        else
          v128.const f64x2 0 0
          local.set $sum0_0
          v128.const f64x2 0 0
          local.set $sum0_1
        end
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            v128.load align=8
            local.set $bv0
            local.get $b
            v128.load offset=16 align=8
            local.set $bv1
            local.get $a
            v128.load64_splat
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum0_0
            local.get $sum0_1
            local.get $av
            local.get $bv1
            f64x2.mul
            f64x2.add
            local.set $sum0_1
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          v128.load align=8
          local.get $sum0_0
          f64x2.add
          v128.store align=8
          local.get $c
          local.get $c
          v128.load offset=16 align=8
          local.get $sum0_1
          f64x2.add
          v128.store offset=16 align=8
        else
          local.get $c
          local.get $sum0_0
          v128.store align=8
          local.get $c
          local.get $sum0_1
          v128.store offset=16 align=8
        end
        local.get $bBlock
        i32.const 32
        i32.add
        local.set $b
        local.get $c
        i32.const 32
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile1x2 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $sum0_0 v128)
    (local $bv0 v128)
    (local $av v128)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          v128.load align=8
          local.set $sum0_0
        else
          v128.const f64x2 0 0
          local.set $sum0_0
        end
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            v128.load align=8
            local.set $bv0
            local.get $a
            v128.load64_splat
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64x2.mul
            f64x2.add
            local.set $sum0_0
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          v128.load align=8
          local.get $sum0_0
          f64x2.add
          v128.store align=8
        else
          local.get $c
          local.get $sum0_0
          v128.store align=8
        end
        local.get $bBlock
        i32.const 16
        i32.add
        local.set $b
        local.get $c
        i32.const 16
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $tile1x1 (type 0) (param $a i32) (param $b i32) (param $c i32) (param $k i32) (param $aRow i32) (param $aStep i32) (param $bStep i32) (param $cRow i32) (param $mode i32) (param $blocks i32)
    (local $p i32)
    (local $sum0_0 f64)
    (local $bv0 f64)
    (local $av f64)
    (local $aStart i32)
    (local $bBlock i32)
    local.get $a
    local.set $aStart
    block  ;; label = @1
      local.get $blocks
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $aStart
        local.set $a
        local.get $b
        local.set $bBlock
        local.get $mode
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get $c
          f64.load
          local.set $sum0_0
        else
          f64.const 0
          local.set $sum0_0
        end
        local.get $k
        local.set $p
        block  ;; label = @3
          local.get $p
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $b
            f64.load
            local.set $bv0
            local.get $a
            f64.load
            local.set $av
            local.get $sum0_0
            local.get $av
            local.get $bv0
            f64.mul
            f64.add
            local.set $sum0_0
            local.get $a
            local.get $aStep
            i32.add
            local.set $a
            local.get $b
            local.get $bStep
            i32.add
            local.set $b
            local.get $p
            i32.const 1
            i32.sub
            local.tee $p
            br_if 0
          end
        end
        local.get $mode
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get $c
          local.get $c
          f64.load
          local.get $sum0_0
          f64.add
          f64.store
        else
          local.get $c
          local.get $sum0_0
          f64.store
        end
        local.get $bBlock
        i32.const 8
        i32.add
        local.set $b
        local.get $c
        i32.const 8
        i32.add
        local.set $c
        local.get $blocks
        i32.const 1
        i32.sub
        local.tee $blocks
        br_if 0
      end
    end)
  (func $gemm (type 1) (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32) (param $aRow i32) (param $aStep i32) (param $mode i32)
    (local $rowBytes i32)
    (local $rowsLeft i32)
    (local $colBlocks i32)
    (local $aBlock i32)
    (local $bBlock i32)
    (local $cRow i32)
    (local $cBlock i32)
    local.get $n
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $m
    local.set $rowsLeft
    local.get $a
    local.set $aBlock
    local.get $c
    local.set $cRow
    block  ;; label = @1
      loop  ;; label = @2
        local.get $rowsLeft
        i32.const 4
        i32.lt_s
        br_if 1
        local.get $b
        local.set $bBlock
        local.get $cRow
        local.set $cBlock
        local.get $n
        i32.const 2
        i32.shr_u
        local.set $colBlocks
        local.get $aBlock
        local.get $bBlock
        local.get $cBlock
        local.get $k
        local.get $aRow
        local.get $aStep
        local.get $rowBytes
        local.get $rowBytes
        local.get $mode
        local.get $colBlocks
        call $tile4x4
        local.get $bBlock
        local.get $colBlocks
        i32.const 32
        i32.mul
        i32.add
        local.set $bBlock
        local.get $cBlock
        local.get $colBlocks
        i32.const 32
        i32.mul
        i32.add
        local.set $cBlock
        local.get $n
        i32.const 2
        i32.and
        i32.const 2
        i32.eq
        local.set $colBlocks
        local.get $aBlock
        local.get $bBlock
        local.get $cBlock
        local.get $k
        local.get $aRow
        local.get $aStep
        local.get $rowBytes
        local.get $rowBytes
        local.get $mode
        local.get $colBlocks
        call $tile4x2
        local.get $bBlock
        local.get $colBlocks
        i32.const 16
        i32.mul
        i32.add
        local.set $bBlock
        local.get $cBlock
        local.get $colBlocks
        i32.const 16
        i32.mul
        i32.add
        local.set $cBlock
        local.get $n
        i32.const 1
        i32.and
        i32.const 1
        i32.eq
        local.set $colBlocks
        local.get $aBlock
        local.get $bBlock
        local.get $cBlock
        local.get $k
        local.get $aRow
        local.get $aStep
        local.get $rowBytes
        local.get $rowBytes
        local.get $mode
        local.get $colBlocks
        call $tile4x1
        local.get $bBlock
        local.get $colBlocks
        i32.const 8
        i32.mul
        i32.add
        local.set $bBlock
        local.get $cBlock
        local.get $colBlocks
        i32.const 8
        i32.mul
        i32.add
        local.set $cBlock
        local.get $aBlock
        local.get $aRow
        i32.const 4
        i32.mul
        i32.add
        local.set $aBlock
        local.get $cRow
        local.get $rowBytes
        i32.const 4
        i32.mul
        i32.add
        local.set $cRow
        local.get $rowsLeft
        i32.const 4
        i32.sub
        local.set $rowsLeft
        br 0
      end
    end
    local.get $rowsLeft
    i32.const 2
    i32.ge_s
    if  ;; label = @1
      local.get $b
      local.set $bBlock
      local.get $cRow
      local.set $cBlock
      local.get $n
      i32.const 2
      i32.shr_u
      local.set $colBlocks
      local.get $aBlock
      local.get $bBlock
      local.get $cBlock
      local.get $k
      local.get $aRow
      local.get $aStep
      local.get $rowBytes
      local.get $rowBytes
      local.get $mode
      local.get $colBlocks
      call $tile2x4
      local.get $bBlock
      local.get $colBlocks
      i32.const 32
      i32.mul
      i32.add
      local.set $bBlock
      local.get $cBlock
      local.get $colBlocks
      i32.const 32
      i32.mul
      i32.add
      local.set $cBlock
      local.get $n
      i32.const 2
      i32.and
      i32.const 2
      i32.eq
      local.set $colBlocks
      local.get $aBlock
      local.get $bBlock
      local.get $cBlock
      local.get $k
      local.get $aRow
      local.get $aStep
      local.get $rowBytes
      local.get $rowBytes
      local.get $mode
      local.get $colBlocks
      call $tile2x2
      local.get $bBlock
      local.get $colBlocks
      i32.const 16
      i32.mul
      i32.add
      local.set $bBlock
      local.get $cBlock
      local.get $colBlocks
      i32.const 16
      i32.mul
      i32.add
      local.set $cBlock
      local.get $n
      i32.const 1
      i32.and
      i32.const 1
      i32.eq
      local.set $colBlocks
      local.get $aBlock
      local.get $bBlock
      local.get $cBlock
      local.get $k
      local.get $aRow
      local.get $aStep
      local.get $rowBytes
      local.get $rowBytes
      local.get $mode
      local.get $colBlocks
      call $tile2x1
      local.get $bBlock
      local.get $colBlocks
      i32.const 8
      i32.mul
      i32.add
      local.set $bBlock
      local.get $cBlock
      local.get $colBlocks
      i32.const 8
      i32.mul
      i32.add
      local.set $cBlock
      local.get $aBlock
      local.get $aRow
      i32.const 2
      i32.mul
      i32.add
      local.set $aBlock
      local.get $cRow
      local.get $rowBytes
      i32.const 2
      i32.mul
      i32.add
      local.set $cRow
      local.get $rowsLeft
      i32.const 2
      i32.sub
      local.set $rowsLeft
    end
    local.get $rowsLeft
    i32.const 1
    i32.ge_s
    if  ;; label = @1
      local.get $b
      local.set $bBlock
      local.get $cRow
      local.set $cBlock
      local.get $n
      i32.const 2
      i32.shr_u
      local.set $colBlocks
      local.get $aBlock
      local.get $bBlock
      local.get $cBlock
      local.get $k
      local.get $aRow
      local.get $aStep
      local.get $rowBytes
      local.get $rowBytes
      local.get $mode
      local.get $colBlocks
      call $tile1x4
      local.get $bBlock
      local.get $colBlocks
      i32.const 32
      i32.mul
      i32.add
      local.set $bBlock
      local.get $cBlock
      local.get $colBlocks
      i32.const 32
      i32.mul
      i32.add
      local.set $cBlock
      local.get $n
      i32.const 2
      i32.and
      i32.const 2
      i32.eq
      local.set $colBlocks
      local.get $aBlock
      local.get $bBlock
      local.get $cBlock
      local.get $k
      local.get $aRow
      local.get $aStep
      local.get $rowBytes
      local.get $rowBytes
      local.get $mode
      local.get $colBlocks
      call $tile1x2
      local.get $bBlock
      local.get $colBlocks
      i32.const 16
      i32.mul
      i32.add
      local.set $bBlock
      local.get $cBlock
      local.get $colBlocks
      i32.const 16
      i32.mul
      i32.add
      local.set $cBlock
      local.get $n
      i32.const 1
      i32.and
      i32.const 1
      i32.eq
      local.set $colBlocks
      local.get $aBlock
      local.get $bBlock
      local.get $cBlock
      local.get $k
      local.get $aRow
      local.get $aStep
      local.get $rowBytes
      local.get $rowBytes
      local.get $mode
      local.get $colBlocks
      call $tile1x1
      local.get $bBlock
      local.get $colBlocks
      i32.const 8
      i32.mul
      i32.add
      local.set $bBlock
      local.get $cBlock
      local.get $colBlocks
      i32.const 8
      i32.mul
      i32.add
      local.set $cBlock
      local.get $aBlock
      local.get $aRow
      i32.const 1
      i32.mul
      i32.add
      local.set $aBlock
      local.get $cRow
      local.get $rowBytes
      i32.const 1
      i32.mul
      i32.add
      local.set $cRow
      local.get $rowsLeft
      i32.const 1
      i32.sub
      local.set $rowsLeft
    end)
  (func $transpose (type 2) (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32)
    (local $c i32)
    (local $d i32)
    (local $dStep i32)
    local.get $rows
    i32.const 8
    i32.mul
    local.set $dStep
    block  ;; label = @1
      local.get $rows
      i32.eqz
      br_if 0
      local.get $cols
      i32.eqz
      br_if 0
      local.get $rows
      local.set $r
      loop  ;; label = @2
        local.get $dst
        local.set $d
        local.get $cols
        local.set $c
        loop  ;; label = @3
          local.get $d
          local.get $src
          f64.load
          f64.store
          local.get $src
          i32.const 8
          i32.add
          local.set $src
          local.get $d
          local.get $dStep
          i32.add
          local.set $d
          local.get $c
          i32.const 1
          i32.sub
          local.tee $c
          br_if 0
        end
        local.get $dst
        i32.const 8
        i32.add
        local.set $dst
        local.get $r
        i32.const 1
        i32.sub
        local.tee $r
        br_if 0
      end
    end)
  (export "gemm" (func $gemm))
  (export "transpose" (func $transpose)))
