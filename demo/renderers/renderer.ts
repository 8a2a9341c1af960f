/** Draws one env family's state; the episode player calls it once per animation frame. */

export interface Frame {
  /** The env state at this frame (the env's getState() layout). */
  readonly state: Float64Array;
  /** The action taken from this state; NaN on the episode's last frame. */
  readonly action: number;
  /** Env steps taken to reach this frame. */
  readonly step: number;
  /** The episode has ended at this frame, terminated (not truncated) if `terminated`. */
  readonly ended: boolean;
  readonly terminated: boolean;
  /** The episode's fixed part (EpisodeTrace.scenery). */
  readonly scenery: Float64Array;
  /** The env's parameters for the task. */
  readonly params: Readonly<Record<string, unknown>>;
}

export interface EnvRenderer {
  /** Env seconds per step, so that episodes play in real time. */
  secondsPerStep(params: Readonly<Record<string, unknown>>): number;
  draw(ctx: CanvasRenderingContext2D, width: number, height: number, frame: Frame): void;
}

/** A numeric env parameter, or `fallback` when the env does not report it. */
export function param(params: Readonly<Record<string, unknown>>, key: string, fallback: number): number {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
