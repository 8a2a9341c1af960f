(module $elementwise
  (type (;0;) (func (param i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 f64 i32)))
  (type (;2;) (func (param i32 i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func $add (type 0) (param $out i32) (param $a i32) (param $b i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.add
        v128.store
        local.get $out
        local.get $a
        v128.load offset=16
        local.get $b
        v128.load offset=16
        f64x2.add
        v128.store offset=16
        local.get $out
        local.get $a
        v128.load offset=32
        local.get $b
        v128.load offset=32
        f64x2.add
        v128.store offset=32
        local.get $out
        local.get $a
        v128.load offset=48
        local.get $b
        v128.load offset=48
        f64x2.add
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $a
        i32.const 64
        i32.add
        local.set $a
        local.get $b
        i32.const 64
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.add
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $a
        i32.const 16
        i32.add
        local.set $a
        local.get $b
        i32.const 16
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $a
      v128.load
      local.get $b
      v128.load
      f64x2.add
      f64x2.extract_lane 0
      f64.store
    end)
  (func $sub (type 0) (param $out i32) (param $a i32) (param $b i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.sub
        v128.store
        local.get $out
        local.get $a
        v128.load offset=16
        local.get $b
        v128.load offset=16
        f64x2.sub
        v128.store offset=16
        local.get $out
        local.get $a
        v128.load offset=32
        local.get $b
        v128.load offset=32
        f64x2.sub
        v128.store offset=32
        local.get $out
        local.get $a
        v128.load offset=48
        local.get $b
        v128.load offset=48
        f64x2.sub
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $a
        i32.const 64
        i32.add
        local.set $a
        local.get $b
        i32.const 64
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.sub
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $a
        i32.const 16
        i32.add
        local.set $a
        local.get $b
        i32.const 16
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $a
      v128.load
      local.get $b
      v128.load
      f64x2.sub
      f64x2.extract_lane 0
      f64.store
    end)
  (func $mul (type 0) (param $out i32) (param $a i32) (param $b i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.mul
        v128.store
        local.get $out
        local.get $a
        v128.load offset=16
        local.get $b
        v128.load offset=16
        f64x2.mul
        v128.store offset=16
        local.get $out
        local.get $a
        v128.load offset=32
        local.get $b
        v128.load offset=32
        f64x2.mul
        v128.store offset=32
        local.get $out
        local.get $a
        v128.load offset=48
        local.get $b
        v128.load offset=48
        f64x2.mul
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $a
        i32.const 64
        i32.add
        local.set $a
        local.get $b
        i32.const 64
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.mul
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $a
        i32.const 16
        i32.add
        local.set $a
        local.get $b
        i32.const 16
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $a
      v128.load
      local.get $b
      v128.load
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func $div (type 0) (param $out i32) (param $a i32) (param $b i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.div
        v128.store
        local.get $out
        local.get $a
        v128.load offset=16
        local.get $b
        v128.load offset=16
        f64x2.div
        v128.store offset=16
        local.get $out
        local.get $a
        v128.load offset=32
        local.get $b
        v128.load offset=32
        f64x2.div
        v128.store offset=32
        local.get $out
        local.get $a
        v128.load offset=48
        local.get $b
        v128.load offset=48
        f64x2.div
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $a
        i32.const 64
        i32.add
        local.set $a
        local.get $b
        i32.const 64
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $a
        v128.load
        local.get $b
        v128.load
        f64x2.div
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $a
        i32.const 16
        i32.add
        local.set $a
        local.get $b
        i32.const 16
        i32.add
        local.set $b
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $a
      v128.load
      local.get $b
      v128.load
      f64x2.div
      f64x2.extract_lane 0
      f64.store
    end)
  (func $scale (type 1) (param $out i32) (param $x i32) (param $c f64) (param $n i32)
    (local $count i32)
    (local $cSplat v128)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    local.get $c
    f64x2.splat
    local.set $cSplat
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $x
        v128.load
        local.get $cSplat
        f64x2.mul
        v128.store
        local.get $out
        local.get $x
        v128.load offset=16
        local.get $cSplat
        f64x2.mul
        v128.store offset=16
        local.get $out
        local.get $x
        v128.load offset=32
        local.get $cSplat
        f64x2.mul
        v128.store offset=32
        local.get $out
        local.get $x
        v128.load offset=48
        local.get $cSplat
        f64x2.mul
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $x
        i32.const 64
        i32.add
        local.set $x
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $x
        v128.load
        local.get $cSplat
        f64x2.mul
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $x
        i32.const 16
        i32.add
        local.set $x
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $x
      v128.load
      local.get $cSplat
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func $tanhBackward (type 0) (param $out i32) (param $y i32) (param $g i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $g
        v128.load
        local.get $one
        local.get $y
        v128.load
        local.get $y
        v128.load
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store
        local.get $out
        local.get $g
        v128.load offset=16
        local.get $one
        local.get $y
        v128.load offset=16
        local.get $y
        v128.load offset=16
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store offset=16
        local.get $out
        local.get $g
        v128.load offset=32
        local.get $one
        local.get $y
        v128.load offset=32
        local.get $y
        v128.load offset=32
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store offset=32
        local.get $out
        local.get $g
        v128.load offset=48
        local.get $one
        local.get $y
        v128.load offset=48
        local.get $y
        v128.load offset=48
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $y
        i32.const 64
        i32.add
        local.set $y
        local.get $g
        i32.const 64
        i32.add
        local.set $g
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $g
        v128.load
        local.get $one
        local.get $y
        v128.load
        local.get $y
        v128.load
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $y
        i32.const 16
        i32.add
        local.set $y
        local.get $g
        i32.const 16
        i32.add
        local.set $g
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $g
      v128.load
      local.get $one
      local.get $y
      v128.load
      local.get $y
      v128.load
      f64x2.mul
      f64x2.sub
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func $tanhSecond (type 2) (param $out i32) (param $y i32) (param $g i32) (param $h i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $h
        v128.load
        local.get $g
        v128.load
        f64x2.mul
        local.get $y
        v128.load
        f64x2.mul
        local.get $minusTwo
        f64x2.mul
        v128.store
        local.get $out
        local.get $h
        v128.load offset=16
        local.get $g
        v128.load offset=16
        f64x2.mul
        local.get $y
        v128.load offset=16
        f64x2.mul
        local.get $minusTwo
        f64x2.mul
        v128.store offset=16
        local.get $out
        local.get $h
        v128.load offset=32
        local.get $g
        v128.load offset=32
        f64x2.mul
        local.get $y
        v128.load offset=32
        f64x2.mul
        local.get $minusTwo
        f64x2.mul
        v128.store offset=32
        local.get $out
        local.get $h
        v128.load offset=48
        local.get $g
        v128.load offset=48
        f64x2.mul
        local.get $y
        v128.load offset=48
        f64x2.mul
        local.get $minusTwo
        f64x2.mul
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $y
        i32.const 64
        i32.add
        local.set $y
        local.get $g
        i32.const 64
        i32.add
        local.set $g
        local.get $h
        i32.const 64
        i32.add
        local.set $h
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $h
        v128.load
        local.get $g
        v128.load
        f64x2.mul
        local.get $y
        v128.load
        f64x2.mul
        local.get $minusTwo
        f64x2.mul
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $y
        i32.const 16
        i32.add
        local.set $y
        local.get $g
        i32.const 16
        i32.add
        local.set $g
        local.get $h
        i32.const 16
        i32.add
        local.set $h
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $h
      v128.load
      local.get $g
      v128.load
      f64x2.mul
      local.get $y
      v128.load
      f64x2.mul
      local.get $minusTwo
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func $reluBackward (type 0) (param $out i32) (param $y i32) (param $g i32) (param $n i32)
    (local $count i32)
    (local $one v128)
    (local $minusTwo v128)
    (local $zero v128)
    v128.const f64x2 1 1
    local.set $one
    v128.const f64x2 -2 -2
    local.set $minusTwo
    v128.const f64x2 0 0
    local.set $zero
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $g
        v128.load
        local.get $y
        v128.load
        local.get $zero
        f64x2.gt
        v128.and
        v128.store
        local.get $out
        local.get $g
        v128.load offset=16
        local.get $y
        v128.load offset=16
        local.get $zero
        f64x2.gt
        v128.and
        v128.store offset=16
        local.get $out
        local.get $g
        v128.load offset=32
        local.get $y
        v128.load offset=32
        local.get $zero
        f64x2.gt
        v128.and
        v128.store offset=32
        local.get $out
        local.get $g
        v128.load offset=48
        local.get $y
        v128.load offset=48
        local.get $zero
        f64x2.gt
        v128.and
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $y
        i32.const 64
        i32.add
        local.set $y
        local.get $g
        i32.const 64
        i32.add
        local.set $g
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $g
        v128.load
        local.get $y
        v128.load
        local.get $zero
        f64x2.gt
        v128.and
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $y
        i32.const 16
        i32.add
        local.set $y
        local.get $g
        i32.const 16
        i32.add
        local.set $g
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $g
      v128.load
      local.get $y
      v128.load
      local.get $zero
      f64x2.gt
      v128.and
      f64x2.extract_lane 0
      f64.store
    end)
  (func $addBroadcast (type 2) (param $out i32) (param $x i32) (param $row i32) (param $splat i32) (param $n i32)
    (local $r v128)
    (local $count i32)
    local.get $splat
    if  ;; label = @1
      local.get $row
      v128.load64_splat
      local.set $r
    else
      local.get $row
      v128.load
      local.set $r
    end
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $x
        v128.load
        local.get $r
        f64x2.add
        v128.store
        local.get $out
        local.get $x
        v128.load offset=16
        local.get $r
        f64x2.add
        v128.store offset=16
        local.get $out
        local.get $x
        v128.load offset=32
        local.get $r
        f64x2.add
        v128.store offset=32
        local.get $out
        local.get $x
        v128.load offset=48
        local.get $r
        f64x2.add
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $x
        i32.const 64
        i32.add
        local.set $x
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $x
        v128.load
        local.get $r
        f64x2.add
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $x
        i32.const 16
        i32.add
        local.set $x
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $x
      v128.load
      local.get $r
      f64x2.add
      f64x2.extract_lane 0
      f64.store
    end)
  (func $fillBroadcast (type 0) (param $out i32) (param $row i32) (param $splat i32) (param $n i32)
    (local $r v128)
    (local $count i32)
    local.get $splat
    if  ;; label = @1
      local.get $row
      v128.load64_splat
      local.set $r
    else
      local.get $row
      v128.load
      local.set $r
    end
    local.get $n
    i32.const 3
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $r
        v128.store
        local.get $out
        local.get $r
        v128.store offset=16
        local.get $out
        local.get $r
        v128.store offset=32
        local.get $out
        local.get $r
        v128.store offset=48
        local.get $out
        i32.const 64
        i32.add
        local.set $out
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set $count
    block  ;; label = @1
      local.get $count
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $out
        local.get $r
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $count
        i32.const 1
        i32.sub
        local.tee $count
        br_if 0
      end
    end
    local.get $n
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get $out
      local.get $r
      f64x2.extract_lane 0
      f64.store
    end)
  (func $sumRows (type 0) (param $out i32) (param $x i32) (param $rows i32) (param $cols i32)
    (local $rowBytes i32)
    (local $left i32)
    (local $p i32)
    (local $r i32)
    (local $sum0 v128)
    (local $sum1 v128)
    (local $sum2 v128)
    (local $sum3 v128)
    (local $sum4 v128)
    (local $sum5 v128)
    (local $sum6 v128)
    (local $sum7 v128)
    (local $scalarSum f64)
    local.get $cols
    i32.const 8
    i32.mul
    local.set $rowBytes
    local.get $cols
    local.set $left
    block  ;; label = @1
      loop  ;; label = @2
        local.get $left
        i32.const 16
        i32.lt_s
        br_if 1
        v128.const f64x2 0 0
        local.set $sum0
        v128.const f64x2 0 0
        local.set $sum1
        v128.const f64x2 0 0
        local.set $sum2
        v128.const f64x2 0 0
        local.set $sum3
        v128.const f64x2 0 0
        local.set $sum4
        v128.const f64x2 0 0
        local.set $sum5
        v128.const f64x2 0 0
        local.set $sum6
        v128.const f64x2 0 0
        local.set $sum7
        local.get $x
        local.set $p
        local.get $rows
        local.set $r
        block  ;; label = @3
          local.get $r
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $sum0
            local.get $p
            v128.load
            f64x2.add
            local.set $sum0
            local.get $sum1
            local.get $p
            v128.load offset=16
            f64x2.add
            local.set $sum1
            local.get $sum2
            local.get $p
            v128.load offset=32
            f64x2.add
            local.set $sum2
            local.get $sum3
            local.get $p
            v128.load offset=48
            f64x2.add
            local.set $sum3
            local.get $sum4
            local.get $p
            v128.load offset=64
            f64x2.add
            local.set $sum4
            local.get $sum5
            local.get $p
            v128.load offset=80
            f64x2.add
            local.set $sum5
            local.get $sum6
            local.get $p
            v128.load offset=96
            f64x2.add
            local.set $sum6
            local.get $sum7
            local.get $p
            v128.load offset=112
            f64x2.add
            local.set $sum7
            local.get $p
            local.get $rowBytes
            i32.add
            local.set $p
            local.get $r
            i32.const 1
            i32.sub
            local.tee $r
            br_if 0
          end
        end
        local.get $out
        local.get $sum0
        v128.store
        local.get $out
        local.get $sum1
        v128.store offset=16
        local.get $out
        local.get $sum2
        v128.store offset=32
        local.get $out
        local.get $sum3
        v128.store offset=48
        local.get $out
        local.get $sum4
        v128.store offset=64
        local.get $out
        local.get $sum5
        v128.store offset=80
        local.get $out
        local.get $sum6
        v128.store offset=96
        local.get $out
        local.get $sum7
        v128.store offset=112
        local.get $out
        i32.const 128
        i32.add
        local.set $out
        local.get $x
        i32.const 128
        i32.add
        local.set $x
        local.get $left
        i32.const 16
        i32.sub
        local.set $left
        br 0
      end
    end
    local.get $left
    i32.const 8
    i32.ge_s
    if  ;; label = @1
      v128.const f64x2 0 0
      local.set $sum0
      v128.const f64x2 0 0
      local.set $sum1
      v128.const f64x2 0 0
      local.set $sum2
      v128.const f64x2 0 0
      local.set $sum3
      local.get $x
      local.set $p
      local.get $rows
      local.set $r
      block  ;; label = @2
        local.get $r
        i32.eqz
        br_if 0
        loop  ;; label = @3
          local.get $sum0
          local.get $p
          v128.load
          f64x2.add
          local.set $sum0
          local.get $sum1
          local.get $p
          v128.load offset=16
          f64x2.add
          local.set $sum1
          local.get $sum2
          local.get $p
          v128.load offset=32
          f64x2.add
          local.set $sum2
          local.get $sum3
          local.get $p
          v128.load offset=48
          f64x2.add
          local.set $sum3
          local.get $p
          local.get $rowBytes
          i32.add
          local.set $p
          local.get $r
          i32.const 1
          i32.sub
          local.tee $r
          br_if 0
        end
      end
      local.get $out
      local.get $sum0
      v128.store
      local.get $out
      local.get $sum1
      v128.store offset=16
      local.get $out
      local.get $sum2
      v128.store offset=32
      local.get $out
      local.get $sum3
      v128.store offset=48
      local.get $out
      i32.const 64
      i32.add
      local.set $out
      local.get $x
      i32.const 64
      i32.add
      local.set $x
      local.get $left
      i32.const 8
      i32.sub
      local.set $left
    end
    block  ;; label = @1
      loop  ;; label = @2
        local.get $left
        i32.const 2
        i32.lt_s
        br_if 1
        v128.const f64x2 0 0
        local.set $sum0
        local.get $x
        local.set $p
        local.get $rows
        local.set $r
        block  ;; label = @3
          local.get $r
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get $sum0
            local.get $p
            v128.load
            f64x2.add
            local.set $sum0
            local.get $p
            local.get $rowBytes
            i32.add
            local.set $p
            local.get $r
            i32.const 1
            i32.sub
            local.tee $r
            br_if 0
          end
        end
        local.get $out
        local.get $sum0
        v128.store
        local.get $out
        i32.const 16
        i32.add
        local.set $out
        local.get $x
        i32.const 16
        i32.add
        local.set $x
        local.get $left
        i32.const 2
        i32.sub
        local.set $left
        br 0
      end
    end
    local.get $left
    if  ;; label = @1
      f64.const 0
      local.set $scalarSum
      local.get $x
      local.set $p
      local.get $rows
      local.set $r
      block  ;; label = @2
        local.get $r
        i32.eqz
        br_if 0
        loop  ;; label = @3
          local.get $scalarSum
          local.get $p
          f64.load
          f64.add
          local.set $scalarSum
          local.get $p
          local.get $rowBytes
          i32.add
          local.set $p
          local.get $r
          i32.const 1
          i32.sub
          local.tee $r
          br_if 0
        end
      end
      local.get $out
      local.get $scalarSum
      f64.store
      local.get $out
      i32.const 8
      i32.add
      local.set $out
      local.get $x
      i32.const 8
      i32.add
      local.set $x
      local.get $left
      i32.const 1
      i32.sub
      local.set $left
    end)
  (func $addRow (type 2) (param $out i32) (param $x i32) (param $row i32) (param $rows i32) (param $cols i32)
    (local $left i32)
    (local $rp i32)
    block  ;; label = @1
      local.get $rows
      i32.eqz
      br_if 0
      local.get $cols
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $cols
        local.set $left
        local.get $row
        local.set $rp
        block  ;; label = @3
          loop  ;; label = @4
            local.get $left
            i32.const 16
            i32.lt_s
            br_if 1
            local.get $out
            local.get $x
            v128.load
            local.get $rp
            v128.load
            f64x2.add
            v128.store
            local.get $out
            local.get $x
            v128.load offset=16
            local.get $rp
            v128.load offset=16
            f64x2.add
            v128.store offset=16
            local.get $out
            local.get $x
            v128.load offset=32
            local.get $rp
            v128.load offset=32
            f64x2.add
            v128.store offset=32
            local.get $out
            local.get $x
            v128.load offset=48
            local.get $rp
            v128.load offset=48
            f64x2.add
            v128.store offset=48
            local.get $out
            local.get $x
            v128.load offset=64
            local.get $rp
            v128.load offset=64
            f64x2.add
            v128.store offset=64
            local.get $out
            local.get $x
            v128.load offset=80
            local.get $rp
            v128.load offset=80
            f64x2.add
            v128.store offset=80
            local.get $out
            local.get $x
            v128.load offset=96
            local.get $rp
            v128.load offset=96
            f64x2.add
            v128.store offset=96
            local.get $out
            local.get $x
            v128.load offset=112
            local.get $rp
            v128.load offset=112
            f64x2.add
            v128.store offset=112
            local.get $out
            i32.const 128
            i32.add
            local.set $out
            local.get $x
            i32.const 128
            i32.add
            local.set $x
            local.get $rp
            i32.const 128
            i32.add
            local.set $rp
            local.get $left
            i32.const 16
            i32.sub
            local.set $left
            br 0
          end
        end
        local.get $left
        i32.const 8
        i32.ge_s
        if  ;; label = @3
          local.get $out
          local.get $x
          v128.load
          local.get $rp
          v128.load
          f64x2.add
          v128.store
          local.get $out
          local.get $x
          v128.load offset=16
          local.get $rp
          v128.load offset=16
          f64x2.add
          v128.store offset=16
          local.get $out
          local.get $x
          v128.load offset=32
          local.get $rp
          v128.load offset=32
          f64x2.add
          v128.store offset=32
          local.get $out
          local.get $x
          v128.load offset=48
          local.get $rp
          v128.load offset=48
          f64x2.add
          v128.store offset=48
          local.get $out
          i32.const 64
          i32.add
          local.set $out
          local.get $x
          i32.const 64
          i32.add
          local.set $x
          local.get $rp
          i32.const 64
          i32.add
          local.set $rp
          local.get $left
          i32.const 8
          i32.sub
          local.set $left
        end
        block  ;; label = @3
          loop  ;; label = @4
            local.get $left
            i32.const 2
            i32.lt_s
            br_if 1
            local.get $out
            local.get $x
            v128.load
            local.get $rp
            v128.load
            f64x2.add
            v128.store
            local.get $out
            i32.const 16
            i32.add
            local.set $out
            local.get $x
            i32.const 16
            i32.add
            local.set $x
            local.get $rp
            i32.const 16
            i32.add
            local.set $rp
            local.get $left
            i32.const 2
            i32.sub
            local.set $left
            br 0
          end
        end
        local.get $left
        if  ;; label = @3
          local.get $out
          local.get $x
          f64.load
          local.get $rp
          f64.load
          f64.add
          f64.store
          local.get $out
          i32.const 8
          i32.add
          local.set $out
          local.get $x
          i32.const 8
          i32.add
          local.set $x
          local.get $rp
          i32.const 8
          i32.add
          local.set $rp
          local.get $left
          i32.const 1
          i32.sub
          local.set $left
        end
        local.get $rows
        i32.const 1
        i32.sub
        local.tee $rows
        br_if 0
      end
    end)
  (func $expandRow (type 0) (param $out i32) (param $row i32) (param $rows i32) (param $cols i32)
    (local $left i32)
    (local $rp i32)
    block  ;; label = @1
      local.get $rows
      i32.eqz
      br_if 0
      local.get $cols
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get $cols
        local.set $left
        local.get $row
        local.set $rp
        block  ;; label = @3
          loop  ;; label = @4
            local.get $left
            i32.const 16
            i32.lt_s
            br_if 1
            local.get $out
            local.get $rp
            v128.load
            v128.store
            local.get $out
            local.get $rp
            v128.load offset=16
            v128.store offset=16
            local.get $out
            local.get $rp
            v128.load offset=32
            v128.store offset=32
            local.get $out
            local.get $rp
            v128.load offset=48
            v128.store offset=48
            local.get $out
            local.get $rp
            v128.load offset=64
            v128.store offset=64
            local.get $out
            local.get $rp
            v128.load offset=80
            v128.store offset=80
            local.get $out
            local.get $rp
            v128.load offset=96
            v128.store offset=96
            local.get $out
            local.get $rp
            v128.load offset=112
            v128.store offset=112
            local.get $out
            i32.const 128
            i32.add
            local.set $out
            local.get $rp
            i32.const 128
            i32.add
            local.set $rp
            local.get $left
            i32.const 16
            i32.sub
            local.set $left
            br 0
          end
        end
        local.get $left
        i32.const 8
        i32.ge_s
        if  ;; label = @3
          local.get $out
          local.get $rp
          v128.load
          v128.store
          local.get $out
          local.get $rp
          v128.load offset=16
          v128.store offset=16
          local.get $out
          local.get $rp
          v128.load offset=32
          v128.store offset=32
          local.get $out
          local.get $rp
          v128.load offset=48
          v128.store offset=48
          local.get $out
          i32.const 64
          i32.add
          local.set $out
          local.get $rp
          i32.const 64
          i32.add
          local.set $rp
          local.get $left
          i32.const 8
          i32.sub
          local.set $left
        end
        block  ;; label = @3
          loop  ;; label = @4
            local.get $left
            i32.const 2
            i32.lt_s
            br_if 1
            local.get $out
            local.get $rp
            v128.load
            v128.store
            local.get $out
            i32.const 16
            i32.add
            local.set $out
            local.get $rp
            i32.const 16
            i32.add
            local.set $rp
            local.get $left
            i32.const 2
            i32.sub
            local.set $left
            br 0
          end
        end
        local.get $left
        if  ;; label = @3
          local.get $out
          local.get $rp
          f64.load
          f64.store
          local.get $out
          i32.const 8
          i32.add
          local.set $out
          local.get $rp
          i32.const 8
          i32.add
          local.set $rp
          local.get $left
          i32.const 1
          i32.sub
          local.set $left
        end
        local.get $rows
        i32.const 1
        i32.sub
        local.tee $rows
        br_if 0
      end
    end)
  (export "add" (func $add))
  (export "sub" (func $sub))
  (export "mul" (func $mul))
  (export "div" (func $div))
  (export "scale" (func $scale))
  (export "tanhBackward" (func $tanhBackward))
  (export "tanhSecond" (func $tanhSecond))
  (export "reluBackward" (func $reluBackward))
  (export "addBroadcast" (func $addBroadcast))
  (export "fillBroadcast" (func $fillBroadcast))
  (export "sumRows" (func $sumRows))
  (export "addRow" (func $addRow))
  (export "expandRow" (func $expandRow)))
