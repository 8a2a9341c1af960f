(module $probe
  (type (;0;) (func))
  (import "env" "memory" (memory (;0;) 1))
  (func $probe (type 0)
    v128.const f64x2 1 2
    f64x2.abs
    drop)
  (export "probe" (func $probe)))
