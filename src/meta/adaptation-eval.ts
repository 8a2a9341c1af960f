/**
 * Held-out evaluation that shows adaptation: the mean return after 0, 1, ..., S inner steps
 * (S = max(3, K), whatever K training used), with actions sampled and greedy (argmax, or the
 * Gaussian's mean), the outcome rates where the env reports outcomes, and the swap test after K
 * steps (swap-test.ts).
 *
 * Task j adapts from theta on fresh batches of its own data, sampled with the current iterate
 * (inner rate alpha, or Meta-SGD's alpha_vec), as in training. Every iterate of task j, and the
 * swap test's foreign policy, is scored on the same evaluation episodes: the same env seeds and
 * (sampled mode) the same action stream, recreated for each score. The curve over k and the swap
 * gap therefore differ only by the parameters, not by the luck of the draw. Its streams live under
 * evalSeed's [8, j] (adaptation batches [8, j, 0], evaluation episodes [8, j, 1]), apart from
 * training's and from `MetaTrainer.evaluate()`'s, which this leaves as it was.
 *
 * On a config's held-out tasks it splits into jobs, each a function of the config, the policy and
 * one task only: task j's share (taskAdaptation), then the swap test's job of task j on its
 * partner's adapted policy (runSwapJob). They can run on any thread; combineAdaptation sums them
 * in task order, so the bits are those of one loop.
 */
import type { Env } from '../envs/env.js';
import type { TaskFamily, TaskParams } from '../envs/task-family.js';
import type { VectorEnv } from '../envs/vector-env.js';
import type { MlpLayout } from '../nn/mlp.js';
import { sgdStepInto } from '../nn/optimizers.js';
import type { PolicyBatch } from '../nn/reinforce.js';
import { evaluatePolicy } from '../rl/evaluate.js';
import { countsOutcomes, evaluateOutcomes } from '../rl/outcomes.js';
import type { MetaConfig } from './config.js';
import { CostMeter } from './costs.js';
import { lossAndGrad } from './inner-loop.js';
import type { SurrogatePrograms } from './programs.js';
import { STREAM, type TaskSampler, TaskStreams, heldOutTasks, seedSequence } from './sampling.js';
import { type SwapScore, swapPartner, swapTest } from './swap-test.js';

/** The fewest inner steps the evaluation adapts, whatever K training used. */
export const MIN_EVAL_STEPS = 3;

export function evaluationSteps(innerSteps: number): number {
  return Math.max(MIN_EVAL_STEPS, innerSteps);
}

/** How a policy acts when evaluated: sampling its distribution, or greedily. */
export type ActionMode = 'sampled' | 'greedy';

const MODES: readonly ActionMode[] = ['sampled', 'greedy'];

/** A policy's mean return, with its outcome rates where the env reports outcomes. */
export interface PolicyScore {
  readonly meanReturn: number;
  /** Fraction of the episodes ending in each outcome, 'none' for those cut by the time limit; null where the env reports none. */
  readonly outcomes: Readonly<Record<string, number>> | null;
}

/** Returns (and outcome rates) after each number of inner steps, in one action mode. */
export interface ModeCurve {
  /** Index k = 0..steps: the mean over the held-out tasks of the return after k inner steps. */
  returns: number[];
  /** Envs with outcomes: index k, the outcome rates over every task's episodes. */
  outcomes?: Record<string, number>[];
}

/** Adaptation on held-out tasks over 0 to S inner steps, sampled and greedy, with the swap test. */
export interface AdaptationEvaluation {
  /** S, the inner steps evaluated: max(3, K). */
  steps: number;
  sampled: ModeCurve;
  greedy: ModeCurve;
  /** After K inner steps, per action mode; null with fewer than two held-out tasks. */
  swap: { steps: number; sampled: SwapScore; greedy: SwapScore } | null;
}

/** What the evaluation needs of a policy and its tasks (the held-out tasks of a config, or a constructed case). */
export interface AdaptationProblem {
  readonly tasks: number;
  /** S. */
  readonly steps: number;
  /** K <= S, where the swap test is taken. */
  readonly swapSteps: number;
  /** theta_0 = theta, ..., theta_S: task j's iterates, adapting on its own data. */
  adapt(task: number): readonly Float64Array[];
  /** `params` on task j's evaluation episodes (the same episodes at every call for the same task and mode). */
  score(task: number, mode: ActionMode, params: Float64Array): PolicyScore;
}

/** Task j's share of the assessment: its iterates' scores at steps 0..S per action mode, and its iterate after swapSteps. */
export interface TaskAdaptation {
  readonly scores: Readonly<Record<ActionMode, readonly PolicyScore[]>>;
  readonly adapted: Float64Array;
}

/** Per action mode, the return on a task of the policy adapted on its swap partner's data (swap-test.ts). */
export type SwapReturns = Readonly<Record<ActionMode, number>>;

/** Scores task j's iterates theta_0..theta_S, step by step, each in both action modes. */
export function scoreIterates(task: number, iterates: readonly Float64Array[], score: (mode: ActionMode, params: Float64Array) => PolicyScore, steps: number, swapSteps: number): TaskAdaptation {
  if (iterates.length !== steps + 1) throw new Error(`assessAdaptation: task ${task} has ${iterates.length} iterates, expected ${steps + 1}`);
  const scores: Record<ActionMode, PolicyScore[]> = { sampled: [], greedy: [] };
  for (let k = 0; k <= steps; k++) for (const mode of MODES) scores[mode].push(score(mode, iterates[k]));
  return { scores, adapted: iterates[swapSteps] };
}

/** `params` (the partner's adapted policy) on a task's evaluation episodes, in both action modes. */
export function swapReturns(score: (mode: ActionMode, params: Float64Array) => PolicyScore, params: Float64Array): SwapReturns {
  return { sampled: score('sampled', params).meanReturn, greedy: score('greedy', params).meanReturn };
}

/**
 * The tasks' shares summed in task order into the curves and the swap test; `swaps[j]` is task j's
 * returns with its swap partner's policy (none with fewer than two tasks).
 */
export function combineAdaptation(steps: number, swapSteps: number, perTask: readonly TaskAdaptation[], swaps: readonly SwapReturns[]): AdaptationEvaluation {
  const tasks = perTask.length;
  const returns = { sampled: new Array<number>(steps + 1).fill(0), greedy: new Array<number>(steps + 1).fill(0) };
  const rates: Record<ActionMode, Map<string, number>[] | null> = { sampled: null, greedy: null };
  const own: Record<ActionMode, number[]> = { sampled: [], greedy: [] };
  for (let j = 0; j < tasks; j++) {
    for (let k = 0; k <= steps; k++) {
      for (const mode of MODES) {
        const s = perTask[j].scores[mode][k];
        returns[mode][k] += s.meanReturn;
        if (k === swapSteps) own[mode].push(s.meanReturn);
        if (s.outcomes === null) continue;
        const byStep = (rates[mode] ??= Array.from({ length: steps + 1 }, () => new Map<string, number>()));
        for (const [outcome, rate] of Object.entries(s.outcomes)) byStep[k].set(outcome, (byStep[k].get(outcome) ?? 0) + rate);
      }
    }
  }
  const curve = (mode: ActionMode): ModeCurve => {
    const out: ModeCurve = { returns: returns[mode].map((r) => r / tasks) };
    const byStep = rates[mode];
    if (byStep !== null) out.outcomes = byStep.map((m) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v / tasks])));
    return out;
  };
  const swapped = (mode: ActionMode) => swapTest(tasks, (j, i) => (i === j ? own[mode][j] : swaps[j][mode]));
  const sampled = swapped('sampled');
  const greedy = swapped('greedy');
  return { steps, sampled: curve('sampled'), greedy: curve('greedy'), swap: sampled === null || greedy === null ? null : { steps: swapSteps, sampled, greedy } };
}

export function assessAdaptation(p: AdaptationProblem): AdaptationEvaluation {
  const { tasks, steps, swapSteps } = p;
  if (!Number.isSafeInteger(swapSteps) || swapSteps < 0 || swapSteps > steps) throw new Error(`assessAdaptation: swapSteps is ${swapSteps}, expected an integer in [0, ${steps}]`);
  const scorer = (j: number) => (mode: ActionMode, params: Float64Array) => p.score(j, mode, params);
  const perTask = Array.from({ length: tasks }, (_, j) => scoreIterates(j, p.adapt(j), scorer(j), steps, swapSteps));
  const swaps = tasks < 2 ? [] : perTask.map((_, j) => swapReturns(scorer(j), perTask[swapPartner(j, tasks)].adapted));
  return combineAdaptation(steps, swapSteps, perTask, swaps);
}

/** What the evaluation on a config's held-out tasks needs beside the policy: the tasks' envs and samplers. */
export interface HeldOutContext {
  readonly config: MetaConfig;
  readonly layout: MlpLayout;
  readonly family: TaskFamily<TaskParams, Env<number, never>, unknown>;
  readonly sampler: (task: TaskParams, streams: TaskStreams) => TaskSampler;
  readonly programs?: SurrogatePrograms;
}

export interface HeldOutArgs extends HeldOutContext {
  /** The meta-parameters (read, never written) and Meta-SGD's alpha_vec (else null: innerLr). */
  readonly theta: Float64Array;
  readonly alpha: Float64Array | null;
}

/** The swap test's share of task j: its evaluation episodes played by `params`, its swap partner's adapted policy. */
export interface SwapJob {
  readonly taskIndex: number;
  readonly task: TaskParams;
  readonly params: Float64Array;
}

/** Task j's adaptation batches come from stream [8, j, 0]. */
function adaptationSampler(a: HeldOutContext, j: number, task: TaskParams): TaskSampler {
  return a.sampler(task, new TaskStreams(seedSequence(a.config.evalSeed, STREAM.evalAdaptation, j, 0)));
}

/**
 * Scores a policy on task j's evaluation episodes (stream [8, j, 1], recreated at each call);
 * `venv` gives one of the task's vector envs (each rollout resets it from its seed), asked for only
 * where the env reports no outcomes.
 */
function episodeScorer(a: HeldOutContext, j: number, task: TaskParams, venv: () => VectorEnv<unknown>): (mode: ActionMode, params: Float64Array) => PolicyScore {
  const c = a.config;
  const withOutcomes = countsOutcomes(c.env, a.layout);
  return (mode, params) => {
    const streams = new TaskStreams(seedSequence(c.evalSeed, STREAM.evalAdaptation, j, 1));
    const seed = streams.nextEnvSeed();
    const rng = mode === 'sampled' ? streams.actions : undefined;
    if (withOutcomes) {
      const r = evaluateOutcomes(a.family.makeEnv(task), a.layout, params, { episodes: c.evalEpisodes, seed, rng });
      return { meanReturn: r.meanReturn, outcomes: { ...r.rates, none: r.noOutcomeRate } };
    }
    return { meanReturn: evaluatePolicy(venv(), a.layout, params, { episodes: c.evalEpisodes, seed, rng }).meanReturn, outcomes: null };
  };
}

/** Held-out task j's share: S inner steps from theta on its own batches, every iterate scored. */
export function taskAdaptation(a: HeldOutArgs, j: number, task: TaskParams): TaskAdaptation {
  const c = a.config;
  const steps = evaluationSteps(c.innerSteps);
  const rate = a.alpha ?? c.innerLr;
  const scratch = new CostMeter(() => 0);
  const sampler = adaptationSampler(a, j, task);
  const iterates: Float64Array[] = [Float64Array.from(a.theta)];
  for (let k = 0; k < steps; k++) {
    const current = iterates[k];
    const { batch } = sampler.sample(current, c.evalEpisodes, null);
    const { grad } = lossAndGrad(a.layout, current, batch as PolicyBatch, scratch, a.programs);
    iterates.push(sgdStepInto(new Float64Array(current.length), current, rate, grad));
  }
  return scoreIterates(j, iterates, episodeScorer(a, j, task, () => sampler.venv), steps, c.innerSteps);
}

/** The swap test's jobs: each task's episodes with its partner's adapted policy; none for fewer than two tasks. */
export function swapJobs(tasks: readonly TaskParams[], perTask: readonly TaskAdaptation[]): SwapJob[] {
  if (tasks.length < 2) return [];
  return tasks.map((task, j) => ({ taskIndex: j, task, params: perTask[swapPartner(j, tasks.length)].adapted }));
}

/**
 * A swap job's returns, on a vector env of its own where the env reports no outcomes (a fresh one,
 * made once: its rollouts reset it from their seeds).
 */
export function runSwapJob(a: HeldOutContext, job: SwapJob): SwapReturns {
  let venv: VectorEnv<unknown> | undefined;
  const ownVenv = (): VectorEnv<unknown> => (venv ??= adaptationSampler(a, job.taskIndex, job.task).venv);
  return swapReturns(episodeScorer(a, job.taskIndex, job.task, ownVenv), job.params);
}

/** The evaluation on the config's held-out tasks (the tasks of `MetaTrainer.evaluate()`), task by task in this realm. */
export function heldOutAdaptation(a: HeldOutArgs): AdaptationEvaluation {
  const c = a.config;
  const tasks = heldOutTasks(a.family, c.evalSeed, c.evalTasks);
  const perTask = tasks.map((task, j) => taskAdaptation(a, j, task));
  return combineAdaptation(evaluationSteps(c.innerSteps), c.innerSteps, perTask, swapJobs(tasks, perTask).map((job) => runSwapJob(a, job)));
}
