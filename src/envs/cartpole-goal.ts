/**
 * CartPoleGoal: CartPole-v1's dynamics with a target cart position that the task places and the
 * policy does not observe, so that no single policy serves every task: it must find the goal from
 * the rewards, as in the 2D navigation tasks of MAML's experiments.
 *
 * | | |
 * | --- | --- |
 * | Action space | Discrete(2): 0 pushes the cart left, 1 right, with `forceMag` newtons |
 * | Observation | Box(4), float32: cart position x, cart velocity, pole angle θ, pole angular velocity (as CartPole-v1; the goal is not in it) |
 * | Reward | exp(-((x - goal) / width)²) per step, x after the step, while the pole is up; 0 on the step it terminates |
 * | Start state | CartPole-v1's: the four state variables uniform in [-0.05, 0.05] |
 * | Termination | CartPole-v1's: \|θ\| > 12° or \|x\| > 2.4 |
 * | Truncation | after `maxEpisodeSteps` steps (default 200) |
 *
 * Tasks draw `goal` from [-1.5, 1.5] m by default. The reward uses the engine's own exp, so it has
 * the same bits in every JavaScript engine.
 */
import { expScalar } from '../kernels/exp-log.js';
import { CARTPOLE_ACTION_SPACE, CARTPOLE_DEFAULTS, CARTPOLE_PARAMS, CartPole, type CartPoleResetOptions, cartPoleObservationSpace } from './cartpole.js';
import { EMPTY_INFO, type BoxSpace, type DiscreteSpace, type Env, type ResetArgs, type ResetResult, type StepResult } from './env.js';
import { type EnvFamily, tasksOf } from './env-family.js';
import { checkParams, paramChecks, type ParamTable } from './params.js';
import type { Range, TaskFamily, TaskParams } from './task-family.js';

export const CARTPOLE_GOAL_PARAMS = Object.freeze({
  goal: { default: 0, min: -2, max: 2, unit: 'm', meaning: 'the cart position the reward peaks at (not observed)' },
  width: { default: 0.5, min: 0.05, max: 10, unit: 'm', meaning: 'distance from the goal at which the reward falls to 1/e' },
  length: CARTPOLE_PARAMS.length,
  masspole: CARTPOLE_PARAMS.masspole,
  forceMag: CARTPOLE_PARAMS.forceMag,
} satisfies ParamTable);

export const CARTPOLE_GOAL_TASK_RANGES: Readonly<Record<'goal', Range>> = Object.freeze({ goal: Object.freeze([-1.5, 1.5] as const) });

// The CartPole parameters are CartPole's to check.
const GOAL_CHECKS = paramChecks({ goal: CARTPOLE_GOAL_PARAMS.goal, width: CARTPOLE_GOAL_PARAMS.width });

/** CartPoleGoal's goal and reward width, the CartPole constants a task may set, episode length and seed. */
export interface CartPoleGoalOptions {
  goal?: number;
  width?: number;
  length?: number;
  masspole?: number;
  forceMag?: number;
  /** Default 200. */
  maxEpisodeSteps?: number;
  /** Seeds a `reset()` that passes no seed, as CartPole's option. */
  seed?: number | bigint;
}

/** CartPole-v1's dynamics with a goal cart position that the task places and the policy does not observe; the reward peaks at the goal. */
export class CartPoleGoal implements Env<number, CartPoleResetOptions> {
  readonly goal: number;
  readonly width: number;
  private readonly cartpole: CartPole;
  private terminatedBefore = false;

  constructor(options: CartPoleGoalOptions = {}) {
    const { goal = 0, width = 0.5, maxEpisodeSteps = 200, ...cartpole } = options;
    checkParams('CartPoleGoal', GOAL_CHECKS, { goal, width });
    this.goal = goal;
    this.width = width;
    this.cartpole = new CartPole({ ...cartpole, maxEpisodeSteps });
  }

  get observationSpace(): BoxSpace {
    return this.cartpole.observationSpace;
  }

  get actionSpace(): DiscreteSpace {
    return this.cartpole.actionSpace;
  }

  get maxEpisodeSteps(): number {
    return this.cartpole.maxEpisodeSteps;
  }

  /** Starts an episode as CartPole's reset does. */
  reset(args: ResetArgs<CartPoleResetOptions> = {}): ResetResult {
    this.terminatedBefore = false;
    return this.cartpole.reset(args);
  }

  /** Advances CartPole's dynamics one step; the reward is exp(-((x - goal) / width)²) while the pole is up. */
  step(action: number): StepResult {
    const result = this.cartpole.step(action);
    let reward = 0;
    if (!result.terminated && !this.terminatedBefore) {
      const d = (this.cartpole.getState()[0] - this.goal) / this.width;
      reward = expScalar(-(d * d));
    }
    this.terminatedBefore ||= result.terminated;
    return { obs: result.obs, reward, terminated: result.terminated, truncated: result.truncated, info: EMPTY_INFO };
  }

  /** The full-precision state (x, xDot, θ, θDot), as CartPole's. */
  getState(): Float64Array {
    return this.cartpole.getState();
  }

  /** Sets the full-precision state (x, xDot, θ, θDot), as CartPole's. */
  setState(state: Float64Array | readonly number[]): void {
    this.cartpole.setState(state);
  }
}

export const CARTPOLE_GOAL_FAMILY: EnvFamily<CartPoleGoal, Pick<CartPoleGoalOptions, 'maxEpisodeSteps' | 'seed'>> = Object.freeze({
  name: 'cartpole-goal',
  description: 'CartPole-v1 dynamics, the reward peaking at a cart position the task places and the policy does not observe',
  // CartPole's spaces at its default thresholds, which no task or option of the family changes.
  observationSpace: cartPoleObservationSpace(CARTPOLE_DEFAULTS),
  actionSpace: CARTPOLE_ACTION_SPACE,
  params: CARTPOLE_GOAL_PARAMS,
  defaultRanges: CARTPOLE_GOAL_TASK_RANGES,
  make: (task: TaskParams, options?: Pick<CartPoleGoalOptions, 'maxEpisodeSteps' | 'seed'>) => new CartPoleGoal({ ...options, ...task }),
});

/** The default goal family: goal uniform in [-1.5, 1.5] m, every other parameter at its default. */
export function cartPoleGoalTasks(): TaskFamily<TaskParams, CartPoleGoal, Pick<CartPoleGoalOptions, 'maxEpisodeSteps' | 'seed'>> {
  return tasksOf(CARTPOLE_GOAL_FAMILY);
}
