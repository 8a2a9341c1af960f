/**
 * The held-out evaluation from its per-task jobs (held-out-task.ts, and the swap test's of
 * adaptation-eval.ts): their outcomes summed in task order, whichever thread ran each.
 */
import type { TaskParams } from '../envs/task-family.js';
import { type AdaptationEvaluation, type SwapJob, type SwapReturns, type TaskAdaptation, combineAdaptation, evaluationSteps, swapJobs } from './adaptation-eval.js';
import type { MetaConfig } from './config.js';
import type { HeldOutJob, HeldOutOutcome } from './held-out-task.js';

/** Held-out evaluation: mean returns after 0 to K inner steps, outcomes where the env reports them. */
export interface EvaluationResult {
  /** The held-out tasks. */
  tasks: Record<string, number>[];
  /** Index k = mean return (over the held-out tasks) of the batch sampled after k inner steps, k = 0..K. */
  returns: number[];
  /**
   * For families that state the `outcomes` their step info reports (the intersection): the
   * fraction of episodes of the adapted policies (after K steps, evalEpisodes more per task)
   * ending in each outcome, and 'none' for those cut by the time limit. Drawn after the returns,
   * so they are unchanged.
   */
  outcomes?: Record<string, number>;
  /** evaluate({ adaptation: true }) only: 0..max(3, K) steps, sampled and greedy, the swap test (adaptation-eval.ts). */
  adaptation?: AdaptationEvaluation;
}

/**
 * Where a held-out evaluation's jobs run (a pool's threads); each resolves with one result per
 * job, in job order. `runHere` runs a job in the caller's realm, which the host may use too.
 */
export interface HeldOutHost {
  tasks(jobs: readonly HeldOutJob[], runHere?: (job: HeldOutJob) => HeldOutOutcome): Promise<HeldOutOutcome[]>;
  swaps(jobs: readonly SwapJob[], runHere?: (job: SwapJob) => SwapReturns): Promise<SwapReturns[]>;
}

/** The tasks' shares of the adaptation evaluation, or null when the jobs did not evaluate it. */
function adaptations(jobs: readonly HeldOutJob[], outcomes: readonly HeldOutOutcome[]): TaskAdaptation[] | null {
  if (jobs.length === 0 || !jobs[0].adaptation) return null;
  return outcomes.map((o, j) => {
    if (o.adaptation === null) throw new Error(`held-out task ${j}'s outcome has no adaptation evaluation, expected one`);
    return o.adaptation;
  });
}

/** The swap test's jobs on the tasks' adapted policies (none without the adaptation evaluation). */
export function heldOutSwapJobs(jobs: readonly HeldOutJob[], outcomes: readonly HeldOutOutcome[]): SwapJob[] {
  const perTask = adaptations(jobs, outcomes);
  return perTask === null ? [] : swapJobs(jobs.map((job) => job.task), perTask);
}

/** The jobs' outcomes (and the swap jobs' returns) summed in task order; outcome rates where the jobs counted outcomes. */
export function heldOutResult(config: MetaConfig, jobs: readonly HeldOutJob[], outcomes: readonly HeldOutOutcome[], swaps: readonly SwapReturns[]): EvaluationResult {
  const tasks: readonly TaskParams[] = jobs.map((job) => job.task);
  const returns = new Array<number>(config.innerSteps + 1).fill(0);
  const counted = outcomes.some((o) => o.outcomes !== null) ? new Map<string, number>() : null;
  for (const o of outcomes) {
    for (let k = 0; k <= config.innerSteps; k++) returns[k] += o.returns[k];
    if (counted === null || o.outcomes === null) continue;
    for (const [outcome, count] of Object.entries(o.outcomes.counts)) counted.set(outcome, (counted.get(outcome) ?? 0) + count);
    counted.set('none', (counted.get('none') ?? 0) + o.outcomes.none);
  }
  const result: EvaluationResult = { tasks: tasks.map((t) => ({ ...t })), returns: returns.map((r) => r / tasks.length) };
  if (counted !== null) {
    const total = tasks.length * config.evalEpisodes;
    result.outcomes = Object.fromEntries([...counted].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v / total]));
  }
  const perTask = adaptations(jobs, outcomes);
  if (perTask !== null) result.adaptation = combineAdaptation(evaluationSteps(config.innerSteps), config.innerSteps, perTask, swaps);
  return result;
}
