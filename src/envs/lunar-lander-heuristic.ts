/**
 * Gymnasium's hand-written LunarLander controller (`heuristic(env, s)` in lunar_lander.py): a PD
 * controller on the angle and the hover height, switching to fall-speed control on leg contact.
 */

export interface LunarLanderHeuristicOptions {
  /** Return Box(2) throttles instead of a Discrete(4) action. */
  continuous?: boolean;
  /** Where continuous throttles are written (default: a new Float64Array(2)). */
  out?: Float64Array;
}

/** Gymnasium's hand-written LunarLander controller: a discrete action, or with `continuous: true` the two engine throttles. */
export function lunarLanderHeuristic(obs: ArrayLike<number>, options?: { continuous?: false }): number;
export function lunarLanderHeuristic(obs: ArrayLike<number>, options: { continuous: true; out?: Float64Array }): Float64Array;
export function lunarLanderHeuristic(obs: ArrayLike<number>, options?: LunarLanderHeuristicOptions): number | Float64Array {
  if (obs?.length !== 8) throw new Error(`lunarLanderHeuristic: obs must hold 8 numbers (a LunarLander observation), got length ${obs?.length}`);
  // The angle should point towards the centre; more than 0.4 rad is bad.
  let angleTarget = obs[0] * 0.5 + obs[2] * 1.0;
  if (angleTarget > 0.4) angleTarget = 0.4;
  if (angleTarget < -0.4) angleTarget = -0.4;
  // Target height proportional to the horizontal offset.
  const hoverTarget = 0.55 * Math.abs(obs[0]);
  let angleTodo = (angleTarget - obs[4]) * 0.5 - obs[5] * 1.0;
  let hoverTodo = (hoverTarget - obs[1]) * 0.5 - obs[3] * 0.5;
  if (obs[6] || obs[7]) {
    // After touchdown only the fall speed matters.
    angleTodo = 0;
    hoverTodo = -obs[3] * 0.5;
  }
  if (options?.continuous === true) {
    const out = options.out ?? new Float64Array(2);
    out[0] = Math.min(Math.max(hoverTodo * 20 - 1, -1), 1);
    out[1] = Math.min(Math.max(-angleTodo * 20, -1), 1);
    return out;
  }
  if (hoverTodo > Math.abs(angleTodo) && hoverTodo > 0.05) return 2;
  if (angleTodo < -0.05) return 3;
  if (angleTodo > 0.05) return 1;
  return 0;
}
