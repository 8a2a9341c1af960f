(module
  (type (;0;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;1;) (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (type (;2;) (func (param i32 i32 i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 i32 i32)
    local.get 0
    local.set 25
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 25
        local.set 0
        local.get 1
        local.set 26
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 7
        i32.const 2
        i32.mul
        local.set 12
        local.get 7
        i32.const 3
        i32.mul
        local.set 13
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          v128.load align=8
          local.set 14
          local.get 2
          v128.load offset=16 align=8
          local.set 15
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.set 16
          local.get 2
          local.get 11
          i32.add
          v128.load offset=16 align=8
          local.set 17
          local.get 2
          local.get 12
          i32.add
          v128.load align=8
          local.set 18
          local.get 2
          local.get 12
          i32.add
          v128.load offset=16 align=8
          local.set 19
          local.get 2
          local.get 13
          i32.add
          v128.load align=8
          local.set 20
          local.get 2
          local.get 13
          i32.add
          v128.load offset=16 align=8
          local.set 21
        else
          v128.const f64x2 0 0
          local.set 14
          v128.const f64x2 0 0
          local.set 15
          v128.const f64x2 0 0
          local.set 16
          v128.const f64x2 0 0
          local.set 17
          v128.const f64x2 0 0
          local.set 18
          v128.const f64x2 0 0
          local.set 19
          v128.const f64x2 0 0
          local.set 20
          v128.const f64x2 0 0
          local.set 21
        end
        local.get 4
        i32.const 1
        i32.mul
        local.set 11
        local.get 4
        i32.const 2
        i32.mul
        local.set 12
        local.get 4
        i32.const 3
        i32.mul
        local.set 13
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            v128.load align=8
            local.set 22
            local.get 1
            v128.load offset=16 align=8
            local.set 23
            local.get 0
            v128.load64_splat
            local.set 24
            local.get 14
            local.get 24
            local.get 22
            f64x2.mul
            f64x2.add
            local.set 14
            local.get 15
            local.get 24
            local.get 23
            f64x2.mul
            f64x2.add
            local.set 15
            local.get 0
            local.get 11
            i32.add
            v128.load64_splat
            local.set 24
            local.get 16
            local.get 24
            local.get 22
            f64x2.mul
            f64x2.add
            local.set 16
            local.get 17
            local.get 24
            local.get 23
            f64x2.mul
            f64x2.add
            local.set 17
            local.get 0
            local.get 12
            i32.add
            v128.load64_splat
            local.set 24
            local.get 18
            local.get 24
            local.get 22
            f64x2.mul
            f64x2.add
            local.set 18
            local.get 19
            local.get 24
            local.get 23
            f64x2.mul
            f64x2.add
            local.set 19
            local.get 0
            local.get 13
            i32.add
            v128.load64_splat
            local.set 24
            local.get 20
            local.get 24
            local.get 22
            f64x2.mul
            f64x2.add
            local.set 20
            local.get 21
            local.get 24
            local.get 23
            f64x2.mul
            f64x2.add
            local.set 21
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 7
        i32.const 2
        i32.mul
        local.set 12
        local.get 7
        i32.const 3
        i32.mul
        local.set 13
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          v128.load align=8
          local.get 14
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 2
          v128.load offset=16 align=8
          local.get 15
          f64x2.add
          v128.store offset=16 align=8
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.get 16
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          v128.load offset=16 align=8
          local.get 17
          f64x2.add
          v128.store offset=16 align=8
          local.get 2
          local.get 12
          i32.add
          local.get 2
          local.get 12
          i32.add
          v128.load align=8
          local.get 18
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 12
          i32.add
          local.get 2
          local.get 12
          i32.add
          v128.load offset=16 align=8
          local.get 19
          f64x2.add
          v128.store offset=16 align=8
          local.get 2
          local.get 13
          i32.add
          local.get 2
          local.get 13
          i32.add
          v128.load align=8
          local.get 20
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 13
          i32.add
          local.get 2
          local.get 13
          i32.add
          v128.load offset=16 align=8
          local.get 21
          f64x2.add
          v128.store offset=16 align=8
        else
          local.get 2
          local.get 14
          v128.store align=8
          local.get 2
          local.get 15
          v128.store offset=16 align=8
          local.get 2
          local.get 11
          i32.add
          local.get 16
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 17
          v128.store offset=16 align=8
          local.get 2
          local.get 12
          i32.add
          local.get 18
          v128.store align=8
          local.get 2
          local.get 12
          i32.add
          local.get 19
          v128.store offset=16 align=8
          local.get 2
          local.get 13
          i32.add
          local.get 20
          v128.store align=8
          local.get 2
          local.get 13
          i32.add
          local.get 21
          v128.store offset=16 align=8
        end
        local.get 26
        i32.const 32
        i32.add
        local.set 1
        local.get 2
        i32.const 32
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;1;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 v128 v128 v128 v128 v128 v128 i32 i32)
    local.get 0
    local.set 20
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 20
        local.set 0
        local.get 1
        local.set 21
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 7
        i32.const 2
        i32.mul
        local.set 12
        local.get 7
        i32.const 3
        i32.mul
        local.set 13
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          v128.load align=8
          local.set 14
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.set 15
          local.get 2
          local.get 12
          i32.add
          v128.load align=8
          local.set 16
          local.get 2
          local.get 13
          i32.add
          v128.load align=8
          local.set 17
        else
          v128.const f64x2 0 0
          local.set 14
          v128.const f64x2 0 0
          local.set 15
          v128.const f64x2 0 0
          local.set 16
          v128.const f64x2 0 0
          local.set 17
        end
        local.get 4
        i32.const 1
        i32.mul
        local.set 11
        local.get 4
        i32.const 2
        i32.mul
        local.set 12
        local.get 4
        i32.const 3
        i32.mul
        local.set 13
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            v128.load align=8
            local.set 18
            local.get 0
            v128.load64_splat
            local.set 19
            local.get 14
            local.get 19
            local.get 18
            f64x2.mul
            f64x2.add
            local.set 14
            local.get 0
            local.get 11
            i32.add
            v128.load64_splat
            local.set 19
            local.get 15
            local.get 19
            local.get 18
            f64x2.mul
            f64x2.add
            local.set 15
            local.get 0
            local.get 12
            i32.add
            v128.load64_splat
            local.set 19
            local.get 16
            local.get 19
            local.get 18
            f64x2.mul
            f64x2.add
            local.set 16
            local.get 0
            local.get 13
            i32.add
            v128.load64_splat
            local.set 19
            local.get 17
            local.get 19
            local.get 18
            f64x2.mul
            f64x2.add
            local.set 17
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 7
        i32.const 2
        i32.mul
        local.set 12
        local.get 7
        i32.const 3
        i32.mul
        local.set 13
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          v128.load align=8
          local.get 14
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.get 15
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 12
          i32.add
          local.get 2
          local.get 12
          i32.add
          v128.load align=8
          local.get 16
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 13
          i32.add
          local.get 2
          local.get 13
          i32.add
          v128.load align=8
          local.get 17
          f64x2.add
          v128.store align=8
        else
          local.get 2
          local.get 14
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 15
          v128.store align=8
          local.get 2
          local.get 12
          i32.add
          local.get 16
          v128.store align=8
          local.get 2
          local.get 13
          i32.add
          local.get 17
          v128.store align=8
        end
        local.get 21
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;2;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 f64 f64 f64 f64 f64 f64 i32 i32)
    local.get 0
    local.set 20
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 20
        local.set 0
        local.get 1
        local.set 21
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 7
        i32.const 2
        i32.mul
        local.set 12
        local.get 7
        i32.const 3
        i32.mul
        local.set 13
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          f64.load
          local.set 14
          local.get 2
          local.get 11
          i32.add
          f64.load
          local.set 15
          local.get 2
          local.get 12
          i32.add
          f64.load
          local.set 16
          local.get 2
          local.get 13
          i32.add
          f64.load
          local.set 17
        else
          f64.const 0
          local.set 14
          f64.const 0
          local.set 15
          f64.const 0
          local.set 16
          f64.const 0
          local.set 17
        end
        local.get 4
        i32.const 1
        i32.mul
        local.set 11
        local.get 4
        i32.const 2
        i32.mul
        local.set 12
        local.get 4
        i32.const 3
        i32.mul
        local.set 13
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            f64.load
            local.set 18
            local.get 0
            f64.load
            local.set 19
            local.get 14
            local.get 19
            local.get 18
            f64.mul
            f64.add
            local.set 14
            local.get 0
            local.get 11
            i32.add
            f64.load
            local.set 19
            local.get 15
            local.get 19
            local.get 18
            f64.mul
            f64.add
            local.set 15
            local.get 0
            local.get 12
            i32.add
            f64.load
            local.set 19
            local.get 16
            local.get 19
            local.get 18
            f64.mul
            f64.add
            local.set 16
            local.get 0
            local.get 13
            i32.add
            f64.load
            local.set 19
            local.get 17
            local.get 19
            local.get 18
            f64.mul
            f64.add
            local.set 17
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 7
        i32.const 2
        i32.mul
        local.set 12
        local.get 7
        i32.const 3
        i32.mul
        local.set 13
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          f64.load
          local.get 14
          f64.add
          f64.store
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          f64.load
          local.get 15
          f64.add
          f64.store
          local.get 2
          local.get 12
          i32.add
          local.get 2
          local.get 12
          i32.add
          f64.load
          local.get 16
          f64.add
          f64.store
          local.get 2
          local.get 13
          i32.add
          local.get 2
          local.get 13
          i32.add
          f64.load
          local.get 17
          f64.add
          f64.store
        else
          local.get 2
          local.get 14
          f64.store
          local.get 2
          local.get 11
          i32.add
          local.get 15
          f64.store
          local.get 2
          local.get 12
          i32.add
          local.get 16
          f64.store
          local.get 2
          local.get 13
          i32.add
          local.get 17
          f64.store
        end
        local.get 21
        i32.const 8
        i32.add
        local.set 1
        local.get 2
        i32.const 8
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;3;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 v128 v128 v128 v128 v128 v128 v128 i32 i32)
    local.get 0
    local.set 19
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 19
        local.set 0
        local.get 1
        local.set 20
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          v128.load align=8
          local.set 12
          local.get 2
          v128.load offset=16 align=8
          local.set 13
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.set 14
          local.get 2
          local.get 11
          i32.add
          v128.load offset=16 align=8
          local.set 15
        else
          v128.const f64x2 0 0
          local.set 12
          v128.const f64x2 0 0
          local.set 13
          v128.const f64x2 0 0
          local.set 14
          v128.const f64x2 0 0
          local.set 15
        end
        local.get 4
        i32.const 1
        i32.mul
        local.set 11
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            v128.load align=8
            local.set 16
            local.get 1
            v128.load offset=16 align=8
            local.set 17
            local.get 0
            v128.load64_splat
            local.set 18
            local.get 12
            local.get 18
            local.get 16
            f64x2.mul
            f64x2.add
            local.set 12
            local.get 13
            local.get 18
            local.get 17
            f64x2.mul
            f64x2.add
            local.set 13
            local.get 0
            local.get 11
            i32.add
            v128.load64_splat
            local.set 18
            local.get 14
            local.get 18
            local.get 16
            f64x2.mul
            f64x2.add
            local.set 14
            local.get 15
            local.get 18
            local.get 17
            f64x2.mul
            f64x2.add
            local.set 15
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          v128.load align=8
          local.get 12
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 2
          v128.load offset=16 align=8
          local.get 13
          f64x2.add
          v128.store offset=16 align=8
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.get 14
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          v128.load offset=16 align=8
          local.get 15
          f64x2.add
          v128.store offset=16 align=8
        else
          local.get 2
          local.get 12
          v128.store align=8
          local.get 2
          local.get 13
          v128.store offset=16 align=8
          local.get 2
          local.get 11
          i32.add
          local.get 14
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 15
          v128.store offset=16 align=8
        end
        local.get 20
        i32.const 32
        i32.add
        local.set 1
        local.get 2
        i32.const 32
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;4;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 v128 v128 v128 v128 i32 i32)
    local.get 0
    local.set 16
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 16
        local.set 0
        local.get 1
        local.set 17
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          v128.load align=8
          local.set 12
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.set 13
        else
          v128.const f64x2 0 0
          local.set 12
          v128.const f64x2 0 0
          local.set 13
        end
        local.get 4
        i32.const 1
        i32.mul
        local.set 11
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            v128.load align=8
            local.set 14
            local.get 0
            v128.load64_splat
            local.set 15
            local.get 12
            local.get 15
            local.get 14
            f64x2.mul
            f64x2.add
            local.set 12
            local.get 0
            local.get 11
            i32.add
            v128.load64_splat
            local.set 15
            local.get 13
            local.get 15
            local.get 14
            f64x2.mul
            f64x2.add
            local.set 13
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          v128.load align=8
          local.get 12
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          v128.load align=8
          local.get 13
          f64x2.add
          v128.store align=8
        else
          local.get 2
          local.get 12
          v128.store align=8
          local.get 2
          local.get 11
          i32.add
          local.get 13
          v128.store align=8
        end
        local.get 17
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;5;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 f64 f64 f64 f64 i32 i32)
    local.get 0
    local.set 16
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 16
        local.set 0
        local.get 1
        local.set 17
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          f64.load
          local.set 12
          local.get 2
          local.get 11
          i32.add
          f64.load
          local.set 13
        else
          f64.const 0
          local.set 12
          f64.const 0
          local.set 13
        end
        local.get 4
        i32.const 1
        i32.mul
        local.set 11
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            f64.load
            local.set 14
            local.get 0
            f64.load
            local.set 15
            local.get 12
            local.get 15
            local.get 14
            f64.mul
            f64.add
            local.set 12
            local.get 0
            local.get 11
            i32.add
            f64.load
            local.set 15
            local.get 13
            local.get 15
            local.get 14
            f64.mul
            f64.add
            local.set 13
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 7
        i32.const 1
        i32.mul
        local.set 11
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          f64.load
          local.get 12
          f64.add
          f64.store
          local.get 2
          local.get 11
          i32.add
          local.get 2
          local.get 11
          i32.add
          f64.load
          local.get 13
          f64.add
          f64.store
        else
          local.get 2
          local.get 12
          f64.store
          local.get 2
          local.get 11
          i32.add
          local.get 13
          f64.store
        end
        local.get 17
        i32.const 8
        i32.add
        local.set 1
        local.get 2
        i32.const 8
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;6;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 v128 v128 v128 v128 v128 i32 i32)
    local.get 0
    local.set 16
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 16
        local.set 0
        local.get 1
        local.set 17
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          v128.load align=8
          local.set 11
          local.get 2
          v128.load offset=16 align=8
          local.set 12
        else
          v128.const f64x2 0 0
          local.set 11
          v128.const f64x2 0 0
          local.set 12
        end
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            v128.load align=8
            local.set 13
            local.get 1
            v128.load offset=16 align=8
            local.set 14
            local.get 0
            v128.load64_splat
            local.set 15
            local.get 11
            local.get 15
            local.get 13
            f64x2.mul
            f64x2.add
            local.set 11
            local.get 12
            local.get 15
            local.get 14
            f64x2.mul
            f64x2.add
            local.set 12
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          v128.load align=8
          local.get 11
          f64x2.add
          v128.store align=8
          local.get 2
          local.get 2
          v128.load offset=16 align=8
          local.get 12
          f64x2.add
          v128.store offset=16 align=8
        else
          local.get 2
          local.get 11
          v128.store align=8
          local.get 2
          local.get 12
          v128.store offset=16 align=8
        end
        local.get 17
        i32.const 32
        i32.add
        local.set 1
        local.get 2
        i32.const 32
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;7;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 v128 v128 v128 i32 i32)
    local.get 0
    local.set 14
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 14
        local.set 0
        local.get 1
        local.set 15
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          v128.load align=8
          local.set 11
        else
          v128.const f64x2 0 0
          local.set 11
        end
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            v128.load align=8
            local.set 12
            local.get 0
            v128.load64_splat
            local.set 13
            local.get 11
            local.get 13
            local.get 12
            f64x2.mul
            f64x2.add
            local.set 11
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          v128.load align=8
          local.get 11
          f64x2.add
          v128.store align=8
        else
          local.get 2
          local.get 11
          v128.store align=8
        end
        local.get 15
        i32.const 16
        i32.add
        local.set 1
        local.get 2
        i32.const 16
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;8;) (type 0) (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 f64 f64 f64 i32 i32)
    local.get 0
    local.set 14
    block  ;; label = @1
      local.get 9
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 14
        local.set 0
        local.get 1
        local.set 15
        local.get 8
        i32.const 2
        i32.eq
        if  ;; label = @3
          local.get 2
          f64.load
          local.set 11
        else
          f64.const 0
          local.set 11
        end
        local.get 3
        local.set 10
        block  ;; label = @3
          local.get 10
          i32.eqz
          br_if 0
          loop  ;; label = @4
            local.get 1
            f64.load
            local.set 12
            local.get 0
            f64.load
            local.set 13
            local.get 11
            local.get 13
            local.get 12
            f64.mul
            f64.add
            local.set 11
            local.get 0
            local.get 5
            i32.add
            local.set 0
            local.get 1
            local.get 6
            i32.add
            local.set 1
            local.get 10
            i32.const 1
            i32.sub
            local.tee 10
            br_if 0
          end
        end
        local.get 8
        i32.const 1
        i32.eq
        if  ;; label = @3
          local.get 2
          local.get 2
          f64.load
          local.get 11
          f64.add
          f64.store
        else
          local.get 2
          local.get 11
          f64.store
        end
        local.get 15
        i32.const 8
        i32.add
        local.set 1
        local.get 2
        i32.const 8
        i32.add
        local.set 2
        local.get 9
        i32.const 1
        i32.sub
        local.tee 9
        br_if 0
      end
    end)
  (func (;9;) (type 1) (param i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (local i32 i32 i32 i32 i32 i32 i32)
    local.get 5
    i32.const 8
    i32.mul
    local.set 9
    local.get 3
    local.set 10
    local.get 0
    local.set 12
    local.get 2
    local.set 14
    block  ;; label = @1
      loop  ;; label = @2
        local.get 10
        i32.const 4
        i32.lt_s
        br_if 1
        local.get 1
        local.set 13
        local.get 14
        local.set 15
        local.get 5
        i32.const 2
        i32.shr_u
        local.set 11
        local.get 12
        local.get 13
        local.get 15
        local.get 4
        local.get 6
        local.get 7
        local.get 9
        local.get 9
        local.get 8
        local.get 11
        call 0
        local.get 13
        local.get 11
        i32.const 32
        i32.mul
        i32.add
        local.set 13
        local.get 15
        local.get 11
        i32.const 32
        i32.mul
        i32.add
        local.set 15
        local.get 5
        i32.const 2
        i32.and
        i32.const 2
        i32.eq
        local.set 11
        local.get 12
        local.get 13
        local.get 15
        local.get 4
        local.get 6
        local.get 7
        local.get 9
        local.get 9
        local.get 8
        local.get 11
        call 1
        local.get 13
        local.get 11
        i32.const 16
        i32.mul
        i32.add
        local.set 13
        local.get 15
        local.get 11
        i32.const 16
        i32.mul
        i32.add
        local.set 15
        local.get 5
        i32.const 1
        i32.and
        i32.const 1
        i32.eq
        local.set 11
        local.get 12
        local.get 13
        local.get 15
        local.get 4
        local.get 6
        local.get 7
        local.get 9
        local.get 9
        local.get 8
        local.get 11
        call 2
        local.get 13
        local.get 11
        i32.const 8
        i32.mul
        i32.add
        local.set 13
        local.get 15
        local.get 11
        i32.const 8
        i32.mul
        i32.add
        local.set 15
        local.get 12
        local.get 6
        i32.const 4
        i32.mul
        i32.add
        local.set 12
        local.get 14
        local.get 9
        i32.const 4
        i32.mul
        i32.add
        local.set 14
        local.get 10
        i32.const 4
        i32.sub
        local.set 10
        br 0
      end
    end
    local.get 10
    i32.const 2
    i32.ge_s
    if  ;; label = @1
      local.get 1
      local.set 13
      local.get 14
      local.set 15
      local.get 5
      i32.const 2
      i32.shr_u
      local.set 11
      local.get 12
      local.get 13
      local.get 15
      local.get 4
      local.get 6
      local.get 7
      local.get 9
      local.get 9
      local.get 8
      local.get 11
      call 3
      local.get 13
      local.get 11
      i32.const 32
      i32.mul
      i32.add
      local.set 13
      local.get 15
      local.get 11
      i32.const 32
      i32.mul
      i32.add
      local.set 15
      local.get 5
      i32.const 2
      i32.and
      i32.const 2
      i32.eq
      local.set 11
      local.get 12
      local.get 13
      local.get 15
      local.get 4
      local.get 6
      local.get 7
      local.get 9
      local.get 9
      local.get 8
      local.get 11
      call 4
      local.get 13
      local.get 11
      i32.const 16
      i32.mul
      i32.add
      local.set 13
      local.get 15
      local.get 11
      i32.const 16
      i32.mul
      i32.add
      local.set 15
      local.get 5
      i32.const 1
      i32.and
      i32.const 1
      i32.eq
      local.set 11
      local.get 12
      local.get 13
      local.get 15
      local.get 4
      local.get 6
      local.get 7
      local.get 9
      local.get 9
      local.get 8
      local.get 11
      call 5
      local.get 13
      local.get 11
      i32.const 8
      i32.mul
      i32.add
      local.set 13
      local.get 15
      local.get 11
      i32.const 8
      i32.mul
      i32.add
      local.set 15
      local.get 12
      local.get 6
      i32.const 2
      i32.mul
      i32.add
      local.set 12
      local.get 14
      local.get 9
      i32.const 2
      i32.mul
      i32.add
      local.set 14
      local.get 10
      i32.const 2
      i32.sub
      local.set 10
    end
    local.get 10
    i32.const 1
    i32.ge_s
    if  ;; label = @1
      local.get 1
      local.set 13
      local.get 14
      local.set 15
      local.get 5
      i32.const 2
      i32.shr_u
      local.set 11
      local.get 12
      local.get 13
      local.get 15
      local.get 4
      local.get 6
      local.get 7
      local.get 9
      local.get 9
      local.get 8
      local.get 11
      call 6
      local.get 13
      local.get 11
      i32.const 32
      i32.mul
      i32.add
      local.set 13
      local.get 15
      local.get 11
      i32.const 32
      i32.mul
      i32.add
      local.set 15
      local.get 5
      i32.const 2
      i32.and
      i32.const 2
      i32.eq
      local.set 11
      local.get 12
      local.get 13
      local.get 15
      local.get 4
      local.get 6
      local.get 7
      local.get 9
      local.get 9
      local.get 8
      local.get 11
      call 7
      local.get 13
      local.get 11
      i32.const 16
      i32.mul
      i32.add
      local.set 13
      local.get 15
      local.get 11
      i32.const 16
      i32.mul
      i32.add
      local.set 15
      local.get 5
      i32.const 1
      i32.and
      i32.const 1
      i32.eq
      local.set 11
      local.get 12
      local.get 13
      local.get 15
      local.get 4
      local.get 6
      local.get 7
      local.get 9
      local.get 9
      local.get 8
      local.get 11
      call 8
      local.get 13
      local.get 11
      i32.const 8
      i32.mul
      i32.add
      local.set 13
      local.get 15
      local.get 11
      i32.const 8
      i32.mul
      i32.add
      local.set 15
      local.get 12
      local.get 6
      i32.const 1
      i32.mul
      i32.add
      local.set 12
      local.get 14
      local.get 9
      i32.const 1
      i32.mul
      i32.add
      local.set 14
      local.get 10
      i32.const 1
      i32.sub
      local.set 10
    end)
  (func (;10;) (type 2) (param i32 i32 i32 i32)
    (local i32 i32 i32 i32)
    local.get 2
    i32.const 8
    i32.mul
    local.set 7
    block  ;; label = @1
      local.get 2
      i32.eqz
      br_if 0
      local.get 3
      i32.eqz
      br_if 0
      local.get 2
      local.set 4
      loop  ;; label = @2
        local.get 1
        local.set 6
        local.get 3
        local.set 5
        loop  ;; label = @3
          local.get 6
          local.get 0
          f64.load
          f64.store
          local.get 0
          i32.const 8
          i32.add
          local.set 0
          local.get 6
          local.get 7
          i32.add
          local.set 6
          local.get 5
          i32.const 1
          i32.sub
          local.tee 5
          br_if 0
        end
        local.get 1
        i32.const 8
        i32.add
        local.set 1
        local.get 4
        i32.const 1
        i32.sub
        local.tee 4
        br_if 0
      end
    end)
  (export "gemm" (func 9))
  (export "transpose" (func 10)))
