/**
 * Reference drivers of the pad family, to give learned returns a scale: Gymnasium's heuristic
 * controller steering to a target x instead of the screen's centre. The oracle steers to the
 * task's pad; the task-agnostic driver steers to the middle of the pad range, the best a policy
 * that ignores the task can aim for when pads are symmetric about it.
 */
import { PCG64 } from '../rng/pcg64.js';
import { lunarLanderHeuristic } from './lunar-lander-heuristic.js';
import { LUNAR_LANDER_PAD_FAMILY, LUNAR_LANDER_PAD_TASK_RANGES } from './lunar-lander-pad.js';
import { PAD_HALF_WIDTH, W } from './lunar-lander-scene.js';

const shifted = new Float64Array(8);

/** Gymnasium's heuristic action for steering to the pad centred at `targetX` (m). */
export function padHeuristic(obs: ArrayLike<number>, targetX: number): number {
  for (let i = 0; i < 8; i++) shifted[i] = obs[i];
  shifted[0] = obs[0] - (targetX - W / 2) / (W / 2);
  return lunarLanderHeuristic(shifted);
}

/** What `evaluatePadDriver` measured over its tasks. */
export interface PadDriverEvaluation {
  readonly episodes: number;
  readonly meanReturn: number;
  readonly meanSteps: number;
  /** Fractions of episodes that ended with the lander at rest on the pad (its hull's centre within PAD_HALF_WIDTH of padX), and crashed. */
  readonly onPadRate: number;
  readonly crashRate: number;
}

/**
 * One episode on each of `tasks` pads drawn uniformly from the default range by `new PCG64(seed)`;
 * episode i starts from `reset({ seed: seed + 1 + i })`. `aware` steers to the task's pad (the
 * oracle), otherwise to the middle of the range (the task-agnostic driver).
 */
export function evaluatePadDriver(aware: boolean, options: { tasks?: number; seed?: number } = {}): PadDriverEvaluation {
  const { tasks = 1000, seed = 0 } = options;
  if (!Number.isSafeInteger(tasks) || tasks <= 0) throw new Error(`evaluatePadDriver: tasks must be a positive integer, got ${tasks}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`evaluatePadDriver: seed must be a non-negative integer, got ${seed}`);
  const [lo, hi] = LUNAR_LANDER_PAD_TASK_RANGES.padX;
  const rng = new PCG64(seed);
  let total = 0, steps = 0, onPad = 0, crashes = 0;
  for (let i = 0; i < tasks; i++) {
    const padX = rng.uniform(lo, hi);
    const env = LUNAR_LANDER_PAD_FAMILY.make({ padX });
    let obs = env.reset({ seed: seed + 1 + i }).obs;
    const target = aware ? padX : (lo + hi) / 2;
    for (;;) {
      const r = env.step(padHeuristic(obs, target));
      total += r.reward;
      steps++;
      obs = r.obs;
      if (r.terminated || r.truncated) {
        const x = env.scene?.lander.xf.px ?? NaN;
        if (r.info.endReason === 'at-rest' && Math.abs(x - padX) <= PAD_HALF_WIDTH) onPad++;
        if (r.info.endReason === 'crash') crashes++;
        break;
      }
    }
  }
  return { episodes: tasks, meanReturn: total / tasks, meanSteps: steps / tasks, onPadRate: onPad / tasks, crashRate: crashes / tasks };
}
