/**
 * One held-out task's share of `MetaTrainer.evaluate()`, as a pure job: K inner steps from theta
 * on the task's evaluation batches (stream [5, j] under evalSeed), the return before each, the
 * adapted policy's outcome counts where the env reports outcomes, and with `adaptation` the task's
 * share of the adaptation evaluation (adaptation-eval.ts, its own streams). A job depends only on
 * the config, theta (and alpha_vec), the task and its index, so jobs can run on any thread and
 * their outcomes, summed in task order (held-out-eval.ts), give the bits of one loop.
 */
import type { TaskParams } from '../envs/task-family.js';
import { sgdStepInto } from '../nn/optimizers.js';
import { countsOutcomes, evaluateOutcomes } from '../rl/outcomes.js';
import { type HeldOutContext, type SwapJob, type SwapReturns, type TaskAdaptation, runSwapJob, taskAdaptation } from './adaptation-eval.js';
import { CostMeter } from './costs.js';
import { lossAndGrad } from './inner-loop.js';
import { STREAM, TaskStreams, seedSequence } from './sampling.js';
import type { TaskRunner } from './task-runner.js';

export interface HeldOutJob {
  /** 0-based position among the held-out tasks: keys the task's streams. */
  readonly taskIndex: number;
  readonly task: TaskParams;
  /** The meta-parameters the task adapts from, and Meta-SGD's alpha_vec (else null: innerLr). */
  readonly theta: Float64Array;
  readonly alpha: Float64Array | null;
  /** Also the task's share of the adaptation evaluation. */
  readonly adaptation: boolean;
}

/** How the adapted policy's episodes ended: counts by outcome, and 'none' (cut by the time limit). */
export interface OutcomeCounts {
  readonly counts: Readonly<Record<string, number>>;
  readonly none: number;
}

export interface HeldOutOutcome {
  /** Index k = 0..K: the mean return of the batch sampled after k inner steps. */
  readonly returns: readonly number[];
  /** Envs that report outcomes: the adapted policy's evalEpisodes more episodes; else null. */
  readonly outcomes: OutcomeCounts | null;
  /** With job.adaptation, the task's share of the adaptation evaluation; else null. */
  readonly adaptation: TaskAdaptation | null;
}

/** The runner's config, policy, samplers and programs, as the adaptation evaluation takes them. */
function heldOutContext(runner: TaskRunner): HeldOutContext {
  return { config: runner.config, layout: runner.layout, family: runner.family, sampler: (task, streams) => runner.sampler(task, streams), programs: runner.surrogatePrograms };
}

export function runHeldOutTask(runner: TaskRunner, job: HeldOutJob): HeldOutOutcome {
  const c = runner.config;
  const layout = runner.layout;
  const K = c.innerSteps;
  const scratch = new CostMeter(() => 0); // evaluation is not timed, and reads no clock
  const sampler = runner.sampler(job.task, new TaskStreams(seedSequence(c.evalSeed, STREAM.evalTask, job.taskIndex)));
  const returns: number[] = [];
  let current: Float64Array = Float64Array.from(job.theta);
  for (let k = 0; k <= K; k++) {
    const sampled = sampler.sample(current, c.evalEpisodes, null, k < K);
    returns.push(sampled.meanReturn);
    if (k === K || sampled.batch === null) continue;
    const { grad } = lossAndGrad(layout, current, sampled.batch, scratch, runner.surrogatePrograms);
    current = sgdStepInto(new Float64Array(layout.size), current, job.alpha ?? c.innerLr, grad);
  }
  let outcomes: OutcomeCounts | null = null;
  if (countsOutcomes(c.env, layout)) {
    const streams = sampler.streams;
    const r = evaluateOutcomes(runner.family.makeEnv(job.task), layout, current, { episodes: c.evalEpisodes, seed: streams.nextEnvSeed(), rng: streams.actions });
    outcomes = { counts: r.counts, none: Math.round(r.noOutcomeRate * r.episodes) };
  }
  const adaptation = job.adaptation ? taskAdaptation({ ...heldOutContext(runner), theta: job.theta, alpha: job.alpha }, job.taskIndex, job.task) : null;
  return { returns, outcomes, adaptation };
}

/** A swap test's job (adaptation-eval.ts) on the runner's envs and policy. */
export function runHeldOutSwap(runner: TaskRunner, job: SwapJob): SwapReturns {
  return runSwapJob(heldOutContext(runner), job);
}
