/**
 * Reference drivers of the goal family, to give learned returns a scale: a bang-bang linear state
 * feedback that balances the pole while it steers the cart to a target position. The oracle steers
 * to the task's goal; the task-agnostic driver steers to the middle of the goal range, the best a
 * policy that ignores the task can aim for when goals are symmetric about it.
 */
import { PCG64 } from '../rng/pcg64.js';
import { CARTPOLE_GOAL_TASK_RANGES, CartPoleGoal } from './cartpole-goal.js';

/**
 * Feedback gains on (x - target, ẋ, θ, θ̇): push right when their weighted sum is positive. Chosen
 * by a grid search over the oracle's mean return on the default family.
 */
export const GOAL_FEEDBACK_GAINS: readonly [number, number, number, number] = Object.freeze([0.5, 0.6, 3, 1] as const);

/** The action of the feedback law steering to `target`. */
export function goalFeedback(state: ArrayLike<number>, target: number): number {
  const [k1, k2, k3, k4] = GOAL_FEEDBACK_GAINS;
  const u = k1 * (state[0] - target) + k2 * state[1] + k3 * state[2] + k4 * state[3];
  return u > 0 ? 1 : 0;
}

/** Returns of the hand-written goal-seeking controller over sampled tasks. */
export interface GoalDriverEvaluation {
  readonly episodes: number;
  readonly meanReturn: number;
  readonly meanSteps: number;
}

/**
 * One episode on each of `tasks` goals drawn uniformly from the default range by `new PCG64(seed)`;
 * episode i starts from `reset({ seed: seed + 1 + i })`. `aware` steers to the task's goal (the
 * oracle), otherwise to the middle of the range (the task-agnostic driver).
 */
export function evaluateGoalDriver(aware: boolean, options: { tasks?: number; seed?: number } = {}): GoalDriverEvaluation {
  const { tasks = 1000, seed = 0 } = options;
  if (!Number.isSafeInteger(tasks) || tasks <= 0) throw new Error(`evaluateGoalDriver: tasks must be a positive integer, got ${tasks}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`evaluateGoalDriver: seed must be a non-negative integer, got ${seed}`);
  const [lo, hi] = CARTPOLE_GOAL_TASK_RANGES.goal;
  const middle = (lo + hi) / 2;
  const rng = new PCG64(seed);
  let total = 0, steps = 0;
  for (let i = 0; i < tasks; i++) {
    const env = new CartPoleGoal({ goal: rng.uniform(lo, hi) });
    env.reset({ seed: seed + 1 + i });
    const target = aware ? env.goal : middle;
    for (;;) {
      const { reward, terminated, truncated } = env.step(goalFeedback(env.getState(), target));
      total += reward;
      steps++;
      if (terminated || truncated) break;
    }
  }
  return { episodes: tasks, meanReturn: total / tasks, meanSteps: steps / tasks };
}
