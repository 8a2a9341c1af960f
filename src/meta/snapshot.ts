/**
 * The trainer's snapshot: everything a bit-identical resume needs, as plain JSON with a content
 * checksum, and its reading back. Reading checks every field and names the first broken one; the
 * checksum is checked last, so that a broken field is reported by name rather than as a mismatch.
 */
import { type Check, FINITE_NUMBER, type Fail, NON_NEGATIVE_NUMBER, arrayOf, checked, integerIn, plainObject } from '../validation/schema.js';
import { badValue, isPlainObject } from '../validation/values.js';
import { Adam, type AdamState, type Sgd, type SgdState } from '../nn/optimizers.js';
import type { PCG64, PCG64State } from '../rng/pcg64.js';
import { contentChecksum } from './checksum.js';
import { ConfigError, type MetaConfig, resolveConfig } from './config.js';
import type { IterationLog } from './trainer.js';

/** A MetaTrainer's full state as plain JSON, from which `MetaTrainer.restore` continues bit-identically. */
export interface TrainerSnapshot {
  version: 1;
  config: MetaConfig;
  /** Meta-iterations done. */
  iteration: number;
  params: number[];
  /** Meta-SGD's learned rates, else null. */
  alphaVec: number[] | null;
  /** Outer optimiser states: theta's, and alpha_vec's (Meta-SGD) or null; both null with TRPO, which keeps none. */
  optimizer: { theta: AdamState | SgdState | null; alpha: AdamState | SgdState | null };
  /** The task stream's state (the only stream with state across iterations). */
  rng: { tasks: PCG64State };
  totals: IterationLog['totals'];
  /** contentChecksum of every other field: restore refuses a snapshot edited or corrupted since. */
  checksum: string;
}

/** The trainer's live state a snapshot holds: restoring writes into these objects. */
export interface TrainerState {
  readonly config: MetaConfig;
  readonly theta: Float64Array;
  readonly alpha: Float64Array | null;
  readonly optimizer: Adam | Sgd | null;
  readonly alphaOptimizer: Adam | Sgd | null;
  readonly taskRng: PCG64;
}

export function takeSnapshot(state: TrainerState, iteration: number, totals: IterationLog['totals']): TrainerSnapshot {
  const content: Omit<TrainerSnapshot, 'checksum'> = {
    version: 1,
    config: JSON.parse(JSON.stringify(state.config)) as MetaConfig,
    iteration,
    params: Array.from(state.theta),
    alphaVec: state.alpha === null ? null : Array.from(state.alpha),
    optimizer: { theta: state.optimizer === null ? null : state.optimizer.getState(), alpha: state.alphaOptimizer === null ? null : state.alphaOptimizer.getState() },
    rng: { tasks: state.taskRng.getState() },
    totals: { ...totals },
  };
  return { ...content, checksum: contentChecksum(content) };
}

/** The snapshot's config, resolved: what the trainer to restore into is built from. */
export function snapshotConfig(snapshot: unknown): MetaConfig {
  const s = read(plainObject('an object (a MetaTrainer snapshot)'), snapshot, 'snapshot');
  if (s.version !== 1) bad('snapshot.version', s.version, '1');
  read(plainObject('an object (the MetaConfig of the run)'), s.config, 'snapshot.config');
  try {
    return resolveConfig(s.config);
  } catch (e) {
    if (e instanceof ConfigError) throw new Error(`snapshot.config${e.path === '' ? '' : `.${e.path}`}: ${e.message}`);
    throw e;
  }
}

/**
 * Writes the snapshot into `state` (built from snapshotConfig's config) and returns the iteration
 * and totals to resume from; throws on the first broken field, then on a checksum mismatch.
 */
export function restoreState(state: TrainerState, s: Record<string, unknown>): { iteration: number; totals: IterationLog['totals'] } {
  const { config } = state;
  const n = state.theta.length;
  const iteration = read(COUNT, s.iteration, 'snapshot.iteration');
  state.theta.set(numbers(s.params, 'snapshot.params', n));
  if (state.alpha === null) {
    if (s.alphaVec !== null) bad('snapshot.alphaVec', s.alphaVec, `null (${config.algo} learns no alpha_vec)`);
  } else {
    state.alpha.set(numbers(s.alphaVec, 'snapshot.alphaVec', n));
  }
  const opt = read(plainObject('an object { theta, alpha }'), s.optimizer, 'snapshot.optimizer');
  if (state.optimizer === null) {
    if (opt.theta !== null) bad('snapshot.optimizer.theta', opt.theta, 'null (outerOptimizer "trpo" keeps no state)');
  } else {
    setOptimizerState(state.optimizer, opt.theta, 'snapshot.optimizer.theta');
  }
  if (state.alphaOptimizer === null) {
    if (opt.alpha !== null) bad('snapshot.optimizer.alpha', opt.alpha, `null (${config.algo} learns no alpha_vec)`);
  } else {
    setOptimizerState(state.alphaOptimizer, opt.alpha, 'snapshot.optimizer.alpha');
  }
  const rng = read(plainObject('an object { tasks }'), s.rng, 'snapshot.rng');
  try {
    state.taskRng.setState(rng.tasks as PCG64State);
  } catch (e) {
    throw new Error(`snapshot.rng.tasks: ${(e as Error).message}`);
  }
  const totalsIn = read(plainObject('an object { envSteps, gradientEvaluations, hvps, seconds }'), s.totals, 'snapshot.totals');
  const count = (key: 'envSteps' | 'gradientEvaluations' | 'hvps'): number => read(COUNT, totalsIn[key], `snapshot.totals.${key}`);
  const envSteps = count('envSteps');
  const gradientEvaluations = count('gradientEvaluations');
  const hvps = count('hvps');
  const seconds = read(checked(NON_NEGATIVE_NUMBER), totalsIn.seconds, 'snapshot.totals.seconds');
  const cpuSeconds = totalsIn.cpuSeconds === undefined ? undefined : read(checked(NON_NEGATIVE_NUMBER), totalsIn.cpuSeconds, 'snapshot.totals.cpuSeconds');
  verifyChecksum(s);
  return { iteration, totals: { envSteps, gradientEvaluations, hvps, seconds, ...(cpuSeconds === undefined ? {} : { cpuSeconds }) } };
}

/** Checked last, so that a broken field is reported by name rather than as a mismatch. */
function verifyChecksum(snapshot: Record<string, unknown>): void {
  const { checksum, ...content } = snapshot;
  if (typeof checksum !== 'string' || !/^fnv1a64:[0-9a-f]{16}$/.test(checksum)) {
    bad('snapshot.checksum', checksum, '"fnv1a64:" and 16 hex digits (snapshots without a checksum are not accepted)');
  }
  const actual = contentChecksum(content);
  if (actual !== checksum) throw new Error(`snapshot.checksum: mismatch (the checkpoint was edited or corrupted): expected ${checksum}, got ${actual}`);
}

/** A snapshot's problems are plain Errors: `PATH is VALUE, expected WHAT`. */
const snapshotFail: Fail = (path, value, expected) => {
  throw new Error(badValue(path, value, expected));
};

function bad(path: string, value: unknown, expected: string): never {
  return snapshotFail(path, value, expected);
}

function read<T>(check: Check<T>, value: unknown, path: string): T {
  return check(value, path, snapshotFail);
}

const COUNT = checked(integerIn(0));

function numbers(value: unknown, path: string, size: number): number[] {
  return read(arrayOf(checked(FINITE_NUMBER), `an array of ${size} finite numbers`, { length: size }), value, path);
}

function setOptimizerState(opt: Adam | Sgd, state: unknown, path: string): void {
  const kind = opt instanceof Adam ? 'adam' : 'sgd';
  if (!isPlainObject(state) || (state as { kind?: unknown }).kind !== kind) bad(`${path}.kind`, isPlainObject(state) ? (state as { kind?: unknown }).kind : state, `"${kind}" (config.outerOptimizer)`);
  try {
    if (opt instanceof Adam) opt.setState(state as unknown as AdamState);
    else opt.setState(state as unknown as SgdState);
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}
