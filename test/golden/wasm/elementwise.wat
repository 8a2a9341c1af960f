(module
  (type (;0;) (func (param i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 f64 i32)))
  (type (;2;) (func (param i32 i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 5
    v128.const f64x2 -2 -2
    local.set 6
    v128.const f64x2 0 0
    local.set 7
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.add
        v128.store
        local.get 0
        local.get 1
        v128.load offset=16
        local.get 2
        v128.load offset=16
        f64x2.add
        v128.store offset=16
        local.get 0
        local.get 1
        v128.load offset=32
        local.get 2
        v128.load offset=32
        f64x2.add
        v128.store offset=32
        local.get 0
        local.get 1
        v128.load offset=48
        local.get 2
        v128.load offset=48
        f64x2.add
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.add
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 1
      v128.load
      local.get 2
      v128.load
      f64x2.add
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;1;) (type 0) (param i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 5
    v128.const f64x2 -2 -2
    local.set 6
    v128.const f64x2 0 0
    local.set 7
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.sub
        v128.store
        local.get 0
        local.get 1
        v128.load offset=16
        local.get 2
        v128.load offset=16
        f64x2.sub
        v128.store offset=16
        local.get 0
        local.get 1
        v128.load offset=32
        local.get 2
        v128.load offset=32
        f64x2.sub
        v128.store offset=32
        local.get 0
        local.get 1
        v128.load offset=48
        local.get 2
        v128.load offset=48
        f64x2.sub
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.sub
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 1
      v128.load
      local.get 2
      v128.load
      f64x2.sub
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;2;) (type 0) (param i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 5
    v128.const f64x2 -2 -2
    local.set 6
    v128.const f64x2 0 0
    local.set 7
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.mul
        v128.store
        local.get 0
        local.get 1
        v128.load offset=16
        local.get 2
        v128.load offset=16
        f64x2.mul
        v128.store offset=16
        local.get 0
        local.get 1
        v128.load offset=32
        local.get 2
        v128.load offset=32
        f64x2.mul
        v128.store offset=32
        local.get 0
        local.get 1
        v128.load offset=48
        local.get 2
        v128.load offset=48
        f64x2.mul
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.mul
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 1
      v128.load
      local.get 2
      v128.load
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;3;) (type 0) (param i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 5
    v128.const f64x2 -2 -2
    local.set 6
    v128.const f64x2 0 0
    local.set 7
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.div
        v128.store
        local.get 0
        local.get 1
        v128.load offset=16
        local.get 2
        v128.load offset=16
        f64x2.div
        v128.store offset=16
        local.get 0
        local.get 1
        v128.load offset=32
        local.get 2
        v128.load offset=32
        f64x2.div
        v128.store offset=32
        local.get 0
        local.get 1
        v128.load offset=48
        local.get 2
        v128.load offset=48
        f64x2.div
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 2
        v128.load
        f64x2.div
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 1
      v128.load
      local.get 2
      v128.load
      f64x2.div
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;4;) (type 1) (param i32 i32 f64 i32)
    (local i32 v128 v128 v128 v128)
    local.get 2
    f64x2.splat
    local.set 5
    v128.const f64x2 1 1
    local.set 6
    v128.const f64x2 -2 -2
    local.set 7
    v128.const f64x2 0 0
    local.set 8
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 5
        f64x2.mul
        v128.store
        local.get 0
        local.get 1
        v128.load offset=16
        local.get 5
        f64x2.mul
        v128.store offset=16
        local.get 0
        local.get 1
        v128.load offset=32
        local.get 5
        f64x2.mul
        v128.store offset=32
        local.get 0
        local.get 1
        v128.load offset=48
        local.get 5
        f64x2.mul
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 5
        f64x2.mul
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 1
      v128.load
      local.get 5
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;5;) (type 0) (param i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 5
    v128.const f64x2 -2 -2
    local.set 6
    v128.const f64x2 0 0
    local.set 7
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 2
        v128.load
        local.get 5
        local.get 1
        v128.load
        local.get 1
        v128.load
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store
        local.get 0
        local.get 2
        v128.load offset=16
        local.get 5
        local.get 1
        v128.load offset=16
        local.get 1
        v128.load offset=16
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store offset=16
        local.get 0
        local.get 2
        v128.load offset=32
        local.get 5
        local.get 1
        v128.load offset=32
        local.get 1
        v128.load offset=32
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store offset=32
        local.get 0
        local.get 2
        v128.load offset=48
        local.get 5
        local.get 1
        v128.load offset=48
        local.get 1
        v128.load offset=48
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 2
        v128.load
        local.get 5
        local.get 1
        v128.load
        local.get 1
        v128.load
        f64x2.mul
        f64x2.sub
        f64x2.mul
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 2
      v128.load
      local.get 5
      local.get 1
      v128.load
      local.get 1
      v128.load
      f64x2.mul
      f64x2.sub
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;6;) (type 2) (param i32 i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 6
    v128.const f64x2 -2 -2
    local.set 7
    v128.const f64x2 0 0
    local.set 8
    local.get 4
    i32.const 3
    i32.shr_u
    local.set 5
    block  ;; label = @1
      local.get 5
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 3
        v128.load
        local.get 2
        v128.load
        f64x2.mul
        local.get 1
        v128.load
        f64x2.mul
        local.get 7
        f64x2.mul
        v128.store
        local.get 0
        local.get 3
        v128.load offset=16
        local.get 2
        v128.load offset=16
        f64x2.mul
        local.get 1
        v128.load offset=16
        f64x2.mul
        local.get 7
        f64x2.mul
        v128.store offset=16
        local.get 0
        local.get 3
        v128.load offset=32
        local.get 2
        v128.load offset=32
        f64x2.mul
        local.get 1
        v128.load offset=32
        f64x2.mul
        local.get 7
        f64x2.mul
        v128.store offset=32
        local.get 0
        local.get 3
        v128.load offset=48
        local.get 2
        v128.load offset=48
        f64x2.mul
        local.get 1
        v128.load offset=48
        f64x2.mul
        local.get 7
        f64x2.mul
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 3
        i32.const 64
        i32.add
        local.set 3
        local.get 5
        i32.const 1
        i32.sub
        local.tee 5
        br_if 0
      end
    end
    local.get 4
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 5
    block  ;; label = @1
      local.get 5
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 3
        v128.load
        local.get 2
        v128.load
        f64x2.mul
        local.get 1
        v128.load
        f64x2.mul
        local.get 7
        f64x2.mul
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 3
        i32.const 16
        i32.add
        local.set 3
        local.get 5
        i32.const 1
        i32.sub
        local.tee 5
        br_if 0
      end
    end
    local.get 4
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 3
      v128.load
      local.get 2
      v128.load
      f64x2.mul
      local.get 1
      v128.load
      f64x2.mul
      local.get 7
      f64x2.mul
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;7;) (type 0) (param i32 i32 i32 i32)
    (local i32 v128 v128 v128)
    v128.const f64x2 1 1
    local.set 5
    v128.const f64x2 -2 -2
    local.set 6
    v128.const f64x2 0 0
    local.set 7
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 2
        v128.load
        local.get 1
        v128.load
        local.get 7
        f64x2.gt
        v128.and
        v128.store
        local.get 0
        local.get 2
        v128.load offset=16
        local.get 1
        v128.load offset=16
        local.get 7
        f64x2.gt
        v128.and
        v128.store offset=16
        local.get 0
        local.get 2
        v128.load offset=32
        local.get 1
        v128.load offset=32
        local.get 7
        f64x2.gt
        v128.and
        v128.store offset=32
        local.get 0
        local.get 2
        v128.load offset=48
        local.get 1
        v128.load offset=48
        local.get 7
        f64x2.gt
        v128.and
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 2
        i32.const 64
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 4
    block  ;; label = @1
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 2
        v128.load
        local.get 1
        v128.load
        local.get 7
        f64x2.gt
        v128.and
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 2
      v128.load
      local.get 1
      v128.load
      local.get 7
      f64x2.gt
      v128.and
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;8;) (type 2) (param i32 i32 i32 i32 i32)
    (local v128 i32)
    local.get 3
    if  ;; label = @1
      local.get 2
      v128.load64_splat
      local.set 5
    else
      local.get 2
      v128.load
      local.set 5
    end
    local.get 4
    i32.const 3
    i32.shr_u
    local.set 6
    block  ;; label = @1
      local.get 6
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 5
        f64x2.add
        v128.store
        local.get 0
        local.get 1
        v128.load offset=16
        local.get 5
        f64x2.add
        v128.store offset=16
        local.get 0
        local.get 1
        v128.load offset=32
        local.get 5
        f64x2.add
        v128.store offset=32
        local.get 0
        local.get 1
        v128.load offset=48
        local.get 5
        f64x2.add
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 64
        i32.add
        local.set 1
        local.get 6
        i32.const 1
        i32.sub
        local.tee 6
        br_if 0
      end
    end
    local.get 4
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 6
    block  ;; label = @1
      local.get 6
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 1
        v128.load
        local.get 5
        f64x2.add
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 6
        i32.const 1
        i32.sub
        local.tee 6
        br_if 0
      end
    end
    local.get 4
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 1
      v128.load
      local.get 5
      f64x2.add
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;9;) (type 0) (param i32 i32 i32 i32)
    (local v128 i32)
    local.get 2
    if  ;; label = @1
      local.get 1
      v128.load64_splat
      local.set 4
    else
      local.get 1
      v128.load
      local.set 4
    end
    local.get 3
    i32.const 3
    i32.shr_u
    local.set 5
    block  ;; label = @1
      local.get 5
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 4
        v128.store
        local.get 0
        local.get 4
        v128.store offset=16
        local.get 0
        local.get 4
        v128.store offset=32
        local.get 0
        local.get 4
        v128.store offset=48
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 5
        i32.const 1
        i32.sub
        local.tee 5
        br_if 0
      end
    end
    local.get 3
    i32.const 7
    i32.and
    i32.const 1
    i32.shr_u
    local.set 5
    block  ;; label = @1
      local.get 5
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        local.get 4
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 5
        i32.const 1
        i32.sub
        local.tee 5
        br_if 0
      end
    end
    local.get 3
    i32.const 1
    i32.and
    if  ;; label = @1
      local.get 0
      local.get 4
      f64x2.extract_lane 0
      f64.store
    end)
  (func (;10;) (type 0) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 f64)
    local.get 3
    i32.const 8
    i32.mul
    local.set 4
    local.get 3
    local.set 5
    block  ;; label = @1
      loop  ;; label = @2
        local.get 5
        i32.const 16
        i32.lt_s
        br_if 1
        v128.const f64x2 0 0
        local.set 8
        v128.const f64x2 0 0
        local.set 9
        v128.const f64x2 0 0
        local.set 10
        v128.const f64x2 0 0
        local.set 11
        v128.const f64x2 0 0
        local.set 12
        v128.const f64x2 0 0
        local.set 13
        v128.const f64x2 0 0
        local.set 14
        v128.const f64x2 0 0
        local.set 15
        local.get 1
        local.set 6
        local.get 2
        local.set 7
        block  ;; label = @3
          local.get 7
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 8
            local.get 6
            v128.load
            f64x2.add
            local.set 8
            local.get 9
            local.get 6
            v128.load offset=16
            f64x2.add
            local.set 9
            local.get 10
            local.get 6
            v128.load offset=32
            f64x2.add
            local.set 10
            local.get 11
            local.get 6
            v128.load offset=48
            f64x2.add
            local.set 11
            local.get 12
            local.get 6
            v128.load offset=64
            f64x2.add
            local.set 12
            local.get 13
            local.get 6
            v128.load offset=80
            f64x2.add
            local.set 13
            local.get 14
            local.get 6
            v128.load offset=96
            f64x2.add
            local.set 14
            local.get 15
            local.get 6
            v128.load offset=112
            f64x2.add
            local.set 15
            local.get 6
            local.get 4
            i32.add
            local.set 6
            local.get 7
            i32.const 1
            i32.sub
            local.tee 7
            br_if 0
          end
        end
        local.get 0
        local.get 8
        v128.store
        local.get 0
        local.get 9
        v128.store offset=16
        local.get 0
        local.get 10
        v128.store offset=32
        local.get 0
        local.get 11
        v128.store offset=48
        local.get 0
        local.get 12
        v128.store offset=64
        local.get 0
        local.get 13
        v128.store offset=80
        local.get 0
        local.get 14
        v128.store offset=96
        local.get 0
        local.get 15
        v128.store offset=112
        local.get 0
        i32.const 128
        i32.add
        local.set 0
        local.get 1
        i32.const 128
        i32.add
        local.set 1
        local.get 5
        i32.const 16
        i32.sub
        local.set 5
        br 0
      end
    end
    local.get 5
    i32.const 8
    i32.ge_s
    if  ;; label = @1
      v128.const f64x2 0 0
      local.set 8
      v128.const f64x2 0 0
      local.set 9
      v128.const f64x2 0 0
      local.set 10
      v128.const f64x2 0 0
      local.set 11
      local.get 1
      local.set 6
      local.get 2
      local.set 7
      block  ;; label = @2
        local.get 7
        i32.eqz
        br_if 0
        loop  ;; label = @3
          local.get 8
          local.get 6
          v128.load
          f64x2.add
          local.set 8
          local.get 9
          local.get 6
          v128.load offset=16
          f64x2.add
          local.set 9
          local.get 10
          local.get 6
          v128.load offset=32
          f64x2.add
          local.set 10
          local.get 11
          local.get 6
          v128.load offset=48
          f64x2.add
          local.set 11
          local.get 6
          local.get 4
          i32.add
          local.set 6
          local.get 7
          i32.const 1
          i32.sub
          local.tee 7
          br_if 0
        end
      end
      local.get 0
      local.get 8
      v128.store
      local.get 0
      local.get 9
      v128.store offset=16
      local.get 0
      local.get 10
      v128.store offset=32
      local.get 0
      local.get 11
      v128.store offset=48
      local.get 0
      i32.const 64
      i32.add
      local.set 0
      local.get 1
      i32.const 64
      i32.add
      local.set 1
      local.get 5
      i32.const 8
      i32.sub
      local.set 5
    end
    block  ;; label = @1
      loop  ;; label = @2
        local.get 5
        i32.const 2
        i32.lt_s
        br_if 1
        v128.const f64x2 0 0
        local.set 8
        local.get 1
        local.set 6
        local.get 2
        local.set 7
        block  ;; label = @3
          local.get 7
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 8
            local.get 6
            v128.load
            f64x2.add
            local.set 8
            local.get 6
            local.get 4
            i32.add
            local.set 6
            local.get 7
            i32.const 1
            i32.sub
            local.tee 7
            br_if 0
          end
        end
        local.get 0
        local.get 8
        v128.store
        local.get 0
        i32.const 16
        i32.add
        local.set 0
        local.get 1
        i32.const 16
        i32.add
        local.set 1
        local.get 5
        i32.const 2
        i32.sub
        local.set 5
        br 0
      end
    end
    local.get 5
    if  ;; label = @1
      f64.const 0
      local.set 16
      local.get 1
      local.set 6
      local.get 2
      local.set 7
      block  ;; label = @2
        local.get 7
        i32.eqz
        br_if 0
        loop  ;; label = @3
          local.get 16
          local.get 6
          f64.load
          f64.add
          local.set 16
          local.get 6
          local.get 4
          i32.add
          local.set 6
          local.get 7
          i32.const 1
          i32.sub
          local.tee 7
          br_if 0
        end
      end
      local.get 0
      local.get 16
      f64.store
      local.get 0
      i32.const 8
      i32.add
      local.set 0
      local.get 1
      i32.const 8
      i32.add
      local.set 1
      local.get 5
      i32.const 1
      i32.sub
      local.set 5
    end)
  (func (;11;) (type 2) (param i32 i32 i32 i32 i32)
    (local i32 i32)
    block  ;; label = @1
      local.get 3
      i32.eqz
      br_if 0
      local.get 4
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 4
        local.set 5
        local.get 2
        local.set 6
        block  ;; label = @3
          loop  ;; label = @4
            local.get 5
            i32.const 16
            i32.lt_s
            br_if 1
            local.get 0
            local.get 1
            v128.load
            local.get 6
            v128.load
            f64x2.add
            v128.store
            local.get 0
            local.get 1
            v128.load offset=16
            local.get 6
            v128.load offset=16
            f64x2.add
            v128.store offset=16
            local.get 0
            local.get 1
            v128.load offset=32
            local.get 6
            v128.load offset=32
            f64x2.add
            v128.store offset=32
            local.get 0
            local.get 1
            v128.load offset=48
            local.get 6
            v128.load offset=48
            f64x2.add
            v128.store offset=48
            local.get 0
            local.get 1
            v128.load offset=64
            local.get 6
            v128.load offset=64
            f64x2.add
            v128.store offset=64
            local.get 0
            local.get 1
            v128.load offset=80
            local.get 6
            v128.load offset=80
            f64x2.add
            v128.store offset=80
            local.get 0
            local.get 1
            v128.load offset=96
            local.get 6
            v128.load offset=96
            f64x2.add
            v128.store offset=96
            local.get 0
            local.get 1
            v128.load offset=112
            local.get 6
            v128.load offset=112
            f64x2.add
            v128.store offset=112
            local.get 0
            i32.const 128
            i32.add
            local.set 0
            local.get 1
            i32.const 128
            i32.add
            local.set 1
            local.get 6
            i32.const 128
            i32.add
            local.set 6
            local.get 5
            i32.const 16
            i32.sub
            local.set 5
            br 0
          end
        end
        local.get 5
        i32.const 8
        i32.ge_s
        if  ;; label = @3
          local.get 0
          local.get 1
          v128.load
          local.get 6
          v128.load
          f64x2.add
          v128.store
          local.get 0
          local.get 1
          v128.load offset=16
          local.get 6
          v128.load offset=16
          f64x2.add
          v128.store offset=16
          local.get 0
          local.get 1
          v128.load offset=32
          local.get 6
          v128.load offset=32
          f64x2.add
          v128.store offset=32
          local.get 0
          local.get 1
          v128.load offset=48
          local.get 6
          v128.load offset=48
          f64x2.add
          v128.store offset=48
          local.get 0
          i32.const 64
          i32.add
          local.set 0
          local.get 1
          i32.const 64
          i32.add
          local.set 1
          local.get 6
          i32.const 64
          i32.add
          local.set 6
          local.get 5
          i32.const 8
          i32.sub
          local.set 5
        end
        block  ;; label = @3
          loop  ;; label = @4
            local.get 5
            i32.const 2
            i32.lt_s
            br_if 1
            local.get 0
            local.get 1
            v128.load
            local.get 6
            v128.load
            f64x2.add
            v128.store
            local.get 0
            i32.const 16
            i32.add
            local.set 0
            local.get 1
            i32.const 16
            i32.add
            local.set 1
            local.get 6
            i32.const 16
            i32.add
            local.set 6
            local.get 5
            i32.const 2
            i32.sub
            local.set 5
            br 0
          end
        end
        local.get 5
        if  ;; label = @3
          local.get 0
          local.get 1
          f64.load
          local.get 6
          f64.load
          f64.add
          f64.store
          local.get 0
          i32.const 8
          i32.add
          local.set 0
          local.get 1
          i32.const 8
          i32.add
          local.set 1
          local.get 6
          i32.const 8
          i32.add
          local.set 6
          local.get 5
          i32.const 1
          i32.sub
          local.set 5
        end
        local.get 3
        i32.const 1
        i32.sub
        local.tee 3
        br_if 0
      end
    end)
  (func (;12;) (type 0) (param i32 i32 i32 i32)
    (local i32 i32)
    block  ;; label = @1
      local.get 2
      i32.eqz
      br_if 0
      local.get 3
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 3
        local.set 4
        local.get 1
        local.set 5
        block  ;; label = @3
          loop  ;; label = @4
            local.get 4
            i32.const 16
            i32.lt_s
            br_if 1
            local.get 0
            local.get 5
            v128.load
            v128.store
            local.get 0
            local.get 5
            v128.load offset=16
            v128.store offset=16
            local.get 0
            local.get 5
            v128.load offset=32
            v128.store offset=32
            local.get 0
            local.get 5
            v128.load offset=48
            v128.store offset=48
            local.get 0
            local.get 5
            v128.load offset=64
            v128.store offset=64
            local.get 0
            local.get 5
            v128.load offset=80
            v128.store offset=80
            local.get 0
            local.get 5
            v128.load offset=96
            v128.store offset=96
            local.get 0
            local.get 5
            v128.load offset=112
            v128.store offset=112
            local.get 0
            i32.const 128
            i32.add
            local.set 0
            local.get 5
            i32.const 128
            i32.add
            local.set 5
            local.get 4
            i32.const 16
            i32.sub
            local.set 4
            br 0
          end
        end
        local.get 4
        i32.const 8
        i32.ge_s
        if  ;; label = @3
          local.get 0
          local.get 5
          v128.load
          v128.store
          local.get 0
          local.get 5
          v128.load offset=16
          v128.store offset=16
          local.get 0
          local.get 5
          v128.load offset=32
          v128.store offset=32
          local.get 0
          local.get 5
          v128.load offset=48
          v128.store offset=48
          local.get 0
          i32.const 64
          i32.add
          local.set 0
          local.get 5
          i32.const 64
          i32.add
          local.set 5
          local.get 4
          i32.const 8
          i32.sub
          local.set 4
        end
        block  ;; label = @3
          loop  ;; label = @4
            local.get 4
            i32.const 2
            i32.lt_s
            br_if 1
            local.get 0
            local.get 5
            v128.load
            v128.store
            local.get 0
            i32.const 16
            i32.add
            local.set 0
            local.get 5
            i32.const 16
            i32.add
            local.set 5
            local.get 4
            i32.const 2
            i32.sub
            local.set 4
            br 0
          end
        end
        local.get 4
        if  ;; label = @3
          local.get 0
          local.get 5
          f64.load
          f64.store
          local.get 0
          i32.const 8
          i32.add
          local.set 0
          local.get 5
          i32.const 8
          i32.add
          local.set 5
          local.get 4
          i32.const 1
          i32.sub
          local.set 4
        end
        local.get 2
        i32.const 1
        i32.sub
        local.tee 2
        br_if 0
      end
    end)
  (export "add" (func 0))
  (export "sub" (func 1))
  (export "mul" (func 2))
  (export "div" (func 3))
  (export "scale" (func 4))
  (export "tanhBackward" (func 5))
  (export "tanhSecond" (func 6))
  (export "reluBackward" (func 7))
  (export "addBroadcast" (func 8))
  (export "fillBroadcast" (func 9))
  (export "sumRows" (func 10))
  (export "addRow" (func 11))
  (export "expandRow" (func 12)))
