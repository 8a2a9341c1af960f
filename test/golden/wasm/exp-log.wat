(module
  (type (;0;) (func (param i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32)
    (local v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    v128.const f64x2 -746 -746
    local.set 2
    v128.const f64x2 710 710
    local.set 3
    v128.const f64x2 1.4426950408889634 1.4426950408889634
    local.set 4
    v128.const f64x2 6755399441055744 6755399441055744
    local.set 5
    v128.const f64x2 0.6931471803691238 0.6931471803691238
    local.set 6
    v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10
    local.set 7
    v128.const f64x2 1 1
    local.set 8
    v128.const f64x2 6755399441055744 6755399441055744
    local.set 9
    v128.const i64x2 0x00000000000003ff 0x00000000000003ff
    local.set 10
    v128.const f64x2 0.5000000000000011 0.5000000000000011
    local.set 11
    v128.const f64x2 0.16666666666666466 0.16666666666666466
    local.set 12
    v128.const f64x2 0.04166666666652881 0.04166666666652881
    local.set 13
    v128.const f64x2 0.008333333333470187 0.008333333333470187
    local.set 14
    v128.const f64x2 0.0013888888943697165 0.0013888888943697165
    local.set 15
    v128.const f64x2 0.0001984126954630509 0.0001984126954630509
    local.set 16
    v128.const f64x2 0.000024801493174680674 0.000024801493174680674
    local.set 17
    v128.const f64x2 0.000002755755842706163 0.000002755755842706163
    local.set 18
    v128.const f64x2 2.763019341245279e-7 2.763019341245279e-7
    local.set 19
    v128.const f64x2 2.500723240962048e-8 2.500723240962048e-8
    local.set 20
    block  ;; label = @1
      local.get 1
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        v128.load align=8
        local.get 3
        f64x2.pmin
        local.get 2
        f64x2.pmax
        local.set 21
        local.get 0
        v128.load offset=16 align=8
        local.get 3
        f64x2.pmin
        local.get 2
        f64x2.pmax
        local.set 33
        local.get 0
        v128.load offset=32 align=8
        local.get 3
        f64x2.pmin
        local.get 2
        f64x2.pmax
        local.set 45
        local.get 0
        v128.load offset=48 align=8
        local.get 3
        f64x2.pmin
        local.get 2
        f64x2.pmax
        local.set 57
        local.get 21
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 22
        local.get 33
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 34
        local.get 45
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 46
        local.get 57
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 58
        local.get 22
        local.get 5
        f64x2.sub
        local.set 23
        local.get 34
        local.get 5
        f64x2.sub
        local.set 35
        local.get 46
        local.get 5
        f64x2.sub
        local.set 47
        local.get 58
        local.get 5
        f64x2.sub
        local.set 59
        local.get 21
        local.get 23
        local.get 6
        f64x2.mul
        f64x2.sub
        local.set 24
        local.get 33
        local.get 35
        local.get 6
        f64x2.mul
        f64x2.sub
        local.set 36
        local.get 45
        local.get 47
        local.get 6
        f64x2.mul
        f64x2.sub
        local.set 48
        local.get 57
        local.get 59
        local.get 6
        f64x2.mul
        f64x2.sub
        local.set 60
        local.get 23
        local.get 7
        f64x2.mul
        local.set 25
        local.get 35
        local.get 7
        f64x2.mul
        local.set 37
        local.get 47
        local.get 7
        f64x2.mul
        local.set 49
        local.get 59
        local.get 7
        f64x2.mul
        local.set 61
        local.get 24
        local.get 25
        f64x2.sub
        local.set 26
        local.get 36
        local.get 37
        f64x2.sub
        local.set 38
        local.get 48
        local.get 49
        f64x2.sub
        local.set 50
        local.get 60
        local.get 61
        f64x2.sub
        local.set 62
        local.get 24
        local.get 26
        f64x2.sub
        local.get 25
        f64x2.sub
        local.set 27
        local.get 36
        local.get 38
        f64x2.sub
        local.get 37
        f64x2.sub
        local.set 39
        local.get 48
        local.get 50
        f64x2.sub
        local.get 49
        f64x2.sub
        local.set 51
        local.get 60
        local.get 62
        f64x2.sub
        local.get 61
        f64x2.sub
        local.set 63
        local.get 20
        local.set 28
        local.get 20
        local.set 40
        local.get 20
        local.set 52
        local.get 20
        local.set 64
        local.get 19
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 19
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 19
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 19
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 18
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 18
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 18
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 18
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 17
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 17
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 17
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 17
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 16
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 16
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 16
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 16
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 15
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 15
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 15
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 15
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 14
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 14
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 14
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 14
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 13
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 13
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 13
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 13
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 12
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 12
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 12
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 12
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 11
        local.get 26
        local.get 28
        f64x2.mul
        f64x2.add
        local.set 28
        local.get 11
        local.get 38
        local.get 40
        f64x2.mul
        f64x2.add
        local.set 40
        local.get 11
        local.get 50
        local.get 52
        f64x2.mul
        f64x2.add
        local.set 52
        local.get 11
        local.get 62
        local.get 64
        f64x2.mul
        f64x2.add
        local.set 64
        local.get 26
        local.get 26
        f64x2.mul
        local.get 28
        f64x2.mul
        local.set 28
        local.get 38
        local.get 38
        f64x2.mul
        local.get 40
        f64x2.mul
        local.set 40
        local.get 50
        local.get 50
        f64x2.mul
        local.get 52
        f64x2.mul
        local.set 52
        local.get 62
        local.get 62
        f64x2.mul
        local.get 64
        f64x2.mul
        local.set 64
        local.get 8
        local.get 26
        f64x2.add
        local.set 29
        local.get 8
        local.get 38
        f64x2.add
        local.set 41
        local.get 8
        local.get 50
        f64x2.add
        local.set 53
        local.get 8
        local.get 62
        f64x2.add
        local.set 65
        local.get 29
        local.get 8
        local.get 29
        f64x2.sub
        local.get 26
        f64x2.add
        local.get 27
        local.get 29
        f64x2.mul
        local.get 28
        f64x2.add
        f64x2.add
        f64x2.add
        local.set 30
        local.get 41
        local.get 8
        local.get 41
        f64x2.sub
        local.get 38
        f64x2.add
        local.get 39
        local.get 41
        f64x2.mul
        local.get 40
        f64x2.add
        f64x2.add
        f64x2.add
        local.set 42
        local.get 53
        local.get 8
        local.get 53
        f64x2.sub
        local.get 50
        f64x2.add
        local.get 51
        local.get 53
        f64x2.mul
        local.get 52
        f64x2.add
        f64x2.add
        f64x2.add
        local.set 54
        local.get 65
        local.get 8
        local.get 65
        f64x2.sub
        local.get 62
        f64x2.add
        local.get 63
        local.get 65
        f64x2.mul
        local.get 64
        f64x2.add
        f64x2.add
        f64x2.add
        local.set 66
        local.get 22
        local.get 9
        i64x2.sub
        local.tee 23
        i32.const 1
        i64x2.shr_s
        local.set 31
        local.get 34
        local.get 9
        i64x2.sub
        local.tee 35
        i32.const 1
        i64x2.shr_s
        local.set 43
        local.get 46
        local.get 9
        i64x2.sub
        local.tee 47
        i32.const 1
        i64x2.shr_s
        local.set 55
        local.get 58
        local.get 9
        i64x2.sub
        local.tee 59
        i32.const 1
        i64x2.shr_s
        local.set 67
        local.get 31
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 32
        local.get 43
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 44
        local.get 55
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 56
        local.get 67
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 68
        local.get 23
        local.get 31
        i64x2.sub
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 23
        local.get 35
        local.get 43
        i64x2.sub
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 35
        local.get 47
        local.get 55
        i64x2.sub
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 47
        local.get 59
        local.get 67
        i64x2.sub
        local.get 10
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 59
        local.get 0
        local.get 30
        local.get 32
        f64x2.mul
        local.get 23
        f64x2.mul
        v128.store align=8
        local.get 0
        local.get 42
        local.get 44
        f64x2.mul
        local.get 35
        f64x2.mul
        v128.store offset=16 align=8
        local.get 0
        local.get 54
        local.get 56
        f64x2.mul
        local.get 47
        f64x2.mul
        v128.store offset=32 align=8
        local.get 0
        local.get 66
        local.get 68
        f64x2.mul
        local.get 59
        f64x2.mul
        v128.store offset=48 align=8
        local.get 0
        i32.const 64
        i32.add
        local.set 0
        local.get 1
        i32.const 1
        i32.sub
        local.tee 1
        br_if 0
      end
    end)
  (func (;1;) (type 0) (param i32 i32)
    (local v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    v128.const f64x2 0 0
    local.set 2
    v128.const f64x2 inf inf
    local.set 3
    v128.const f64x2 -inf -inf
    local.set 4
    v128.const f64x2 nan nan
    local.set 5
    v128.const f64x2 2.2250738585072014e-308 2.2250738585072014e-308
    local.set 6
    v128.const f64x2 18014398509481984 18014398509481984
    local.set 7
    v128.const f64x2 1 1
    local.set 8
    v128.const f64x2 2 2
    local.set 9
    v128.const f64x2 0.5 0.5
    local.set 10
    v128.const f64x2 50331648 50331648
    local.set 11
    v128.const f64x2 0.6931471803691238 0.6931471803691238
    local.set 12
    v128.const f64x2 1.9082149292705877e-10 1.9082149292705877e-10
    local.set 13
    v128.const f64x2 6755399441055744 6755399441055744
    local.set 14
    v128.const f64x2 6755399441055744 6755399441055744
    local.set 15
    v128.const f64x2 0.7071065902709961 0.7071065902709961
    local.set 16
    v128.const f64x2 -inf -inf
    local.set 17
    v128.const i64x2 0xffffffffffffffca 0xffffffffffffffca
    local.set 18
    v128.const f64x2 0.6666666666666735 0.6666666666666735
    local.set 19
    v128.const f64x2 0.3999999999940942 0.3999999999940942
    local.set 20
    v128.const f64x2 0.2857142874366239 0.2857142874366239
    local.set 21
    v128.const f64x2 0.22222198432149784 0.22222198432149784
    local.set 22
    v128.const f64x2 0.1818357216161805 0.1818357216161805
    local.set 23
    v128.const f64x2 0.15313837699209373 0.15313837699209373
    local.set 24
    v128.const f64x2 0.14798198605116586 0.14798198605116586
    local.set 25
    block  ;; label = @1
      local.get 1
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        v128.load align=8
        local.tee 26
        local.get 6
        f64x2.lt
        local.set 27
        local.get 0
        v128.load offset=16 align=8
        local.tee 42
        local.get 6
        f64x2.lt
        local.set 43
        local.get 26
        local.get 7
        f64x2.mul
        local.get 26
        local.get 27
        v128.bitselect
        local.set 26
        local.get 42
        local.get 7
        f64x2.mul
        local.get 42
        local.get 43
        v128.bitselect
        local.set 42
        local.get 26
        local.get 16
        i64x2.sub
        local.set 28
        local.get 42
        local.get 16
        i64x2.sub
        local.set 44
        local.get 28
        i32.const 52
        i64x2.shr_s
        local.get 27
        local.get 18
        v128.and
        i64x2.add
        local.get 15
        i64x2.add
        local.get 14
        f64x2.sub
        local.set 29
        local.get 44
        i32.const 52
        i64x2.shr_s
        local.get 43
        local.get 18
        v128.and
        i64x2.add
        local.get 15
        i64x2.add
        local.get 14
        f64x2.sub
        local.set 45
        local.get 26
        local.get 28
        local.get 17
        v128.and
        i64x2.sub
        local.get 8
        f64x2.sub
        local.set 30
        local.get 42
        local.get 44
        local.get 17
        v128.and
        i64x2.sub
        local.get 8
        f64x2.sub
        local.set 46
        local.get 30
        local.get 9
        local.get 30
        f64x2.add
        f64x2.div
        local.set 31
        local.get 46
        local.get 9
        local.get 46
        f64x2.add
        f64x2.div
        local.set 47
        local.get 31
        local.get 31
        f64x2.mul
        local.tee 32
        local.get 32
        f64x2.mul
        local.set 33
        local.get 47
        local.get 47
        f64x2.mul
        local.tee 48
        local.get 48
        f64x2.mul
        local.set 49
        local.get 32
        local.get 19
        local.get 33
        local.get 21
        local.get 33
        local.get 23
        local.get 33
        local.get 25
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        local.get 33
        local.get 20
        local.get 33
        local.get 22
        local.get 33
        local.get 24
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        local.set 34
        local.get 48
        local.get 19
        local.get 49
        local.get 21
        local.get 49
        local.get 23
        local.get 49
        local.get 25
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        local.get 49
        local.get 20
        local.get 49
        local.get 22
        local.get 49
        local.get 24
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        f64x2.mul
        f64x2.add
        local.set 50
        local.get 30
        local.get 11
        f64x2.add
        local.get 11
        f64x2.sub
        local.set 35
        local.get 46
        local.get 11
        f64x2.add
        local.get 11
        f64x2.sub
        local.set 51
        local.get 30
        local.get 35
        f64x2.sub
        local.set 36
        local.get 46
        local.get 51
        f64x2.sub
        local.set 52
        local.get 10
        local.get 35
        f64x2.mul
        local.get 35
        f64x2.mul
        local.set 37
        local.get 10
        local.get 51
        f64x2.mul
        local.get 51
        f64x2.mul
        local.set 53
        local.get 10
        local.get 36
        f64x2.mul
        local.get 30
        local.get 35
        f64x2.add
        f64x2.mul
        local.set 36
        local.get 10
        local.get 52
        f64x2.mul
        local.get 46
        local.get 51
        f64x2.add
        f64x2.mul
        local.set 52
        local.get 37
        local.get 36
        f64x2.add
        local.set 38
        local.get 53
        local.get 52
        f64x2.add
        local.set 54
        local.get 29
        local.get 12
        f64x2.mul
        local.set 39
        local.get 45
        local.get 12
        f64x2.mul
        local.set 55
        local.get 39
        local.get 30
        f64x2.add
        local.set 40
        local.get 55
        local.get 46
        f64x2.add
        local.set 56
        local.get 40
        local.get 37
        f64x2.sub
        local.set 41
        local.get 56
        local.get 53
        f64x2.sub
        local.set 57
        local.get 41
        local.get 39
        local.get 40
        f64x2.sub
        local.get 30
        f64x2.add
        local.get 40
        local.get 41
        f64x2.sub
        local.get 37
        f64x2.sub
        f64x2.add
        local.get 31
        local.get 38
        local.get 34
        f64x2.add
        f64x2.mul
        local.get 29
        local.get 13
        f64x2.mul
        f64x2.add
        local.get 36
        f64x2.sub
        f64x2.add
        f64x2.add
        local.set 41
        local.get 57
        local.get 55
        local.get 56
        f64x2.sub
        local.get 46
        f64x2.add
        local.get 56
        local.get 57
        f64x2.sub
        local.get 53
        f64x2.sub
        f64x2.add
        local.get 47
        local.get 54
        local.get 50
        f64x2.add
        f64x2.mul
        local.get 45
        local.get 13
        f64x2.mul
        f64x2.add
        local.get 52
        f64x2.sub
        f64x2.add
        f64x2.add
        local.set 57
        local.get 0
        local.get 41
        local.get 4
        local.get 5
        local.get 26
        local.get 26
        local.get 2
        f64x2.lt
        v128.bitselect
        local.get 26
        local.get 2
        f64x2.eq
        v128.bitselect
        local.get 26
        local.get 2
        f64x2.gt
        local.get 26
        local.get 3
        f64x2.lt
        v128.and
        v128.bitselect
        v128.store align=8
        local.get 0
        local.get 57
        local.get 4
        local.get 5
        local.get 42
        local.get 42
        local.get 2
        f64x2.lt
        v128.bitselect
        local.get 42
        local.get 2
        f64x2.eq
        v128.bitselect
        local.get 42
        local.get 2
        f64x2.gt
        local.get 42
        local.get 3
        f64x2.lt
        v128.and
        v128.bitselect
        v128.store offset=16 align=8
        local.get 0
        i32.const 32
        i32.add
        local.set 0
        local.get 1
        i32.const 1
        i32.sub
        local.tee 1
        br_if 0
      end
    end)
  (export "exp" (func 0))
  (export "log" (func 1)))
