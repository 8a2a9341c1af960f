/**
 * numpy's `SeedSequence` (pool size 4), bit-exact: the same entropy and spawn key give the same
 * `generate_state` words as `np.random.SeedSequence(entropy, spawn_key=...)`.
 * All arithmetic is uint32 (Math.imul); BigInt is touched only to split a bigint seed into words.
 */

/** Entropy accepted here: a non-negative integer of any size, or a sequence of them (as numpy). */
export type Entropy = number | bigint | readonly (number | bigint)[];

/** A SeedSequence's place in a spawn tree, as in NumPy. */
export interface SeedSequenceOptions {
  /** Child path: numpy appends these words after the (zero-padded) entropy words. */
  spawnKey?: readonly number[];
  /** How many children `spawn` already handed out (numpy's `n_children_spawned`). */
  nChildrenSpawned?: number;
}

const POOL_SIZE = 4;
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_L = 0xca01f9dd;
const MIX_R = 0x4973f715;
const TWO_32 = 0x1_0000_0000;

/** numpy's `_int_to_uint32_array`: little-endian 32-bit words, 0 -> [0]. */
function pushIntWords(n: number | bigint, out: number[]): void {
  if (typeof n === 'bigint') {
    if (n < 0n) throw new Error(`SeedSequence: entropy must be a non-negative integer, got ${n}`);
    if (n === 0n) out.push(0);
    for (; n > 0n; n >>= 32n) out.push(Number(n & 0xffffffffn));
    return;
  }
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`SeedSequence: entropy must be a non-negative safe integer (or a bigint), got ${n}`);
  }
  if (n === 0) out.push(0);
  for (; n > 0; n = Math.floor(n / TWO_32)) out.push(n % TWO_32);
}

/** numpy's `_coerce_to_uint32_array` for integers and sequences of integers. */
function toWords(x: Entropy): number[] {
  const out: number[] = [];
  if (typeof x === 'number' || typeof x === 'bigint') pushIntWords(x, out);
  else for (const v of x) pushIntWords(v, out);
  return out;
}

/** NumPy's SeedSequence: turns entropy into well-mixed seeds, and spawns independent children. */
export class SeedSequence {
  readonly entropy: Entropy;
  readonly spawnKey: readonly number[];
  nChildrenSpawned: number;
  private readonly pool = new Uint32Array(POOL_SIZE);

  constructor(entropy: Entropy, options: SeedSequenceOptions = {}) {
    this.entropy = typeof entropy === 'object' ? Object.freeze([...entropy]) : entropy;
    this.spawnKey = Object.freeze([...(options.spawnKey ?? [])]);
    this.nChildrenSpawned = options.nChildrenSpawned ?? 0;
    if (!Number.isSafeInteger(this.nChildrenSpawned) || this.nChildrenSpawned < 0) {
      throw new Error(`SeedSequence: nChildrenSpawned must be a non-negative integer, got ${this.nChildrenSpawned}`);
    }
    const run = toWords(this.entropy);
    const spawn = toWords(this.spawnKey);
    // numpy pads the run entropy to the pool size only when a spawn key follows it, so that
    // SeedSequence(x, spawn_key=(k,)) can never collide with a root sequence.
    if (spawn.length > 0) while (run.length < POOL_SIZE) run.push(0);
    this.mixEntropy(run.concat(spawn));
  }

  private mixEntropy(words: readonly number[]): void {
    const pool = this.pool;
    let h = INIT_A;
    // One running hash constant shared by every hashmix call of the mixing phase.
    const hashmix = (value: number): number => {
      value ^= h;
      h = Math.imul(h, MULT_A);
      value = Math.imul(value, h);
      return (value ^ (value >>> 16)) >>> 0;
    };
    const mix = (x: number, y: number): number => {
      const r = (Math.imul(MIX_L, x) - Math.imul(MIX_R, y)) | 0;
      return (r ^ (r >>> 16)) >>> 0;
    };
    for (let i = 0; i < POOL_SIZE; i++) pool[i] = hashmix(i < words.length ? words[i] : 0);
    for (let src = 0; src < POOL_SIZE; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) {
        if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src]));
      }
    }
    for (let src = POOL_SIZE; src < words.length; src++) {
      for (let dst = 0; dst < POOL_SIZE; dst++) pool[dst] = mix(pool[dst], hashmix(words[src]));
    }
  }

  /**
   * numpy's `generate_state(n64, np.uint64)` as 2·n64 uint32 words in little-endian pairs:
   * uint64 word i = out[2i] + out[2i+1]·2^32. (The same array is `generate_state(2·n64)` in uint32.)
   */
  generateState(n64: number): Uint32Array {
    if (!Number.isSafeInteger(n64) || n64 < 0) {
      throw new Error(`SeedSequence.generateState: n64 must be a non-negative integer, got ${n64}`);
    }
    const out = new Uint32Array(2 * n64);
    let h = INIT_B;
    for (let i = 0; i < out.length; i++) {
      let v = this.pool[i % POOL_SIZE] ^ h;
      h = Math.imul(h, MULT_B);
      v = Math.imul(v, h);
      out[i] = v ^ (v >>> 16);
    }
    return out;
  }

  /** numpy's `spawn(n)`: children keyed spawnKey + [i] for the next n indices. */
  spawn(n: number): SeedSequence[] {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new Error(`SeedSequence.spawn: n must be a non-negative integer, got ${n}`);
    }
    const children: SeedSequence[] = [];
    for (let i = this.nChildrenSpawned; i < this.nChildrenSpawned + n; i++) {
      children.push(new SeedSequence(this.entropy, { spawnKey: [...this.spawnKey, i] }));
    }
    this.nChildrenSpawned += n;
    return children;
  }
}
