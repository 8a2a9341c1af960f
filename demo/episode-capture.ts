import { type Env, type LunarLanderInfo, LunarLander, type ResetResult, type StepResult } from '../src/index.js';
import { landerFrame, landerScenery } from './lunarlander-trace.js';

/**
 * What the preview recorder keeps of an env for its renderer: the state after reset and after
 * every step, and what stays fixed through the episode. By default the state is the env's
 * getState() where it has one (CartPole, the intersection), else its observation, with no
 * scenery; LunarLander's observation cannot place its legs or terrain, so it is read from the
 * physics scene (lunarlander-trace.ts).
 */
export interface EpisodeCapture {
  frame(result: ResetResult | StepResult): Float64Array;
  /** Called after reset. */
  scenery(): Float64Array;
}

interface Stateful {
  getState(): Float64Array;
}

export function captureOf(env: Env<number, never>): EpisodeCapture {
  if (env instanceof LunarLander) {
    return {
      frame: (result) => landerFrame(env, (result.info as LunarLanderInfo).endReason),
      scenery: () => landerScenery(env),
    };
  }
  const withState = env as unknown as Partial<Stateful>;
  return {
    frame: (result) => (typeof withState.getState === 'function' ? withState.getState() : Float64Array.from(result.obs)),
    scenery: () => new Float64Array(0),
  };
}
