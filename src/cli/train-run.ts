import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FileError, type FileSystem, nodeFileSystem } from '../io/file-system.js';
import type { MetaConfig } from '../meta/config.js';
import { type EvaluationResult, type IterationLog, MetaTrainer } from '../meta/trainer.js';
import type { TaskPool } from '../meta/task-runner.js';
import { UsageError } from './args.js';
import { firstDifference } from './config-difference.js';
import { Progress } from './progress.js';
import { InterruptedError, interruptFlag, interruptSignal, useInterruptFlag } from './interrupt.js';
import { RunDir, readCheckpoint } from './run-dir.js';
import { RunLockedError, withRunLock } from './run-lock.js';
import { ensureWritableDirectory } from '../io/directories.js';
import { runMeasures } from './run-measures.js';
import { threadPool } from './thread-pool.js';

/**
 * One training run of a grid (`compare`'s or `experiment`'s): a config and the folder its log and
 * checkpoint go to. With `resume`, a run the folder already holds is continued (or, finished, only read back).
 */
export interface TrainJob {
  readonly config: MetaConfig;
  readonly dir: string;
  readonly resume: boolean;
  /** A folder another writer holds is passed over (its result null) instead of an error. */
  readonly skipLocked?: boolean;
}

export interface RunResult {
  readonly config: MetaConfig;
  readonly log: IterationLog[];
  readonly evaluation: EvaluationResult;
}

/**
 * Steps the trainer to `iterations` (its tasks on `pool` when given: the same bits), recording each
 * iteration in `dir` (log, then checkpoint) and reporting progress, then evaluates on held-out
 * tasks (on `pool` too) and saves that too.
 */
export async function trainAndEvaluate(trainer: MetaTrainer, dir: RunDir, iterations: number, label: string, pool?: TaskPool): Promise<EvaluationResult> {
  const start = trainer.iteration;
  const progress = new Progress(label, iterations);
  while (trainer.iteration < iterations) {
    if (interruptSignal() !== 0) throw new InterruptedError(trainer.iteration, dir.path);
    const entry = pool === undefined ? trainer.step() : await trainer.stepOn(pool);
    dir.record(entry, trainer);
    progress.update(entry, start);
    // A signal's handler runs only when the event loop does.
    if (isMainThread) await new Promise((resolve) => setImmediate(resolve));
  }
  progress.end();
  if (interruptSignal() !== 0) throw new InterruptedError(trainer.iteration, dir.path);
  const evaluation = await finalEvaluation(trainer, pool);
  dir.writeEvaluation(evaluation);
  return evaluation;
}

/** The held-out evaluation eval.json holds (with the adaptation measures): on `pool` when given, the same bits. */
export async function finalEvaluation(trainer: MetaTrainer, pool?: TaskPool): Promise<EvaluationResult> {
  return pool === undefined ? trainer.evaluate({ adaptation: true }) : trainer.evaluateOn(pool, { adaptation: true });
}

/** Refuses a saved run a resumed job would continue that was trained with another config. */
function checkSameConfig(job: TrainJob, trainer: MetaTrainer): void {
  const difference = firstDifference(trainer.config, job.config);
  if (difference !== null) throw new UsageError(`${job.dir} holds a run of another config (${difference}); resume with the same options, or use another --out`);
}

/**
 * Before any work, in job order: every saved run a `--resume` would continue has a valid
 * checkpoint of the same config (so the first bad one is named, whichever worker would reach it first).
 */
export function checkResumable(jobs: readonly TrainJob[], fs: FileSystem = nodeFileSystem): void {
  for (const job of jobs) {
    if (job.resume && RunDir.holdsRun(job.dir, fs)) checkSameConfig(job, savedTrainer(job.dir, fs));
  }
}

/** The trainer a folder's checkpoint holds, read without opening the folder. */
export function savedTrainer(dir: string, fs: FileSystem = nodeFileSystem): MetaTrainer {
  return readCheckpoint(dir, fs).trainer;
}

/** A saved run a resumed job continues (or, finished, reads back). */
async function resumeRun(job: TrainJob, label: string, fs: FileSystem): Promise<RunResult> {
  const dir = RunDir.open(job.dir, fs);
  const trainer = dir.resume();
  checkSameConfig(job, trainer);
  const finished = trainer.iteration >= job.config.iterations ? dir.readEvaluation(job.config.innerSteps) : null;
  const evaluation = finished ?? (await trainAndEvaluate(trainer, dir, job.config.iterations, label));
  return { config: job.config, log: dir.log, evaluation };
}

/** One job: from scratch, or continuing the run its folder holds. */
export async function trainRun(job: TrainJob, fs: FileSystem = nodeFileSystem): Promise<RunResult | null> {
  ensureWritableDirectory(job.dir, fs);
  try {
    return await withRunLock(job.dir, () => trainRunLocked(job, fs));
  } catch (e) {
    if (job.skipLocked === true && e instanceof RunLockedError) return null;
    throw e;
  }
}

async function trainRunLocked(job: TrainJob, fs: FileSystem): Promise<RunResult> {
  const label = `${job.config.algo} seed ${job.config.seed}`;
  if (job.resume && RunDir.holdsRun(job.dir, fs)) return resumeRun(job, label, fs);
  const dir = RunDir.create(job.dir, fs);
  const evaluation = await trainAndEvaluate(new MetaTrainer(job.config, runMeasures()), dir, job.config.iterations, label);
  return { config: job.config, log: dir.log, evaluation };
}

/** A usage or file error exits 2, any other 1: the kind crosses the thread boundary with the message. */
type ErrorKind = 'usage' | 'file' | 'other';

/** What a worker posts back: a result, the failure, or where a signal stopped it. */
type WorkerReply = { result: RunResult | null } | { error: string; kind: ErrorKind } | { interrupted: number; dir: string };

function errorKind(e: unknown): ErrorKind {
  return e instanceof UsageError ? 'usage' : e instanceof FileError ? 'file' : 'other';
}

function rebuildError(reply: { error: string; kind: ErrorKind } | { interrupted: number; dir: string }): Error {
  if ('interrupted' in reply) return new InterruptedError(reply.interrupted, reply.dir);
  return reply.kind === 'usage' ? new UsageError(reply.error) : reply.kind === 'file' ? new FileError(reply.error) : new Error(reply.error);
}

/** True inside a worker started by runInWorkers: the CLI entry then serves jobs instead of argv. */
export function isTrainWorker(): boolean {
  return !isMainThread && (workerData as { trainJobs?: unknown } | null)?.trainJobs === true;
}

/** The workerData of a training worker: the main thread's interrupt flag. */
interface TrainWorkerData {
  readonly trainJobs: true;
  readonly interrupt: SharedArrayBuffer;
}

/** The worker side: run each job the main thread posts, post back its result. */
export function serveTrainJobs(): void {
  useInterruptFlag((workerData as TrainWorkerData).interrupt);
  parentPort?.on('message', async (job: TrainJob) => {
    let reply: WorkerReply;
    try {
      reply = { result: await trainRun(job) };
    } catch (e) {
      reply = e instanceof InterruptedError ? { interrupted: e.iteration, dir: e.dir } : { error: (e as Error).message, kind: errorKind(e) };
    }
    parentPort?.postMessage(reply);
  });
}

export interface RunInWorkersOptions {
  /** Called as each job ends (in any order), with its result (null: passed over, another writer holds it). */
  readonly onDone?: (index: number, result: RunResult | null) => void;
  /** Swallow the workers' stderr (each run's per-iteration progress), for a caller with its own progress line. */
  readonly quiet?: boolean;
}

/**
 * Runs independent jobs on up to `workers` threads of this same script (each run is
 * single-threaded and deterministic, so results equal a sequential run). Results keep job order;
 * the first failure stops every worker, a signal stops each after its write in progress.
 */
async function runInWorkers(jobs: readonly TrainJob[], workers: number, script: URL, options: RunInWorkersOptions = {}): Promise<(RunResult | null)[]> {
  if (jobs.length === 0) return [];
  const pool = threadPool<TrainJob, WorkerReply>(script, Math.min(workers, jobs.length), {
    name: 'a training worker',
    workerData: { trainJobs: true, interrupt: interruptFlag() } satisfies TrainWorkerData,
    quiet: options.quiet,
    failure: (reply) => ('result' in reply ? null : rebuildError(reply)),
  });
  try {
    return await pool.map(jobs, {
      request: (job) => job,
      result: (reply) => (reply as { result: RunResult | null }).result,
      onDone: options.onDone,
      letFinish: (e) => e instanceof InterruptedError,
    });
  } finally {
    await pool.close();
  }
}

export interface TrainJobsOptions extends RunInWorkersOptions {
  /** Runs trained at once. */
  readonly workers: number;
  /** The CLI's bundle, to start worker threads on; without it every run trains in this thread. */
  readonly script?: URL;
  readonly fs?: FileSystem;
}

/**
 * Trains `jobs` and gives their results in job order: on worker threads when the bundle is there
 * and several runs train at once or the runs' own progress lines are to be swallowed, else one
 * after another in this thread (where a test's file system reaches them).
 */
export async function trainJobs(jobs: readonly TrainJob[], options: TrainJobsOptions): Promise<(RunResult | null)[]> {
  const { script, workers, fs = nodeFileSystem } = options;
  if (script !== undefined && (workers > 1 || options.quiet === true)) return runInWorkers(jobs, workers, script, options);
  const results: (RunResult | null)[] = [];
  for (const [index, job] of jobs.entries()) {
    const result = await trainRun(job, fs);
    results.push(result);
    options.onDone?.(index, result);
  }
  return results;
}
