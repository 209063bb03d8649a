;; The scans of `memory-vector-index.ts` (`nearest-kernels.ts` lays out the memory and calls these).
;; Built into nearest-kernels.wasm by `npm run build:wasm`; a test checks the two agree.
;;
;; Signatures are 256 bits (32 bytes) a tool; `i64.popcnt` counts a 64-bit word's differing bits in
;; one instruction, where JavaScript looked up four 16-bit tables. Vectors are f32 rows `stride`
;; floats apart (a multiple of 4) and are dotted with f32x4 products in two accumulators.
(module
  (memory (import "env" "memory") 1)

  ;; For every slot below `count`: the bits its signature's first 64 differ from the 64-bit word at
  ;; `query` by, as a byte in `out`, counted into `histogram` (65 u32: one per distance).
  (func (export "prefixDistances")
    (param $signatures i32) (param $count i32) (param $queryAt i32) (param $out i32) (param $histogram i32)
    (local $slot i32) (local $at i32) (local $distance i32) (local $bucket i32) (local $query i64)
    (local.set $query (i64.load (local.get $queryAt)))
    (local.set $at (local.get $signatures))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $slot) (local.get $count)))
      (local.set $distance (i32.wrap_i64 (i64.popcnt (i64.xor (i64.load (local.get $at)) (local.get $query)))))
      (i32.store8 (i32.add (local.get $out) (local.get $slot)) (local.get $distance))
      (local.set $bucket (i32.add (local.get $histogram) (i32.shl (local.get $distance) (i32.const 2))))
      (i32.store (local.get $bucket) (i32.add (i32.load (local.get $bucket)) (i32.const 1)))
      (local.set $at (i32.add (local.get $at) (i32.const 32)))
      (local.set $slot (i32.add (local.get $slot) (i32.const 1)))
      (br $next)))
  )

  ;; The slots below `count` whose byte in `distances` is at most `cut`, in order, as i32 in `out`.
  ;; Returns how many. Branch-free: every slot is written, and only the kept ones advance.
  (func (export "keepWithin")
    (param $distances i32) (param $count i32) (param $cut i32) (param $out i32) (result i32)
    (local $slot i32) (local $kept i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $slot) (local.get $count)))
      (i32.store (i32.add (local.get $out) (i32.shl (local.get $kept) (i32.const 2))) (local.get $slot))
      (local.set $kept (i32.add (local.get $kept)
        (i32.le_u (i32.load8_u (i32.add (local.get $distances) (local.get $slot))) (local.get $cut))))
      (local.set $slot (i32.add (local.get $slot) (i32.const 1)))
      (br $next)))
    (local.get $kept)
  )

  ;; For each of the `count` slots listed (i32) at `slots`: the bits its whole signature differs from
  ;; the four 64-bit words at `query` by, as u16 in `out`, counted into `histogram` (257 u32).
  (func (export "fullDistances")
    (param $signatures i32) (param $slots i32) (param $count i32) (param $query i32) (param $out i32) (param $histogram i32)
    (local $i i32) (local $at i32) (local $distance i32) (local $bucket i32)
    (local $q0 i64) (local $q1 i64) (local $q2 i64) (local $q3 i64)
    (local.set $q0 (i64.load (local.get $query)))
    (local.set $q1 (i64.load offset=8 (local.get $query)))
    (local.set $q2 (i64.load offset=16 (local.get $query)))
    (local.set $q3 (i64.load offset=24 (local.get $query)))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $at (i32.add (local.get $signatures)
        (i32.shl (i32.load (i32.add (local.get $slots) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 5))))
      (local.set $distance (i32.wrap_i64 (i64.add
        (i64.add (i64.popcnt (i64.xor (i64.load (local.get $at)) (local.get $q0)))
                 (i64.popcnt (i64.xor (i64.load offset=8 (local.get $at)) (local.get $q1))))
        (i64.add (i64.popcnt (i64.xor (i64.load offset=16 (local.get $at)) (local.get $q2)))
                 (i64.popcnt (i64.xor (i64.load offset=24 (local.get $at)) (local.get $q3)))))))
      (i32.store16 (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 1))) (local.get $distance))
      (local.set $bucket (i32.add (local.get $histogram) (i32.shl (local.get $distance) (i32.const 2))))
      (i32.store (local.get $bucket) (i32.add (i32.load (local.get $bucket)) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  )

  ;; The listed slots (i32 at `slots`, `count` of them) whose u16 in `distances` is at most `cut`,
  ;; in order, as i32 in `out`. Returns how many.
  (func (export "keepListedWithin")
    (param $slots i32) (param $distances i32) (param $count i32) (param $cut i32) (param $out i32) (result i32)
    (local $i i32) (local $kept i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (i32.store (i32.add (local.get $out) (i32.shl (local.get $kept) (i32.const 2)))
        (i32.load (i32.add (local.get $slots) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $kept (i32.add (local.get $kept)
        (i32.le_u (i32.load16_u (i32.add (local.get $distances) (i32.shl (local.get $i) (i32.const 1)))) (local.get $cut))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $kept)
  )

  ;; For each of the `count` slots listed (i32 at `slots`): the dot product of its row of `vectors`
  ;; (`stride` f32, a multiple of 4) with `query`, as f32 in `out`.
  (func (export "dots")
    (param $vectors i32) (param $stride i32) (param $slots i32) (param $count i32) (param $query i32) (param $out i32)
    (local $i i32) (local $row i32) (local $j i32) (local $bytes i32) (local $pairEnd i32)
    (local $sum0 v128) (local $sum1 v128)
    (local.set $bytes (i32.shl (local.get $stride) (i32.const 2)))
    ;; Two rows of four at a time (32 bytes), then one more four when the stride is not a multiple of 8.
    (local.set $pairEnd (i32.and (local.get $bytes) (i32.const -32)))
    (block $done (loop $nextRow
      (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
      (local.set $row (i32.add (local.get $vectors)
        (i32.mul (i32.load (i32.add (local.get $slots) (i32.shl (local.get $i) (i32.const 2)))) (local.get $bytes))))
      (local.set $sum0 (v128.const i32x4 0 0 0 0))
      (local.set $sum1 (v128.const i32x4 0 0 0 0))
      (local.set $j (i32.const 0))
      (block $pairsDone (loop $nextPair
        (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairEnd)))
        (local.set $sum0 (f32x4.add (local.get $sum0) (f32x4.mul
          (v128.load (i32.add (local.get $row) (local.get $j)))
          (v128.load (i32.add (local.get $query) (local.get $j))))))
        (local.set $sum1 (f32x4.add (local.get $sum1) (f32x4.mul
          (v128.load offset=16 (i32.add (local.get $row) (local.get $j)))
          (v128.load offset=16 (i32.add (local.get $query) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 32)))
        (br $nextPair)))
      (if (i32.lt_u (local.get $j) (local.get $bytes)) (then
        (local.set $sum0 (f32x4.add (local.get $sum0) (f32x4.mul
          (v128.load (i32.add (local.get $row) (local.get $j)))
          (v128.load (i32.add (local.get $query) (local.get $j))))))))
      (local.set $sum0 (f32x4.add (local.get $sum0) (local.get $sum1)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 2)))
        (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $sum0)) (f32x4.extract_lane 1 (local.get $sum0)))
          (f32.add (f32x4.extract_lane 2 (local.get $sum0)) (f32x4.extract_lane 3 (local.get $sum0)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $nextRow)))
  )
)
