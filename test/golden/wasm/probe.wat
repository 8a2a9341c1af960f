(module
  (type (;0;) (func))
  (import "env" "memory" (memory (;0;) 1))
  (func (;0;) (type 0)
    v128.const f64x2 1 2
    f64x2.abs
    drop)
  (export "probe" (func 0)))
