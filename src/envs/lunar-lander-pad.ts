/**
 * LunarLanderPad: Gymnasium's LunarLander with the landing pad moved along the ground by the task
 * and not shown in the observation, so that no single policy lands on every task's pad: it must
 * find the pad from the rewards, as the goal of MAML's navigation tasks.
 *
 * | | |
 * | --- | --- |
 * | Action space | Discrete(4), as LunarLander-v3: 0 noop, 1 left engine, 2 main engine, 3 right engine |
 * | Observation | Box(8), as LunarLander-v3: x is measured from the screen's centre, y from the pad's height, so the pad's position is not in it |
 * | Reward | LunarLander-v3's, the shaping's distance term measured to the task's pad centre `padX` instead of the screen's centre, and the shaping's extra term -padPull·\|x - padX\| / 10 m (padPull 1000 by default): 100 per metre a step closes on the pad horizontally, beside at most 10 from Gymnasium's distance term; coming to rest earns +100 on the pad (the hull's centre within 2 m of padX), `offPadRestReward` (default 0) elsewhere |
 * | Start state | LunarLander-v3's: the lander at the top centre, a random initial force |
 * | Termination | LunarLander-v3's: the hull touches the ground (-100), x leaves the screen (-100), the lander comes to rest (+100) |
 * | Truncation | after 1000 steps |
 *
 * The terrain is drawn as LunarLander-v3 draws it, the chunks from one below the moved pad's
 * first chunk to one above its last set to the pad's height, so the ground is flat over the whole
 * pad (`drawTerrain`). Tasks draw `padX` from [5, 15] m (the screen is 20 m wide, the pad 4 m);
 * padX = 10 with offPadRestReward = 100 and padPull = 0 is LunarLander-v3 bit for bit.
 *
 * Without the pull the task is a small part of the reward (the lander learns to land wherever it
 * aims, and that common signal swamps one inner step's); with it, the inner step on a task's own
 * episodes moves the policy toward that task's pad.
 */
import { type EnvFamily, tasksOf } from './env-family.js';
import { LUNAR_LANDER_PARAMS, LunarLander, type LunarLanderOptions, lunarLanderActionSpace, lunarLanderObservationSpace } from './lunar-lander.js';
import { LUNAR_LANDER_REWARD_THRESHOLD } from './lunar-lander-tasks.js';
import type { Range, TaskFamily, TaskParams } from './task-family.js';

/**
 * LunarLander's table, resting off the pad earning nothing and the shaping pulling toward the pad
 * by default. The pull makes the task the largest part of every step's reward, so that one inner
 * policy-gradient step on a task's episodes points toward its pad rather than only toward landing.
 */
export const LUNAR_LANDER_PAD_PARAMS: typeof LUNAR_LANDER_PARAMS = Object.freeze({
  ...LUNAR_LANDER_PARAMS,
  offPadRestReward: { ...LUNAR_LANDER_PARAMS.offPadRestReward, default: 0 },
  padPull: { ...LUNAR_LANDER_PARAMS.padPull, default: 1000 },
});

export const LUNAR_LANDER_PAD_TASK_RANGES: Readonly<Record<'padX', Range>> = Object.freeze({ padX: Object.freeze([5, 15] as const) });

export const LUNAR_LANDER_PAD_FAMILY: EnvFamily<LunarLander, LunarLanderOptions> = Object.freeze({
  name: 'lunarlander-pad',
  description: 'LunarLander (Gymnasium, discrete) with the landing pad moved along the ground per task and not observed',
  observationSpace: lunarLanderObservationSpace(),
  actionSpace: lunarLanderActionSpace(false),
  rewardThreshold: LUNAR_LANDER_REWARD_THRESHOLD,
  params: LUNAR_LANDER_PAD_PARAMS,
  defaultRanges: LUNAR_LANDER_PAD_TASK_RANGES,
  make: (task: TaskParams, options?: LunarLanderOptions) => new LunarLander({ offPadRestReward: LUNAR_LANDER_PAD_PARAMS.offPadRestReward.default, padPull: LUNAR_LANDER_PAD_PARAMS.padPull.default, ...options, ...task }),
});

/** The default pad family: padX uniform in [5, 15] m, every other parameter at its default. */
export function lunarLanderPadTasks(): TaskFamily<TaskParams, LunarLander, LunarLanderOptions> {
  return tasksOf(LUNAR_LANDER_PAD_FAMILY);
}
