/**
 * The trainer's snapshot: everything a bit-identical resume needs, as plain JSON with a content
 * checksum, and its reading back. Reading checks every field and names the first broken one; the
 * checksum is checked last, so that a broken field is reported by name rather than as a mismatch.
 */
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
  const s = field(snapshot, 'snapshot', isPlainObject, 'an object (a MetaTrainer snapshot)') as Record<string, unknown>;
  if (s.version !== 1) bad('snapshot.version', s.version, '1');
  field(s.config, 'snapshot.config', isPlainObject, 'an object (the MetaConfig of the run)');
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
  const iteration = field(s.iteration, 'snapshot.iteration', (v) => Number.isSafeInteger(v) && (v as number) >= 0, 'a non-negative integer') as number;
  state.theta.set(numbers(s.params, 'snapshot.params', n));
  if (state.alpha === null) {
    if (s.alphaVec !== null) bad('snapshot.alphaVec', s.alphaVec, `null (${config.algo} learns no alpha_vec)`);
  } else {
    state.alpha.set(numbers(s.alphaVec, 'snapshot.alphaVec', n));
  }
  const opt = field(s.optimizer, 'snapshot.optimizer', isPlainObject, 'an object { theta, alpha }') as Record<string, unknown>;
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
  const rng = field(s.rng, 'snapshot.rng', isPlainObject, 'an object { tasks }') as Record<string, unknown>;
  try {
    state.taskRng.setState(rng.tasks as PCG64State);
  } catch (e) {
    throw new Error(`snapshot.rng.tasks: ${(e as Error).message}`);
  }
  const totalsIn = field(s.totals, 'snapshot.totals', isPlainObject, 'an object { envSteps, gradientEvaluations, hvps, seconds }') as Record<string, unknown>;
  const count = (key: 'envSteps' | 'gradientEvaluations' | 'hvps'): number =>
    field(totalsIn[key], `snapshot.totals.${key}`, (v) => Number.isSafeInteger(v) && (v as number) >= 0, 'a non-negative integer') as number;
  const envSteps = count('envSteps');
  const gradientEvaluations = count('gradientEvaluations');
  const hvps = count('hvps');
  const seconds = field(totalsIn.seconds, 'snapshot.totals.seconds', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a non-negative finite number') as number;
  const cpuSeconds = totalsIn.cpuSeconds === undefined ? undefined
    : field(totalsIn.cpuSeconds, 'snapshot.totals.cpuSeconds', (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a non-negative finite number') as number;
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

function bad(path: string, value: unknown, expected: string): never {
  throw new Error(badValue(path, value, expected));
}

function field(value: unknown, path: string, ok: (v: unknown) => boolean, expected: string): unknown {
  return ok(value) ? value : bad(path, value, expected);
}

function numbers(value: unknown, path: string, size: number): number[] {
  if (!Array.isArray(value) || value.length !== size) bad(path, value, `an array of ${size} finite numbers`);
  for (let i = 0; i < size; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) bad(`${path}[${i}]`, x, 'a finite number');
  }
  return value as number[];
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
