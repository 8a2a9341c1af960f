/**
 * Gymnasium's environment contract in camelCase. Observations are Float64Arrays holding
 * float32-rounded values (Math.fround): Gymnasium returns float32 arrays, and widening them to
 * float64 keeps them exact while the rest of the library computes in float64.
 */

/** Continuous box, Gymnasium's `Box(low, high, shape, dtype)`; float32 bounds are float32-rounded. */
export interface BoxSpace {
  readonly kind: 'box';
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'float64';
}

/** Gymnasium's `Discrete(n)`: actions 0..n-1. */
export interface DiscreteSpace {
  readonly kind: 'discrete';
  readonly n: number;
}

/** An observation or action space: a box of reals or a set of discrete actions. */
export type Space = BoxSpace | DiscreteSpace;

/** Per-step diagnostics; the envs here return a shared frozen empty object, as Gymnasium's `{}`. */
export type Info = Readonly<Record<string, unknown>>;

/** The frozen empty `info` for environments that report nothing beside the step. */
export const EMPTY_INFO: Info = Object.freeze({});

/** What `Env.reset` takes: a seed for the environment's generator and env-specific options. */
export interface ResetArgs<Options = Record<string, unknown>> {
  /** Non-negative integer: reseeds the env's PCG64 exactly as Gymnasium's `reset(seed=...)`. */
  seed?: number | bigint;
  options?: Options;
}

/** What `Env.reset` returns: the first observation and its info. */
export interface ResetResult {
  obs: Float64Array;
  info: Info;
}

/** What `Env.step` returns: observation, reward, whether the episode terminated or was truncated, and info. */
export interface StepResult {
  obs: Float64Array;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Info;
}

/** A Gymnasium-style environment: `reset` then `step` until terminated or truncated. */
export interface Env<Action = number, Options = Record<string, unknown>> {
  readonly observationSpace: BoxSpace;
  readonly actionSpace: Space;
  /** Step count at which `truncated` turns true (Gymnasium's TimeLimit); Infinity for none. */
  readonly maxEpisodeSteps: number;
  /** Starts an episode; a seed makes it reproducible. */
  reset(args?: ResetArgs<Options>): ResetResult;
  /** Applies an action and returns what followed. */
  step(action: Action): StepResult;
}

/** A Box from float64 bounds; float32 (the default) rounds them like numpy's float32 cast. */
export function boxSpace(low: readonly number[], high: readonly number[], dtype: 'float32' | 'float64' = 'float32'): BoxSpace {
  if (low.length !== high.length) {
    throw new Error(`boxSpace: low and high must have the same length, got ${low.length} and ${high.length}`);
  }
  return Object.freeze({
    kind: 'box',
    low: dtype === 'float32' ? Float64Array.from(low, Math.fround) : Float64Array.from(low),
    high: dtype === 'float32' ? Float64Array.from(high, Math.fround) : Float64Array.from(high),
    shape: Object.freeze([low.length]),
    dtype,
  });
}

/** The space of n discrete actions 0 … n-1. */
export function discreteSpace(n: number): DiscreteSpace {
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`discreteSpace: n must be a positive integer, got ${n}`);
  return Object.freeze({ kind: 'discrete', n });
}

/**
 * Gymnasium's TimeLimit wrapper as a counter the envs embed: `tick()` counts one step since
 * `reset()` and reports truncation once the count reaches the limit (and on every later step,
 * as the wrapper does). It does not stop the episode; terminated may be true on the same step.
 */
export class TimeLimit {
  private elapsed = 0;

  constructor(readonly maxEpisodeSteps: number) {
    if (!(maxEpisodeSteps === Infinity || (Number.isSafeInteger(maxEpisodeSteps) && maxEpisodeSteps > 0))) {
      throw new Error(`TimeLimit: maxEpisodeSteps must be a positive integer or Infinity, got ${maxEpisodeSteps}`);
    }
  }

  /** Steps counted since the last reset. */
  get elapsedSteps(): number {
    return this.elapsed;
  }

  /** Restarts the step count of a new episode. */
  reset(): void {
    this.elapsed = 0;
  }

  /** Counts one step; true when the episode reaches its step limit and is to be truncated. */
  tick(): boolean {
    return ++this.elapsed >= this.maxEpisodeSteps;
  }
}
