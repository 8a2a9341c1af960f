// eval.json's adaptation over a group's seeds: the mean held-out return after each number of inner
// steps, sampled and greedy, and the swap test's own, other and gap, each with its 95% interval.
// Runs whose eval.json has no adaptation block (written before it was evaluated) are left out and
// counted; a group with none has no adaptation figures.
import type { ActionMode } from '../meta/adaptation-eval.js';
import type { SwapScore } from '../meta/swap-test.js';
import type { RunGroup } from './groups.js';
import { type MeanInterval, meanInterval } from './statistics.js';

export type { ActionMode };
export const ACTION_MODES: readonly ActionMode[] = ['sampled', 'greedy'];

export interface SwapSummary {
  /** K, where the test is taken. */
  readonly steps: number;
  /** Runs with a swap test (at least two held-out tasks). */
  readonly runs: number;
  readonly own: MeanInterval;
  readonly other: MeanInterval;
  readonly gap: MeanInterval;
}

export interface GroupAdaptation {
  readonly group: RunGroup;
  /** Runs with an adaptation block, of group.runs.length. */
  readonly runs: number;
  /** The inner steps every such run evaluated: 0..steps. */
  readonly steps: number;
  /** Index k: the mean over those runs of the return after k inner steps. */
  readonly returns: Readonly<Record<ActionMode, readonly MeanInterval[]>>;
  readonly swap: Readonly<Record<ActionMode, SwapSummary>> | null;
}

function swapSummary(scores: readonly SwapScore[], steps: number): SwapSummary {
  return { steps, runs: scores.length, own: meanInterval(scores.map((s) => s.own)), other: meanInterval(scores.map((s) => s.other)), gap: meanInterval(scores.map((s) => s.gap)) };
}

/** Null when no run of the group has an adaptation block. */
export function groupAdaptation(group: RunGroup): GroupAdaptation | null {
  const evaluated = group.runs.flatMap((m) => (m.run.adaptation === undefined ? [] : [m.run.adaptation]));
  if (evaluated.length === 0) return null;
  const steps = Math.min(...evaluated.map((a) => a.steps));
  const curve = (mode: ActionMode): MeanInterval[] => Array.from({ length: steps + 1 }, (_, k) => meanInterval(evaluated.map((a) => a[mode].returns[k])));
  const swaps = evaluated.flatMap((a) => (a.swap === null ? [] : [a.swap]));
  // Runs of one group share K; a swap test at another K would not be the same measure.
  const swapSteps = swaps.length === 0 ? null : swaps[0].steps;
  const same = swaps.filter((s) => s.steps === swapSteps);
  const swap = swapSteps === null ? null : { sampled: swapSummary(same.map((s) => s.sampled), swapSteps), greedy: swapSummary(same.map((s) => s.greedy), swapSteps) };
  return { group, runs: evaluated.length, steps, returns: { sampled: curve('sampled'), greedy: curve('greedy') }, swap };
}

export function adaptationOf(groups: readonly RunGroup[]): GroupAdaptation[] {
  return groups.flatMap((g) => {
    const a = groupAdaptation(g);
    return a === null ? [] : [a];
  });
}
