(module
  (type (;0;) (func (param i32 i32)))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0) (param i32 i32)
    (local v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128 v128)
    v128.const f64x2 0.55 0.55
    local.set 2
    v128.const f64x2 19.1 19.1
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
    v128.const f64x2 2 2
    local.set 9
    v128.const f64x2 0.5 0.5
    local.set 10
    v128.const f64x2 -0 -0
    local.set 11
    v128.const i64x2 0x00000000000003ff 0x00000000000003ff
    local.set 12
    v128.const f64x2 -0.3333333333333333 -0.3333333333333333
    local.set 13
    v128.const f64x2 0.13333333333332714 0.13333333333332714
    local.set 14
    v128.const f64x2 -0.053968253967434016 -0.053968253967434016
    local.set 15
    v128.const f64x2 0.021869488493666944 0.021869488493666944
    local.set 16
    v128.const f64x2 -0.008863234397814355 -0.008863234397814355
    local.set 17
    v128.const f64x2 0.003592110378689024 0.003592110378689024
    local.set 18
    v128.const f64x2 -0.001455661830100716 -0.001455661830100716
    local.set 19
    v128.const f64x2 0.0005889360520074057 0.0005889360520074057
    local.set 20
    v128.const f64x2 -0.0002346347410887237 -0.0002346347410887237
    local.set 21
    v128.const f64x2 0.00008511313685577671 0.00008511313685577671
    local.set 22
    v128.const f64x2 -0.00002060276537636634 -0.00002060276537636634
    local.set 23
    v128.const f64x2 0.5000000000000001 0.5000000000000001
    local.set 24
    v128.const f64x2 0.16666666666666669 0.16666666666666669
    local.set 25
    v128.const f64x2 0.041666666666624164 0.041666666666624164
    local.set 26
    v128.const f64x2 0.008333333333330065 0.008333333333330065
    local.set 27
    v128.const f64x2 0.0013888888917197209 0.0013888888917197209
    local.set 28
    v128.const f64x2 0.00019841269863040922 0.00019841269863040922
    local.set 29
    v128.const f64x2 0.000024801521321606647 0.000024801521321606647
    local.set 30
    v128.const f64x2 0.0000027557268479724004 0.0000027557268479724004
    local.set 31
    v128.const f64x2 2.7620076242527254e-7 2.7620076242527254e-7
    local.set 32
    v128.const f64x2 2.510037611136142e-8 2.510037611136142e-8
    local.set 33
    block  ;; label = @1
      local.get 1
      i32.eqz
      br_if 0
      loop  ;; label = @2
        local.get 0
        v128.load align=8
        local.tee 34
        f64x2.abs
        local.tee 35
        local.get 2
        f64x2.lt
        local.set 37
        local.get 0
        v128.load offset=16 align=8
        local.tee 52
        f64x2.abs
        local.tee 53
        local.get 2
        f64x2.lt
        local.set 55
        local.get 0
        v128.load offset=32 align=8
        local.tee 70
        f64x2.abs
        local.tee 71
        local.get 2
        f64x2.lt
        local.set 73
        local.get 0
        v128.load offset=48 align=8
        local.tee 88
        f64x2.abs
        local.tee 89
        local.get 2
        f64x2.lt
        local.set 91
        local.get 35
        local.get 35
        f64x2.mul
        local.set 36
        local.get 53
        local.get 53
        f64x2.mul
        local.set 54
        local.get 71
        local.get 71
        f64x2.mul
        local.set 72
        local.get 89
        local.get 89
        f64x2.mul
        local.set 90
        local.get 23
        local.set 51
        local.get 23
        local.set 69
        local.get 23
        local.set 87
        local.get 23
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 22
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 22
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 22
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 22
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 21
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 21
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 21
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 21
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 20
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 20
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 20
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 20
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 19
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 19
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 19
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 19
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 18
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 18
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 18
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 18
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 17
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 17
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 17
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 17
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 16
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 16
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 16
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 16
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 15
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 15
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 15
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 15
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 14
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 14
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 14
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 14
        f64x2.add
        local.set 105
        local.get 51
        local.get 36
        f64x2.mul
        local.get 13
        f64x2.add
        local.set 51
        local.get 69
        local.get 54
        f64x2.mul
        local.get 13
        f64x2.add
        local.set 69
        local.get 87
        local.get 72
        f64x2.mul
        local.get 13
        f64x2.add
        local.set 87
        local.get 105
        local.get 90
        f64x2.mul
        local.get 13
        f64x2.add
        local.set 105
        local.get 35
        local.get 35
        local.get 36
        local.get 51
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set 51
        local.get 53
        local.get 53
        local.get 54
        local.get 69
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set 69
        local.get 71
        local.get 71
        local.get 72
        local.get 87
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set 87
        local.get 89
        local.get 89
        local.get 90
        local.get 105
        f64x2.mul
        f64x2.mul
        f64x2.add
        local.set 105
        local.get 35
        local.get 3
        f64x2.pmin
        local.tee 38
        local.get 38
        f64x2.add
        local.set 38
        local.get 53
        local.get 3
        f64x2.pmin
        local.tee 56
        local.get 56
        f64x2.add
        local.set 56
        local.get 71
        local.get 3
        f64x2.pmin
        local.tee 74
        local.get 74
        f64x2.add
        local.set 74
        local.get 89
        local.get 3
        f64x2.pmin
        local.tee 92
        local.get 92
        f64x2.add
        local.set 92
        local.get 38
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 39
        local.get 56
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 57
        local.get 74
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 75
        local.get 92
        local.get 4
        f64x2.mul
        local.get 5
        f64x2.add
        local.set 93
        local.get 39
        local.get 5
        f64x2.sub
        local.set 40
        local.get 57
        local.get 5
        f64x2.sub
        local.set 58
        local.get 75
        local.get 5
        f64x2.sub
        local.set 76
        local.get 93
        local.get 5
        f64x2.sub
        local.set 94
        local.get 38
        local.get 40
        local.get 6
        f64x2.mul
        f64x2.sub
        local.get 40
        local.get 7
        f64x2.mul
        f64x2.sub
        local.set 41
        local.get 56
        local.get 58
        local.get 6
        f64x2.mul
        f64x2.sub
        local.get 58
        local.get 7
        f64x2.mul
        f64x2.sub
        local.set 59
        local.get 74
        local.get 76
        local.get 6
        f64x2.mul
        f64x2.sub
        local.get 76
        local.get 7
        f64x2.mul
        f64x2.sub
        local.set 77
        local.get 92
        local.get 94
        local.get 6
        f64x2.mul
        f64x2.sub
        local.get 94
        local.get 7
        f64x2.mul
        f64x2.sub
        local.set 95
        local.get 33
        local.set 42
        local.get 33
        local.set 60
        local.get 33
        local.set 78
        local.get 33
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 32
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 32
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 32
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 32
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 31
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 31
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 31
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 31
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 30
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 30
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 30
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 30
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 29
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 29
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 29
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 29
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 28
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 28
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 28
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 28
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 27
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 27
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 27
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 27
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 26
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 26
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 26
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 26
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 25
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 25
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 25
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 25
        f64x2.add
        local.set 96
        local.get 42
        local.get 41
        f64x2.mul
        local.get 24
        f64x2.add
        local.set 42
        local.get 60
        local.get 59
        f64x2.mul
        local.get 24
        f64x2.add
        local.set 60
        local.get 78
        local.get 77
        f64x2.mul
        local.get 24
        f64x2.add
        local.set 78
        local.get 96
        local.get 95
        f64x2.mul
        local.get 24
        f64x2.add
        local.set 96
        local.get 41
        local.get 41
        local.get 41
        f64x2.mul
        local.get 42
        f64x2.mul
        f64x2.add
        local.set 42
        local.get 59
        local.get 59
        local.get 59
        f64x2.mul
        local.get 60
        f64x2.mul
        f64x2.add
        local.set 60
        local.get 77
        local.get 77
        local.get 77
        f64x2.mul
        local.get 78
        f64x2.mul
        f64x2.add
        local.set 78
        local.get 95
        local.get 95
        local.get 95
        f64x2.mul
        local.get 96
        f64x2.mul
        f64x2.add
        local.set 96
        local.get 39
        local.get 12
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 43
        local.get 57
        local.get 12
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 61
        local.get 75
        local.get 12
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 79
        local.get 93
        local.get 12
        i64x2.add
        i32.const 52
        i64x2.shl
        local.set 97
        local.get 43
        local.get 8
        f64x2.add
        local.set 44
        local.get 61
        local.get 8
        f64x2.add
        local.set 62
        local.get 79
        local.get 8
        f64x2.add
        local.set 80
        local.get 97
        local.get 8
        f64x2.add
        local.set 98
        local.get 43
        local.get 42
        f64x2.mul
        local.set 45
        local.get 61
        local.get 60
        f64x2.mul
        local.set 63
        local.get 79
        local.get 78
        f64x2.mul
        local.set 81
        local.get 97
        local.get 96
        f64x2.mul
        local.set 99
        local.get 44
        local.get 45
        f64x2.add
        local.set 46
        local.get 62
        local.get 63
        f64x2.add
        local.set 64
        local.get 80
        local.get 81
        f64x2.add
        local.set 82
        local.get 98
        local.get 99
        f64x2.add
        local.set 100
        local.get 44
        local.get 46
        f64x2.sub
        local.get 45
        f64x2.add
        local.set 47
        local.get 62
        local.get 64
        f64x2.sub
        local.get 63
        f64x2.add
        local.set 65
        local.get 80
        local.get 82
        f64x2.sub
        local.get 81
        f64x2.add
        local.set 83
        local.get 98
        local.get 100
        f64x2.sub
        local.get 99
        f64x2.add
        local.set 101
        local.get 9
        local.get 46
        f64x2.div
        local.set 48
        local.get 9
        local.get 64
        f64x2.div
        local.set 66
        local.get 9
        local.get 82
        f64x2.div
        local.set 84
        local.get 9
        local.get 100
        f64x2.div
        local.set 102
        local.get 8
        local.get 48
        f64x2.sub
        local.set 49
        local.get 8
        local.get 66
        f64x2.sub
        local.set 67
        local.get 8
        local.get 84
        f64x2.sub
        local.set 85
        local.get 8
        local.get 102
        f64x2.sub
        local.set 103
        local.get 8
        local.get 49
        f64x2.sub
        local.get 48
        f64x2.sub
        local.set 50
        local.get 8
        local.get 67
        f64x2.sub
        local.get 66
        f64x2.sub
        local.set 68
        local.get 8
        local.get 85
        f64x2.sub
        local.get 84
        f64x2.sub
        local.set 86
        local.get 8
        local.get 103
        f64x2.sub
        local.get 102
        f64x2.sub
        local.set 104
        local.get 49
        local.get 50
        local.get 48
        local.get 48
        f64x2.mul
        local.get 10
        f64x2.mul
        local.get 47
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set 49
        local.get 67
        local.get 68
        local.get 66
        local.get 66
        f64x2.mul
        local.get 10
        f64x2.mul
        local.get 65
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set 67
        local.get 85
        local.get 86
        local.get 84
        local.get 84
        f64x2.mul
        local.get 10
        f64x2.mul
        local.get 83
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set 85
        local.get 103
        local.get 104
        local.get 102
        local.get 102
        f64x2.mul
        local.get 10
        f64x2.mul
        local.get 101
        f64x2.mul
        f64x2.add
        f64x2.add
        local.set 103
        local.get 0
        local.get 51
        local.get 49
        local.get 37
        v128.bitselect
        local.get 34
        local.get 11
        v128.and
        v128.or
        v128.store align=8
        local.get 0
        local.get 69
        local.get 67
        local.get 55
        v128.bitselect
        local.get 52
        local.get 11
        v128.and
        v128.or
        v128.store offset=16 align=8
        local.get 0
        local.get 87
        local.get 85
        local.get 73
        v128.bitselect
        local.get 70
        local.get 11
        v128.and
        v128.or
        v128.store offset=32 align=8
        local.get 0
        local.get 105
        local.get 103
        local.get 91
        v128.bitselect
        local.get 88
        local.get 11
        v128.and
        v128.or
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
  (export "tanh" (func 0)))
