import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { MetaConfig } from '../meta/config.js';
import { type EvaluationResult, type IterationLog, MetaTrainer } from '../meta/trainer.js';
import { Progress } from './progress.js';
import { RunDir } from './run-dir.js';

/** One training run of `compare`: a config and the folder its log and checkpoint go to. */
export interface TrainJob {
  readonly config: MetaConfig;
  readonly dir: string;
}

export interface RunResult {
  readonly config: MetaConfig;
  readonly log: IterationLog[];
  readonly evaluation: EvaluationResult;
}

/**
 * Steps the trainer to `iterations`, recording each iteration in `dir` (log, then checkpoint)
 * and reporting progress, then evaluates on held-out tasks and saves that too.
 */
export function trainAndEvaluate(trainer: MetaTrainer, dir: RunDir, iterations: number, label: string): EvaluationResult {
  const start = trainer.iteration;
  const progress = new Progress(label, iterations);
  while (trainer.iteration < iterations) {
    const entry = trainer.step();
    dir.record(entry, trainer);
    progress.update(entry, start);
  }
  progress.end();
  const evaluation = trainer.evaluate();
  dir.writeEvaluation(evaluation);
  return evaluation;
}

/** One compare job from scratch. */
export function trainRun(job: TrainJob): RunResult {
  const dir = new RunDir(job.dir);
  const evaluation = trainAndEvaluate(new MetaTrainer(job.config), dir, job.config.iterations, `${job.config.algo} seed ${job.config.seed}`);
  return { config: job.config, log: dir.log, evaluation };
}

/** True inside a worker started by runInWorkers: the CLI entry then serves jobs instead of argv. */
export function isTrainWorker(): boolean {
  return !isMainThread && (workerData as { trainJobs?: unknown } | null)?.trainJobs === true;
}

/** The worker side: run each job the main thread posts, post back its result. */
export function serveTrainJobs(): void {
  parentPort?.on('message', (job: TrainJob) => {
    try {
      parentPort?.postMessage({ result: trainRun(job) });
    } catch (e) {
      parentPort?.postMessage({ error: (e as Error).message });
    }
  });
}

/**
 * Runs independent jobs on up to `workers` threads of this same script (each run is
 * single-threaded and deterministic, so results equal a sequential run). Results keep job order.
 */
export function runInWorkers(jobs: readonly TrainJob[], workers: number, script: URL): Promise<RunResult[]> {
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(script, { workerData: { trainJobs: true } }));
  return new Promise((resolve, reject) => {
    let finished = 0;
    const feed = (w: Worker): void => {
      if (next >= jobs.length) {
        void w.terminate();
        return;
      }
      const index = next++;
      w.once('message', (m: { result?: RunResult; error?: string }) => {
        if (m.error !== undefined || m.result === undefined) {
          pool.forEach((p) => void p.terminate());
          reject(new Error(m.error ?? 'a training worker returned nothing'));
          return;
        }
        results[index] = m.result;
        if (++finished === jobs.length) resolve(results);
        feed(w);
      });
      w.postMessage(jobs[index]);
    };
    for (const w of pool) {
      w.once('error', reject);
      feed(w);
    }
  });
}
